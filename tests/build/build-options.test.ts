import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { readBuildOptions } from "../../src/build/build-options.ts";

test("options come from the environment, with the defaults of a build and of the preview", () => {
  const build = readBuildOptions({ HEZE_NOW: "2026-04-08 12:00" });
  assert.equal(build.contentDir, path.resolve("content"));
  assert.equal(build.outputDir, path.resolve("_site"));
  assert.equal(build.now.toISO(), "2026-04-08T12:00:00.000+08:00");
  assert.equal(build.search, true);
  assert.equal(build.preview, false);
  assert.equal(build.editorPort, 8081);
  assert.equal(build.buildCache, path.resolve(".cache"));
  assert.equal(readBuildOptions({ HEZE_CACHE: "off" }).buildCache, undefined);
  const preview = readBuildOptions(
    { HEZE_NOW: "2026-04-08 12:00", SEARCH: "off", HEZE_EDITOR_PORT: "9000" },
    true,
  );
  assert.equal(preview.outputDir, path.resolve("_preview"));
  assert.deepEqual([preview.search, preview.preview, preview.editorPort], [false, true, 9000]);
  assert.equal(preview.buildCache, path.resolve(".cache"), "the preview starts from the build cache");
  assert.equal(readBuildOptions({ HEZE_OUTPUT: "/srv/out" }, true).outputDir, "/srv/out");
  assert.throws(() => readBuildOptions({ HEZE_NOW: "tomorrow" }), /HEZE_NOW/);
});
