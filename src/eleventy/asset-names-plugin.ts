/**
 * Eleventy plugin: in a production build every text page is written with the content-hashed asset
 * names (`/css/site.css` → `/css/site.3fa2c01b9e.css`) planned from the sources before rendering
 * (src/build/hash-assets.ts); the build step then stores the assets under those names. The dev
 * server keeps the plain names, so that editing a stylesheet reloads it.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../build-options.ts";
import { referenceRewriter, siteAssetNames } from "../build/hash-assets.ts";
import { isTextFile } from "../publish/header-rules.ts";
import { loadSite } from "../site/site-data.ts";

export function assetNamesPlugin(config: UserConfig, options: BuildOptions): void {
  let rewrite: Promise<(text: string) => string> | undefined;
  config.on("eleventy.before", ({ runMode }) => {
    rewrite =
      runMode === "build"
        ? loadSite(options.contentDir)
            .then(({ baseUrl }) => siteAssetNames(baseUrl))
            .then(({ renamed, baseUrl }) => referenceRewriter(renamed, baseUrl))
        : undefined;
  });
  config.addTransform("hashed-asset-names", async function (content) {
    const output = this.page.outputPath;
    if (!rewrite || typeof output !== "string" || !isTextFile(output)) return content;
    return (await rewrite)(content);
  });
}
