/**
 * Eleventy plugin: static assets (src/build/site-assets.ts). `public/` is copied to the site root as
 * it is, and vendored browser scripts from their npm packages. In a production build the asset
 * files then get content-hashed names (src/build/hash-assets.ts).
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { PUBLIC_DIR, VENDORED_ASSETS } from "../build/site-assets.ts";

export function assetsPlugin(config: UserConfig): void {
  config.addPassthroughCopy({ [PUBLIC_DIR]: "/" });
  for (const { file, sitePath } of VENDORED_ASSETS)
    config.addPassthroughCopy({ [path.relative(process.cwd(), file)]: sitePath });
}
