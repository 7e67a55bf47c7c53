import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { makeBuildManifest, writeBuildManifest } from "../../src/build/write-manifest.ts";
import { formatBuildManifest } from "../../src/hosting/build-manifest.ts";
import { describeFile } from "../../src/hosting/describe-file.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { parseNewsroomDate, toNewsTime } from "../../src/content/newsroom-time.ts";
import { testSite } from "../helpers/articles.ts";
import { liveOutputOf, writeLiveSite } from "../helpers/live-site.ts";

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

test("updating the live output, the manifest is the live text patched with what changed", async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), "heze-manifest-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  const [liveDir, staging] = [path.join(root, "live"), path.join(root, "staging")];
  const liveManifest = await writeLiveSite(liveDir, {
    "a.html": "甲",
    "b.html": "乙",
    "c.html": "丙",
    "d.html": "丁",
    "gone.html": "旧",
  });
  const live = liveOutputOf(liveDir, liveManifest);
  for (const file of ["a.html", "b.html", "c.html"]) assert.ok(live.keep(file, "as-is"));
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, "d.html"), "丁二");
  await writeFile(path.join(staging, "e.html"), "戊");
  const corpus = { schedule: {} } as Parameters<typeof writeBuildManifest>[1]["corpus"];
  const rendered = { "d.html": describeFile(Buffer.from("丁二")) };
  const siteFiles = ["a.html", "b.html", "c.html", "d.html", "e.html"];
  const { changes } = await writeBuildManifest(staging, {
    site: testSite(),
    corpus,
    rendered,
    siteFiles,
    live,
  });

  assert.deepEqual(
    changes,
    new Map([
      ["d.html", describeFile(Buffer.from("丁二"))],
      ["e.html", describeFile(Buffer.from("戊"))],
      ["gone.html", null],
    ]),
  );
  // The live text patched: what formatting the whole new manifest gives.
  const kept = Object.entries(liveManifest.files).filter(([file]) => file !== "gone.html");
  const whole = formatBuildManifest({
    ...liveManifest,
    baseUrl: testSite().baseUrl,
    files: {
      ...Object.fromEntries(kept),
      "d.html": rendered["d.html"],
      "e.html": describeFile(Buffer.from("戊")),
    },
  });
  assert.equal(await readFile(path.join(staging, MANIFEST_FILE), "utf8"), whole);
});
