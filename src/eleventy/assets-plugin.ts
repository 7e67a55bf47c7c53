/**
 * Eleventy plugin: the preview's static assets (src/build/site-assets.ts), served by Eleventy's dev
 * server under their plain names, so that an edited style reloads: `public/` at the site root as it
 * is, the vendored scripts and the web editor's bundle from their npm packages. A production build
 * stores them itself, under content-hashed names, and leaves unchanged ones in place
 * (src/build/write-assets.ts).
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildRun } from "../build/build-run.ts";
import { assetSources, PUBLIC_DIR } from "../build/site-assets.ts";

export function assetsPlugin(config: UserConfig, run: BuildRun): void {
  if (!run.options.preview) return;
  // Served from their sources, never copied: a copy removes each file before writing it again, on
  // every rebuild, and a page loaded meanwhile missed its stylesheet, scripts or icon (404).
  config.setServerPassthroughCopyBehavior("passthrough");
  config.addPassthroughCopy({ [PUBLIC_DIR]: "/" });
  for (const { file, sitePath } of assetSources())
    if (!file.startsWith(`${PUBLIC_DIR}${path.sep}`))
      config.addPassthroughCopy({ [path.relative(process.cwd(), file)]: sitePath });
}
