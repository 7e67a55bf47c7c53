import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { formatBuildManifest } from "../../src/hosting/build-manifest.ts";
import { describeFile } from "../../src/hosting/describe-file.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { finishInterruptedUpdates, listingDigest, updateInPlace } from "../../src/pages/live-output.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { liveOutputOf, writeLiveSite } from "../helpers/live-site.ts";
import { writeCheckedFile } from "../../src/util/checked-file.ts";
import { tempDir } from "../helpers/temp-dir.ts";

type Files = Record<string, string>;

async function contents(dir: string): Promise<Files> {
  const found: Files = {};
  for (const file of listFiles(dir)) found[file] = await readFile(path.join(dir, file), "utf8");
  return found;
}

const liveFiles = {
  "index.html": "首页 1",
  "bendi/a/index.html": "稿件 a",
  "bendi/b/index.html": "稿件 b",
  "css/site.css": "body {}",
};

test("an update moves in only the files that changed, removes those gone, and leaves no empty folder", async () => {
  const root = await tempDir("heze-live-");
  const live = path.join(root, "_site");
  const staging = path.join(root, "_site.staging-1-1");
  const liveManifest = await writeLiveSite(live, liveFiles);
  const output = liveOutputOf(live, liveManifest);
  // The new site: a kept page (not staged), one rewritten with the same bytes, one changed, one new;
  // bendi/b is gone.
  assert.equal(output.keep("bendi/a/index.html", describeFile(Buffer.from("稿件 a"))), true);
  assert.equal(output.keep("css/site.css", describeFile(Buffer.from("other bytes"))), false);
  const staged = { "css/site.css": "body {}", "index.html": "首页 2", "bendi/c/index.html": "稿件 c" };
  const manifest = await writeLiveSite(staging, staged);
  manifest.files["bendi/a/index.html"] = describeFile(Buffer.from("稿件 a"));
  await writeFile(path.join(staging, MANIFEST_FILE), formatBuildManifest(manifest));

  // What the manifest step finds (src/build/write-manifest.ts): the staged files whose bytes differ, and those gone.
  const changes = new Map([
    ["bendi/b/index.html", null],
    ["bendi/c/index.html", manifest.files["bendi/c/index.html"]!],
    ["index.html", manifest.files["index.html"]!],
  ]);
  assert.deepEqual(updateInPlace(staging, output, changes), { written: 3, removed: 1 });
  const after = await contents(live);
  assert.deepEqual(Object.fromEntries(Object.entries(after).filter(([file]) => file !== MANIFEST_FILE)), {
    "bendi/a/index.html": "稿件 a",
    "bendi/c/index.html": "稿件 c",
    "css/site.css": "body {}",
    "index.html": "首页 2",
  });
  assert.deepEqual(JSON.parse(after[MANIFEST_FILE]!), manifest);
  assert.deepEqual(listFiles(staging), ["css/site.css"], "the unchanged file stayed in staging");
});

test("a folder (a search bundle) is kept whole when its files are exactly the listing's, or not at all", async () => {
  const live = await tempDir("heze-live-");
  const bundle = { "pagefind.js": "js", "fragment/1.pf": "一", "fragment/2.pf": "二" };
  const manifest = await writeLiveSite(live, {
    ...Object.fromEntries(Object.entries(bundle).map(([file, text]) => [`pagefind/2026-h1/${file}`, text])),
    "pagefind/2026-h10/pagefind.js": "another period",
    "pagefind/2026-h0.js": "beside it",
    "index.html": "首页",
  });
  const listing = (files: Record<string, string>) =>
    listingDigest(Object.entries(files).map(([file, text]) => [file, describeFile(Buffer.from(text))]));
  const output = () => liveOutputOf(live, manifest);

  const differs = output();
  assert.equal(differs.keepFolder("pagefind/2026-h1", listing({ ...bundle, "fragment/2.pf": "贰" })), false);
  assert.equal(differs.keepFolder("pagefind/2026-h1", listing({ "pagefind.js": "js" })), false, "files more");
  assert.equal(
    differs.keepFolder("pagefind/2026-h1", listing({ ...bundle, "x.pf": "" })),
    false,
    "files less",
  );
  assert.equal(differs.keepFolder("pagefind/2025-h2", listing({})), false, "a folder not live");
  assert.deepEqual([...differs.kept], [], "nothing kept of a folder that differs");

  const same = output();
  assert.equal(same.keepFolder("pagefind/2026-h1", listing(bundle)), true);
  assert.deepEqual(
    [...same.kept].sort(),
    Object.keys(bundle)
      .map((file) => `pagefind/2026-h1/${file}`)
      .sort(),
    "its files only, not a folder whose name goes on",
  );
});

test("an update stopped half-way is finished from its journal by the next build", async () => {
  const root = await tempDir("heze-live-");
  const live = path.join(root, "_site");
  await writeLiveSite(live, liveFiles);
  const staging = path.join(root, "_site.staging-999999-1");
  const manifest = await writeLiveSite(staging, { "index.html": "首页 2" });
  // As a build stopped after its first move leaves it: the journal, index.html already moved.
  writeCheckedFile(path.join(staging, ".update-journal.json"), {
    moves: ["index.html", MANIFEST_FILE],
    removals: ["bendi/b/index.html"],
  });
  await mkdir(path.join(root, "_site.staging-999998-1"));
  const said = finishInterruptedUpdates(live, [staging, path.join(root, "_site.staging-999998-1")]);
  assert.equal(said.length, 1, "a staging folder without a journal is only removed");
  assert.match(said[0]!, /^finished updating .*_site from .*staging-999999-1/);
  const after = await contents(live);
  assert.equal(after["index.html"], "首页 2");
  assert.equal(after["bendi/b/index.html"], undefined);
  assert.deepEqual(JSON.parse(after[MANIFEST_FILE]!), manifest);
  assert.deepEqual(listFiles(staging), [], "the journal is gone once carried out");
});

test("a journal that cannot be carried out leaves the output untrusted, never trusted half updated", async () => {
  const root = await tempDir("heze-live-");
  const live = path.join(root, "_site");
  await writeLiveSite(live, { ...liveFiles, xinwen: "a file where the update needs a folder" });
  const staging = path.join(root, "_site.staging-999999-1");
  await writeLiveSite(staging, { "xinwen/c/index.html": "稿件 c" });
  writeCheckedFile(path.join(staging, ".update-journal.json"), {
    moves: ["xinwen/c/index.html", MANIFEST_FILE],
    removals: [],
  });
  const [said] = finishInterruptedUpdates(live, [staging]);
  assert.match(said!, /could not finish the update .*: this build writes the whole site anew/);
  assert.equal(
    listFiles(live).includes(MANIFEST_FILE),
    false,
    "no manifest: the next build swaps a whole site in",
  );
});
