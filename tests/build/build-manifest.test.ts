import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { SCHEDULE_FILE } from "../../src/build/schedule-file.ts";
import { makeBuildManifest } from "../../src/build/build-manifest.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("the manifest carries the next embargo and rebuild times of the schedule file", async () => {
  const dir = await tempDir("heze-manifest-");
  const page = Buffer.from("<p>首页</p>");
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(
    path.join(dir, SCHEDULE_FILE),
    JSON.stringify({
      nextEmbargo: "2026-05-01T08:00:00+08:00",
      nextExpiry: "2026-04-30T20:00:00+08:00",
      nextRebuild: "2026-04-30T20:00:00+08:00",
    }),
  );
  const manifest = await makeBuildManifest(dir, readBuildOptions({ HEZE_NOW: "2026-04-30T12:00:00+08:00" }));
  assert.equal(manifest.nextEmbargo, "2026-05-01T08:00:00+08:00");
  assert.equal(manifest.nextRebuild, "2026-04-30T20:00:00+08:00");
  assert.deepEqual(manifest.files["index.html"], {
    size: page.length,
    sha256: createHash("sha256").update(page).digest("hex"),
  });
  assert.ok(SCHEDULE_FILE in manifest.files);
});
