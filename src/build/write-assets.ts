/**
 * After-build step: the site's assets (site-assets.ts: `public/`, the vendored QR library, the web
 * editor's bundle). Files under the hashed folders are stored under the names the build context
 * planned before rendering (src/hosting/asset-names.ts), so pages were written with them
 * (src/pages/finish-page.ts) instead of being read and rewritten afterwards: at 10,000 articles that
 * second pass over every page cost more than rendering them. The others are copied as they are.
 * When the output is updated in place, an asset the live output already holds with the same bytes
 * is left there (src/pages/live-output.ts). The preview's dev server serves the sources instead
 * (src/eleventy/assets-plugin.ts), under their plain names.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeFile } from "../hosting/describe-file.ts";
import type { AfterBuildStep } from "./build-context.ts";
import { assetSources } from "./site-assets.ts";

export const writeAssets: AfterBuildStep = {
  name: "assets",
  async run(dir, { assets, live, rendered }) {
    if (!assets) throw new Error("assets: this build has no asset plan (a preview?)");
    for (const { file, sitePath } of assetSources()) {
      const hashed = assets.renamed.get(sitePath);
      const bytes = hashed ? assets.files.get(hashed)! : await readFile(file);
      const target = hashed ?? sitePath;
      const described = describeFile(bytes);
      if (live?.keep(target, described)) continue;
      await mkdir(path.dirname(path.join(dir, target)), { recursive: true });
      await writeFile(path.join(dir, target), bytes);
      rendered[target] = described;
    }
  },
};
