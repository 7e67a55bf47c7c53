import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { assetPaths, assetSources, siteAssetPlan } from "../../src/build/site-assets.ts";

test("the assets are public/ and the vendored QR library, each planned under a name from its bytes", async () => {
  const sources = assetSources();
  assert.ok(sources.some((s) => s.sitePath === "css/site.css" && s.file === "public/css/site.css"));
  assert.ok(sources.some((s) => s.sitePath === "js/qrcode.js" && s.file.includes("qrcode-generator")));
  const plan = await siteAssetPlan("https://www.heze.cn");
  const css = plan.renamed.get("css/site.css")!;
  assert.match(css, /^css\/site\.[0-9a-f]{10}\.css$/);
  assert.ok(plan.files.get(css)!.length < (await readFile("public/css/site.css")).length, "minified");
  assert.deepEqual(await siteAssetPlan("https://www.heze.cn"), plan, "the same sources, the same plan");
  const paths = assetPaths(plan);
  assert.ok(paths.includes("css/site.css") && paths.includes(css), "both names are the build's");
});
