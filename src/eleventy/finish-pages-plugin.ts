/**
 * Eleventy plugin: each text page Eleventy writes is finished the way the article and list pages are
 * (src/pages/finish-page.ts), before it is written:
 *   - in a production build it names assets by their content-hashed names (`/css/site.css` →
 *     `/css/site.3fa2c01b9e.css`), planned from the sources (src/build/hash-assets.ts), which the
 *     build step then stores under those names; the dev server keeps the plain names, so that editing
 *     a stylesheet reloads it;
 *   - an HTML page carrying what the Content-Security-Policy refuses fails the build, naming the page
 *     and the line: `_site/bendi/index.html:12: inline <script>: load a file from public/js/ instead (…)`.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "../content/problems.ts";
import type { BuildOptions } from "../build/build-options.ts";
import { siteAssetNames } from "../build/hash-assets.ts";
import { isTextFile } from "../hosting/header-rules.ts";
import { pageFinisher, type PageFinisher } from "../pages/finish-page.ts";
import { sitePathOf } from "../pages/template-env.ts";
import { loadSite } from "../content/site-data.ts";

export function finishPagesPlugin(config: UserConfig, options: BuildOptions): void {
  let finish: Promise<PageFinisher> | undefined;
  config.on("eleventy.before", ({ runMode }) => {
    const assetNames =
      runMode === "build"
        ? loadSite(options.contentDir).then(({ baseUrl }) => siteAssetNames(baseUrl))
        : Promise.resolve(undefined);
    finish = assetNames.then((names) => pageFinisher({ siteDir: options.outputDir, assetNames: names }));
  });
  config.addTransform("finish-page", async function (content) {
    const { url, outputPath } = this.page;
    if (!finish || typeof url !== "string" || typeof outputPath !== "string" || !isTextFile(outputPath))
      return content;
    const page = (await finish)(sitePathOf(url), content);
    if (page.problems) throw new ContentError(page.problems);
    return page.html;
  });
}
