import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { keepLiveBundle, storeBundle } from "../../src/build/search-cache.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { readCheckedFile, writeCheckedFile } from "../../src/util/checked-file.ts";
import { liveOutputOf, writeLiveSite } from "../helpers/live-site.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const BUNDLE = { "pagefind.js": "js", "fragment/1.pf": "一", "fragment/2.pf": "二" };

/** A cache entry for period 2026-h1 stored from BUNDLE, and a live output holding `live` as that bundle. */
async function setUp(live: Record<string, string>) {
  const root = await tempDir("heze-search-cache-");
  // A bundle as Pagefind wrote it (the manifest file beside it is removed: Pagefind writes none).
  await writeLiveSite(path.join(root, "bundle"), BUNDLE);
  await rm(path.join(root, "bundle", MANIFEST_FILE));
  const cacheDir = path.join(root, "cache");
  await storeBundle(cacheDir, "2026-h1", "print 1", path.join(root, "bundle"), () => {});
  const files = Object.fromEntries(
    Object.entries(live).map(([file, text]) => [`pagefind/2026-h1/${file}`, text]),
  );
  const manifest = await writeLiveSite(path.join(root, "_site"), { ...files, "index.html": "首页" });
  const output = liveOutputOf(path.join(root, "_site"), manifest);
  const keep = (fingerprint = "print 1") =>
    keepLiveBundle(cacheDir, "2026-h1", fingerprint, output, "pagefind/2026-h1");
  return { summary: path.join(cacheDir, "2026-h1", "summary.bin"), output, keep };
}

test("a live bundle made from the same inputs is kept from its entry's summary, without its record", async () => {
  const { summary, output, keep } = await setUp(BUNDLE);
  assert.ok(existsSync(summary), "stored with its summary");
  assert.equal(keep("print 2"), false, "other inputs");
  await writeFile(path.join(path.dirname(summary), "record.json"), "not read");
  assert.equal(keep(), true);
  assert.ok(output.kept.has("pagefind/2026-h1/fragment/2.pf"));
});

test("a live bundle with other bytes is not kept", async () => {
  const { keep, output } = await setUp({ ...BUNDLE, "fragment/2.pf": "贰" });
  assert.equal(keep(), false);
  assert.equal(output.kept.size, 0);
});

test("an entry without a summary, with a damaged one or one of another format, is summed up again from its record", async () => {
  const { summary, keep } = await setUp(BUNDLE);
  await rm(summary);
  assert.equal(keep(), true, "summed up from the record");
  assert.ok(existsSync(summary), "and kept for the next build");
  await writeFile(summary, '{"fingerprint":');
  assert.equal(keep(), true, "a damaged summary is made again");
  const made = (readCheckedFile(summary) as { value: { format: number; listing: string } }).value;
  writeCheckedFile(summary, { ...made, format: 0, listing: "another digest" });
  assert.equal(keep(), true, "a summary of another format is made again");
  assert.deepEqual(readCheckedFile(summary), { value: made });
});
