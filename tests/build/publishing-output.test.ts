import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import { parseBuildManifest } from "../../src/hosting/build-manifest.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { headersFor, HASHED_ASSET_DIRS } from "../../src/hosting/header-rules.ts";
import { all } from "../helpers/dom.ts";
import { article, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";
import { assertOneRulePerUrl, parseHeadersFile } from "../helpers/headers-file.ts";

let site: FixtureSite;
let files: string[];

before(async () => {
  site = await buildFixture({
    "articles/bendi/peony.md": article({
      title: "牡丹节开幕",
      aliases: ["/news/2021-11/22/content_12345.htm", "/bendi/old-peony/"],
    }),
    "articles/tiyu/run.md": article({ title: "马拉松", section: "体育", date: "2021-11-23 08:00" }),
    "articles/tiyu/later.md": article({ title: "尚未发布", section: "体育", date: "2099-01-01 08:00" }),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  files = listFiles(site.outputDir);
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("CSS, scripts and images have content-hashed names, and pages use those names", async () => {
  const assets = files.filter((f) => HASHED_ASSET_DIRS.some((dir) => f.startsWith(`${dir}/`)));
  for (const name of ["css/site", "js/qrcode", "js/share", "images/police-badge"]) {
    assert.ok(
      assets.some((f) => f.startsWith(`${name}.`)),
      `${name} is in the site`,
    );
  }
  for (const asset of assets.filter((f) => !f.startsWith("img/"))) {
    const hash = sha256(await readFile(path.join(site.outputDir, asset))).slice(0, 10);
    assert.match(asset, new RegExp(`\\.${hash}\\.[a-z0-9]+$`), `${asset} is named by its content`);
  }
  const doc = await site.page("/bendi/2021/11/22/peony/");
  const refs = all(doc, "script[src], link[rel=stylesheet], img[src]").map(
    (el) => el.getAttribute("src") ?? el.getAttribute("href") ?? "",
  );
  assert.ok(refs.length >= 3);
  for (const ref of refs) assert.ok(files.includes(ref.slice(1)), `${ref} exists`);
  // The QR library is not on the page: share.js loads it, under its hashed name, when 微信 opens.
  assert.ok(!refs.some((ref) => ref.includes("qrcode")));
  const share = refs.find((ref) => /^\/js\/share\.[0-9a-f]{10}\.js$/.test(ref))!;
  const qrcode = assets.find((f) => /^js\/qrcode\.[0-9a-f]{10}\.js$/.test(f))!;
  assert.ok((await site.file(share)).includes(`"/${qrcode}"`), "share.js names the hashed QR library");
});

test("published scripts and styles are minified, licence comments kept", async () => {
  const css = await site.file(files.find((f) => /^css\/site\.\w+\.css$/.test(f))!);
  const source = await readFile("public/css/site.css", "utf8");
  assert.ok(css.length < source.length * 0.8, `${css.length} bytes of ${source.length}`);
  assert.doesNotMatch(css, /\/\* heze-press/, "comments are gone");
  assert.ok(css.split("\n").length < 5, "no line per declaration");
  const qr = await site.file(files.find((f) => f.startsWith("js/qrcode."))!);
  assert.match(qr, /^\/\/[^\n]*\n\/\/[^\n]*\n\/\/ QR Code Generator[\s\S]*MIT license/);
  assert.ok(qr.length < 40_000, `${qr.length} bytes`);
});

test("_headers gives every file exactly one rule: its headers from the one rules module", async () => {
  const rules = parseHeadersFile(await site.file("_headers"));
  assert.ok(rules.length <= 100, "within Cloudflare Pages' limit");
  assertOneRulePerUrl(rules, files);
  const css = files.find((f) => f.startsWith("css/"))!;
  assert.equal(headersFor(css)["Cache-Control"], "public, max-age=31536000, immutable");
  assert.match(headersFor("index.html")["Cache-Control"]!, /stale-while-revalidate/);
});

test("_redirects has a 301 for each site redirect and each article alias", async () => {
  const lines = (await site.file("_redirects"))
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split(/\s+/));
  assert.deepEqual(lines, [
    ["/index.htm", "/", "301"],
    ["/news/2021-11/22/content_12345.htm", "/bendi/2021/11/22/peony/", "301"],
    ["/bendi/old-peony/", "/bendi/2021/11/22/peony/", "301"],
  ]);
});

test("the build manifest lists every other file with its size and SHA-256", async () => {
  const manifest = parseBuildManifest(await site.file("build-manifest.json"));
  assert.deepEqual(
    Object.keys(manifest.files),
    files.filter((f) => f !== "build-manifest.json"),
  );
  for (const [file, entry] of Object.entries(manifest.files)) {
    const bytes = await readFile(path.join(site.outputDir, file));
    assert.deepEqual(entry, { size: bytes.length, sha256: sha256(bytes) }, file);
  }
  assert.equal(manifest.nextEmbargo, "2099-01-01T08:00:00+08:00", "the embargoed article's time");
  assert.equal(manifest.nextRebuild, "2099-01-01T08:00:00+08:00");
  assert.ok(!Object.keys(manifest.files).some((f) => f.includes("2099")), "and nothing of it is published");
  assert.equal(manifest.baseUrl, "https://www.heze.cn");
});
