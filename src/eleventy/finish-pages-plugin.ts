/**
 * Eleventy plugin: each text page Eleventy writes is finished the way the article and list pages are
 * (src/pages/finish-page.ts), before it is written:
 *   - in a production build it names assets by their content-hashed names (`/css/site.css` →
 *     `/css/site.3fa2c01b9e.css`), from the build context's asset plan, which an after-build step
 *     then stores under those names; the preview keeps the plain names, so that editing a
 *     stylesheet reloads it;
 *   - an HTML page carrying what the Content-Security-Policy refuses fails the build, naming the page
 *     and the line: `_site/bendi/index.html:12: inline <script>: load a file from public/js/ instead (…)`.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildRun } from "../build/build-run.ts";
import { ContentError } from "../content/problems.ts";
import { isTextFile } from "../hosting/header-rules.ts";
import { pageFinisher, type PageFinisher } from "../pages/finish-page.ts";
import { sitePathOf } from "../pages/template-data.ts";

export function finishPagesPlugin(config: UserConfig, run: BuildRun): void {
  let finish: PageFinisher | undefined;
  config.on("eleventy.before", async () => {
    const { assets } = await run.context();
    finish = pageFinisher({ siteDir: run.options.outputDir, assetNames: assets });
  });
  config.addTransform("finish-page", function (content) {
    const { url, outputPath } = this.page;
    if (!finish || typeof url !== "string" || typeof outputPath !== "string" || !isTextFile(outputPath))
      return content;
    const page = finish(sitePathOf(url), content);
    if (page.problems) throw new ContentError(page.problems);
    return page.html;
  });
}
