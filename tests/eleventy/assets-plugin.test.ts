import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { assetSources } from "../../src/build/site-assets.ts";
import { runEleventyOn } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

test("the preview copies every asset source to its site path, byte for byte", async (t) => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const run = await runEleventyOn(contentDir, { preview: true });
  t.after(() => rm(run.outputDir, { recursive: true, force: true }));
  const sources = assetSources();
  assert.ok(sources.some((s) => s.sitePath === "css/site.css"));
  assert.ok(
    sources.some((s) => s.sitePath === "js/qrcode.js"),
    "the vendored QR code library",
  );
  for (const { file, sitePath } of sources)
    assert.deepEqual(await readFile(path.join(run.outputDir, sitePath)), await readFile(file), sitePath);
});
