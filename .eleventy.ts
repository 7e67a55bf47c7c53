// Eleventy configuration: a table of contents. Each concern is a plugin under src/eleventy/, handed
// the run that started Eleventy (src/build/build-run.ts) and through it the build context.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildRunOf } from "./src/build/build-run.ts";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { cmsPlugin } from "./src/eleventy/cms-plugin.ts";
import { contentPlugin } from "./src/eleventy/content-plugin.ts";
import { filtersPlugin } from "./src/eleventy/filters-plugin.ts";
import { finishPagesPlugin } from "./src/eleventy/finish-pages-plugin.ts";
import { TEMPLATE_DIRS } from "./src/pages/template-data.ts";

export default function (config: UserConfig) {
  const run = buildRunOf(config);
  config.addPlugin(contentPlugin, run); // global data; article, list, 已下线 and redirect pages
  config.addPlugin(filtersPlugin);
  config.addPlugin(finishPagesPlugin, run); // hashed asset names; every page obeys the CSP
  config.addPlugin(assetsPlugin, run); // the preview's public/ and vendored scripts
  config.addPlugin(cmsPlugin, run); // the web editor at /admin/

  return {
    dir: { input: TEMPLATE_DIRS.pages, includes: "../partials", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
