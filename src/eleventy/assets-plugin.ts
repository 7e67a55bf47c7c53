/**
 * Eleventy plugin: static assets. `public/` is copied to the site root as it is; the QR code library
 * the share bar uses is copied from its npm package, so no script comes from another host. In a
 * production build the asset files then get content-hashed names (src/build/hash-assets.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { listFiles } from "../util/list-files.ts";

const require = createRequire(import.meta.url);
const PUBLIC_DIR = "public";
// The package's "require" export is its browser build (a plain script defining `qrcode`).
const VENDORED = [{ file: require.resolve("qrcode-generator"), sitePath: "js/qrcode.js" }];

/** Every file this plugin puts into the site: its source and its site path (`css/site.css`). */
export function assetSources(): { file: string; sitePath: string }[] {
  const own = listFiles(PUBLIC_DIR).map((sitePath) => ({ file: path.join(PUBLIC_DIR, sitePath), sitePath }));
  return [...own, ...VENDORED];
}

export function assetsPlugin(config: UserConfig): void {
  config.addPassthroughCopy({ [PUBLIC_DIR]: "/" });
  for (const { file, sitePath } of VENDORED)
    config.addPassthroughCopy({ [path.relative(process.cwd(), file)]: sitePath });
}
