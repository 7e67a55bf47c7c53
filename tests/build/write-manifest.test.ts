import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { makeBuildManifest } from "../../src/build/write-manifest.ts";
import { describeFile } from "../../src/hosting/build-manifest.ts";
import { parseNewsroomDate, toNewsTime } from "../../src/content/newsroom-time.ts";
import { testSite } from "../helpers/articles.ts";

const time = (text: string) => {
  const parsed = parseNewsroomDate(text);
  assert.ok(parsed.ok);
  return toNewsTime(parsed.time);
};

test("the manifest describes every file and carries the next embargo and rebuild times", async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), "heze-manifest-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const page = Buffer.from("<p>首页</p>");
  const feed = Buffer.from("<feed/>");
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(path.join(dir, "feed.xml"), feed);
  const corpus = {
    schedule: { nextEmbargo: time("2026-05-01 08:00"), nextExpiry: time("2026-04-30 20:00") },
  } as Parameters<typeof makeBuildManifest>[1]["corpus"];
  // A rendered page's digest is taken from the render, not read back.
  const rendered = { "index.html": { size: 1, sha256: "0".repeat(64) } };
  const manifest = await makeBuildManifest(dir, { site: testSite(), corpus, rendered });
  assert.equal(manifest.nextEmbargo, "2026-05-01T08:00:00+08:00");
  assert.equal(manifest.nextRebuild, "2026-04-30T20:00:00+08:00");
  assert.equal(manifest.baseUrl, testSite().baseUrl);
  assert.deepEqual(manifest.files, { "feed.xml": describeFile(feed), "index.html": rendered["index.html"] });
  assert.equal(describeFile(page).sha256, createHash("sha256").update(page).digest("hex"));
});
