import assert from "node:assert/strict";
import { once } from "node:events";
import { appendFile, cp, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { JSDOM } from "jsdom";
import { parseBuildManifest, type BuildManifest } from "../../src/hosting/build-manifest.ts";
import { PENDING_PURGE_FILE } from "../../src/publish/pending-purge.ts";
import { purgeUrls } from "../../src/publish/publish.ts";
import sharp from "sharp";
import {
  article,
  buildContent,
  writeFixture,
  type FixtureFiles,
  type FixtureSite,
} from "../helpers/fixture-site.ts";
import { runPublish, startPublish, startS3Server, type StoredObject } from "../helpers/s3-server.ts";
import { writeCheckedFile } from "../../src/util/checked-file.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#b3120f" } })
  .png()
  .toBuffer();
const marathon = {
  title: "马拉松开跑",
  section: "体育",
  date: "2026-04-09 08:00",
  image: "/media/run.png",
  image_alt: "起跑",
};
const ARTICLES: FixtureFiles = {
  "media/run.png": photo,
  "articles/bendi/peony.md": article({ title: "牡丹节开幕", date: "2026-04-08 09:30" }),
  "articles/tiyu/marathon.md": article(marathon),
  "articles/wenhua/opera.md": article({ title: "戏曲进校园", section: "文化", date: "2026-04-10 10:00" }),
};

let first: FixtureSite;
let edited: FixtureSite;
let shrunk: FixtureSite;

async function build(files: FixtureFiles): Promise<FixtureSite> {
  const site = await buildContent(await writeFixture(files), { HEZE_NOW: "2026-04-11T12:00:00+08:00" });
  assert.equal(site.exitCode, 0, site.stderr);
  return site;
}

const manifestOf = async (site: FixtureSite): Promise<BuildManifest> =>
  parseBuildManifest(await site.file("build-manifest.json"));

before(async () => {
  [first, edited, shrunk] = await Promise.all([
    build(ARTICLES),
    build({
      ...ARTICLES,
      // A correction: the byline's editor, shown on the article page.
      "articles/tiyu/marathon.md": article({ ...marathon, editor: "赵磊" }),
    }),
    build({ "articles/bendi/peony.md": ARTICLES["articles/bendi/peony.md"]! }),
  ]);
});

const puts = (requests: { method: string; key: string; status: number }[]) =>
  requests.filter((r) => r.method === "PUT" && r.status === 200).map((r) => r.key);

/**
 * Every file a stored page loads (styles, scripts, images, icons) is stored too. Links between pages
 * are not checked: an article and the homepage link to each other, so one of them goes up first.
 */
function assertNoMissingReferences(objects: Map<string, StoredObject>, manifest: BuildManifest) {
  for (const [key, object] of objects) {
    if (!key.endsWith(".html")) continue;
    const doc = new JSDOM(object.body.toString("utf8")).window.document;
    for (const element of doc.querySelectorAll("[src], link[rel~='stylesheet'], link[rel~='icon']")) {
      const ref = element.getAttribute("src") ?? element.getAttribute("href") ?? "";
      if (!ref.startsWith("/")) continue;
      const target = ref.slice(1) + (ref.endsWith("/") ? "index.html" : "");
      if (target in manifest.files)
        assert.ok(objects.has(target), `${key} references ${ref}, not in the bucket`);
    }
  }
}

test("a first publish uploads every file with its type and cache rules, the manifest last", async (t) => {
  const s3 = await startS3Server(t);
  const result = await runPublish(first.outputDir, s3);
  assert.equal(result.exitCode, 0, result.stderr);
  const manifest = await manifestOf(first);
  const objects = await s3.objects();
  assert.deepEqual(
    [...objects.keys()].sort(),
    [...Object.keys(manifest.files), "build-manifest.json"].sort(),
  );
  for (const [file, entry] of Object.entries(manifest.files))
    assert.equal(objects.get(file)!.body.length, entry.size);

  const page = objects.get("tiyu/2026/04/09/marathon/index.html")!;
  assert.equal(page.contentType, "text/html; charset=utf-8");
  assert.match(page.cacheControl!, /^public, max-age=\d+, stale-while-revalidate=\d+$/);
  const css = [...objects].find(([key]) => key.startsWith("css/"))!;
  assert.equal(css[1].contentType, "text/css; charset=utf-8");
  assert.equal(css[1].cacheControl, "public, max-age=31536000, immutable");

  const order = puts(s3.requests);
  assert.equal(order.at(-1), "build-manifest.json");
  const lastAsset = Math.max(...order.map((k, i) => (/^(css|js|images)\//.test(k) ? i : -1)));
  const firstPage = order.findIndex((k) => k.endsWith(".html"));
  assert.ok(lastAsset < firstPage, "assets go up before pages");
  assert.ok(
    order.indexOf("tiyu/2026/04/09/marathon/index.html") < order.indexOf("index.html"),
    "articles before fronts",
  );

  assert.match(result.stdout, new RegExp(`uploaded ${Object.keys(manifest.files).length} \\(`));
  const purge = (await readFile(path.join(path.dirname(first.outputDir), "purge-urls.txt"), "utf8")).split(
    "\n",
  );
  assert.ok(purge.includes("https://www.heze.cn/tiyu/2026/04/09/marathon/"));
  assert.ok(!purge.some((url) => url.includes("/css/")), "hashed assets need no purge");
});

test("a second publish with one changed article uploads only the files that changed", async (t) => {
  const s3 = await startS3Server(t);
  assert.equal((await runPublish(first.outputDir, s3)).exitCode, 0);
  s3.requests.length = 0;
  const result = await runPublish(edited.outputDir, s3);
  assert.equal(result.exitCode, 0, result.stderr);

  const [before, after] = [await manifestOf(first), await manifestOf(edited)];
  const changed = Object.keys(after.files).filter((f) => before.files[f]?.sha256 !== after.files[f]!.sha256);
  assert.ok(changed.includes("tiyu/2026/04/09/marathon/index.html"));
  assert.ok(changed.length <= 5, `a handful of pages and feeds, not the site: ${changed.join(" ")}`);
  assert.deepEqual(puts(s3.requests).sort(), [...changed, "build-manifest.json", PENDING_PURGE_FILE].sort());
  const total = Object.keys(after.files).length;
  assert.match(result.stdout, new RegExp(`uploaded ${changed.length} .*unchanged ${total - changed.length}`));
  const purge = await readFile(path.join(path.dirname(edited.outputDir), "purge-urls.txt"), "utf8");
  assert.deepEqual(purge.trim().split("\n"), purgeUrls("https://www.heze.cn", changed));
  assert.ok(purge.includes("https://www.heze.cn/tiyu/2026/04/09/marathon/\n"));

  s3.requests.length = 0;
  const again = await runPublish(edited.outputDir, s3);
  assert.equal(again.exitCode, 0, again.stderr);
  assert.deepEqual(puts(s3.requests), [], "nothing changed: nothing uploaded");
});

test("objects the site no longer has are deleted only with --delete, after the uploads; images later", async (t) => {
  const s3 = await startS3Server(t);
  assert.equal((await runPublish(first.outputDir, s3)).exitCode, 0);
  const gone = "tiyu/2026/04/09/marathon/index.html";

  const shrunkManifest = await manifestOf(shrunk);
  const kept = await runPublish(shrunk.outputDir, s3);
  assert.equal(kept.exitCode, 0, kept.stderr);
  assert.match(kept.stdout, /keep \(no --delete\) 2,/);
  assert.match(kept.stdout, /kept 4,/, "two pages, and the photo's two sizes");
  assert.ok((await s3.objects()).has(gone));

  s3.requests.length = 0;
  const deleted = await runPublish(shrunk.outputDir, s3, ["--delete"]);
  assert.equal(deleted.exitCode, 0, deleted.stderr);
  assert.match(deleted.stdout, /deleted 2/);
  const objects = await s3.objects();
  assert.ok(!objects.has(gone));
  assert.ok(!objects.has("wenhua/2026/04/10/opera/index.html"));
  // The dropped article's photos stay a while: pages cached before this publish still show them.
  const photos = [...objects.keys()].filter((key) => key.startsWith("img/"));
  assert.ok(photos.length > 0);
  assert.ok(photos.every((key) => !(key in shrunkManifest.files)));
  assert.match(deleted.stdout, new RegExp(`keeping ${photos.length} unused hashed asset`));
  const stored = parseBuildManifest(objects.get("build-manifest.json")!.body.toString("utf8"));
  assert.deepEqual(Object.keys(stored.retired ?? {}).sort(), photos.sort());
  const deletes = s3.requests.filter((r) => r.method === "DELETE").map((r) => s3.requests.indexOf(r));
  const lastPut = s3.requests.findLastIndex((r) => r.method === "PUT");
  assert.ok(Math.min(...deletes) > lastPut, "deletions come after every upload");
});

test("--dry-run prints the plan and changes nothing", async (t) => {
  const s3 = await startS3Server(t);
  const result = await runPublish(first.outputDir, s3, ["--dry-run", "--delete"]);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /plan: upload \d+ /);
  assert.match(result.stdout, /upload tiyu\/2026\/04\/09\/marathon\/index\.html/);
  assert.match(result.stdout, /nothing was changed/);
  assert.deepEqual(
    s3.requests.filter((r) => r.method !== "GET"),
    [],
  );
  assert.equal((await s3.objects()).size, 0);
});

test("transient server errors are retried and the publish completes (under a key prefix)", async (t) => {
  const s3 = await startS3Server(t);
  // The first attempt of every upload fails (500 or 503), and so does the first listing.
  s3.fail = ({ method, key, attempt }) =>
    attempt === 1 && (method === "PUT" || key === "") ? (key.length % 2 ? 500 : 503) : undefined;
  const result = await runPublish(first.outputDir, s3, ["--prefix", "/www/"]);
  assert.equal(result.exitCode, 0, result.stderr);
  const manifest = await manifestOf(first);
  assert.match(result.stdout, /retried [1-9]\d*/);
  const keys = [...(await s3.objects()).keys()];
  assert.deepEqual(
    keys.sort(),
    [...Object.keys(manifest.files), "build-manifest.json"].map((f) => `www/${f}`).sort(),
  );
});

test("a killed publish leaves no page pointing at a missing file, and a re-run finishes it", async (t) => {
  const s3 = await startS3Server(t);
  s3.delayMs = 60;
  const child = startPublish(first.outputDir, s3, ["--concurrency", "1"]);
  const exited = once(child, "exit");
  while (puts(s3.requests).length < 8 && child.exitCode === null) await sleep(20);
  assert.equal(child.exitCode, null, "still running when killed");
  child.kill("SIGKILL");
  await exited;
  await sleep(200); // let the request in flight land or fail
  const manifest = await manifestOf(first);
  const partial = await s3.objects();
  assert.ok(partial.size < Object.keys(manifest.files).length, "killed half-way");
  assert.ok(!partial.has("build-manifest.json"));
  assertNoMissingReferences(partial, manifest);

  s3.delayMs = 0;
  const uploadedBefore = new Set(partial.keys());
  s3.requests.length = 0;
  const result = await runPublish(first.outputDir, s3);
  assert.equal(result.exitCode, 0, result.stderr);
  const reuploaded = puts(s3.requests).filter((key) => uploadedBefore.has(key));
  assert.deepEqual(reuploaded, [], "nothing already in the bucket is sent again");
  const objects = await s3.objects();
  assert.equal(objects.size, Object.keys(manifest.files).length + 1);
  assertNoMissingReferences(objects, manifest);
});

test("the purge list of a re-run covers what a killed publish uploaded, though the re-run finds it unchanged", async (t) => {
  const s3 = await startS3Server(t);
  assert.equal((await runPublish(first.outputDir, s3)).exitCode, 0);
  const page = "tiyu/2026/04/09/marathon/index.html";
  s3.delayMs = 60;
  s3.requests.length = 0;
  const child = startPublish(edited.outputDir, s3, ["--concurrency", "1"]);
  const exited = once(child, "exit");
  while (!puts(s3.requests).includes(page) && child.exitCode === null) await sleep(10);
  child.kill("SIGKILL");
  await exited;
  await sleep(200);
  const stored = (await s3.objects()).get(PENDING_PURGE_FILE);
  assert.ok(stored, "the killed run left its list in the bucket");
  assert.ok(JSON.parse(stored.body.toString()).paths.includes(page));

  s3.delayMs = 0;
  s3.requests.length = 0;
  const purgeFile = path.join(path.dirname(edited.outputDir), "purge-after-kill.txt");
  const rerun = await runPublish(edited.outputDir, s3, ["--purge-file", purgeFile]);
  assert.equal(rerun.exitCode, 0, rerun.stderr);
  assert.ok(!puts(s3.requests).includes(page), "the page arrived before the kill: not sent again");
  const purge = (await readFile(purgeFile, "utf8")).split("\n");
  assert.ok(purge.includes("https://www.heze.cn/tiyu/2026/04/09/marathon/"), purge.join(" "));
  assert.ok(!(await s3.objects()).has(PENDING_PURGE_FILE), "a finished publish removes the list");
});

test("wrong or missing credentials fail with a clear message and exit 1", async (t) => {
  const s3 = await startS3Server(t);
  const secret = "do-not-print-this-secret";
  const wrong = await runPublish(first.outputDir, s3, [], {
    AWS_ACCESS_KEY_ID: "NOT-A-KEY",
    AWS_SECRET_ACCESS_KEY: secret,
  });
  assert.equal(wrong.exitCode, 1);
  assert.match(wrong.stderr, /publish failed: bucket heze-site: .*check AWS_ACCESS_KEY_ID/);
  assert.ok(!wrong.stderr.includes(secret) && !wrong.stdout.includes(secret), "the secret is never printed");
  assert.doesNotMatch(wrong.stderr, /\n\s+at /, "no stack trace");

  const missing = await runPublish(first.outputDir, s3, [], {
    AWS_ACCESS_KEY_ID: "",
    AWS_SECRET_ACCESS_KEY: "",
  });
  assert.equal(missing.exitCode, 1);
  assert.match(missing.stderr, /set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  assert.equal((await s3.objects()).size, 0);
});

test("a site edited after its build is refused before it reaches the bucket", async (t) => {
  const s3 = await startS3Server(t);
  const copy = path.join(await tempDir("heze-edited-"), "_site");
  await cp(first.outputDir, copy, { recursive: true });
  await appendFile(path.join(copy, "index.html"), "<!-- edited by hand -->");
  const result = await runPublish(copy, s3);
  assert.equal(result.exitCode, 1);
  assert.match(result.stderr, /index\.html changed since the build wrote its manifest: build again/);
  assert.ok(!(await s3.objects()).has("index.html"));
});

test("a site a stopped build left half updated is refused until a build finishes it", async (t) => {
  const s3 = await startS3Server(t);
  const copy = path.join(await tempDir("heze-half-"), "_site");
  await cp(first.outputDir, copy, { recursive: true });
  const staging = `${copy}.staging-999999-1`;
  await mkdir(staging);
  writeCheckedFile(path.join(staging, ".update-journal.json"), { moves: [], removals: [] });
  const result = await runPublish(copy, s3);
  assert.equal(result.exitCode, 1);
  assert.match(
    result.stderr,
    /half updated by a build that was stopped .*run `npm run build` to finish it first/,
  );
  assert.equal((await s3.objects()).size, 0);
});
