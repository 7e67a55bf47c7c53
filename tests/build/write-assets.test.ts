import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { BuildContext } from "../../src/build/build-context.ts";
import { assetSources, siteAssetPlan } from "../../src/build/site-assets.ts";
import { writeAssets } from "../../src/build/write-assets.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { liveOutputOf, writeLiveSite } from "../helpers/live-site.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("every asset is stored under its planned name, or as it is, and the plain name of a hashed one is not", async () => {
  const dir = await tempDir("heze-assets-");
  const assets = await siteAssetPlan("https://x.cn");
  const rendered = {};
  await writeAssets.run(dir, { assets, rendered } as unknown as BuildContext);
  const css = assets.renamed.get("css/site.css")!;
  assert.deepEqual(await readFile(path.join(dir, css)), assets.files.get(css));
  const written = listFiles(dir);
  assert.ok(!written.includes("css/site.css"));
  assert.ok(written.includes("admin/decap-cms.js"), "the web editor's bundle");
  assert.equal(written.length, assetSources().length);
  assert.deepEqual(Object.keys(rendered).sort(), written, "each described for the manifest");
  await assert.rejects(writeAssets.run(dir, {} as BuildContext), /no asset plan/);
});

test("updating the output in place, an asset the live output holds with the same bytes is left there", async () => {
  const [live, staging] = [await tempDir("heze-live-"), await tempDir("heze-staging-")];
  const assets = await siteAssetPlan("https://x.cn");
  const css = assets.renamed.get("css/site.css")!;
  const manifest = await writeLiveSite(live, {
    [css]: assets.files.get(css)!,
    "favicon.svg": "an older icon",
  });
  const output = liveOutputOf(live, manifest);
  await writeAssets.run(staging, { assets, live: output, rendered: {} } as unknown as BuildContext);
  const written = listFiles(staging);
  assert.ok(!written.includes(css), "kept live");
  assert.ok(output.kept.has(css));
  assert.ok(written.includes("favicon.svg"), "changed bytes are written");
});
