/**
 * Content-hashed asset names for a production build (src/hosting/asset-names.ts): the plan is made
 * once per build from the sources, before rendering, so that pages are written with the hashed
 * names (src/pages/finish-page.ts) instead of being read and rewritten afterwards; at 10,000
 * articles that second pass over every page cost more than rendering them. The after-build step
 * then stores the asset files under those names.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { planAssetNames, type AssetPlan } from "../hosting/asset-names.ts";
import type { AfterBuildStep } from "./build-context.ts";
import { assetSources } from "./site-assets.ts";

/** The plan for this project's assets (those src/eleventy/assets-plugin.ts copies into the site). */
export async function siteAssetPlan(baseUrl: string): Promise<AssetPlan> {
  const sources = await Promise.all(
    assetSources().map(async ({ file, sitePath }) => ({ sitePath, bytes: await readFile(file) })),
  );
  return planAssetNames(sources, baseUrl);
}

/** After-build step: the asset files under the names the pages were written with. */
export const hashAssets: AfterBuildStep = {
  name: "content-hashed asset names",
  async run(dir, { assets }) {
    if (!assets) throw new Error("hashed asset names: this build has no asset plan (a preview?)");
    for (const [original, name] of assets.renamed) {
      await writeFile(path.join(dir, name), assets.files.get(name)!);
      await rm(path.join(dir, original));
    }
  },
};
