/**
 * After-build step: the asset files under their content-hashed names (src/hosting/asset-names.ts).
 * The build context planned the names once, before rendering (site-assets.ts), so pages were
 * written with them (src/pages/finish-page.ts) instead of being read and rewritten afterwards: at
 * 10,000 articles that second pass over every page cost more than rendering them.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AfterBuildStep } from "./build-context.ts";

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
