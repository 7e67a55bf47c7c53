// Eleventy configuration: a table of contents. Each concern is a plugin under src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readBuildOptions } from "./src/build/build-options.ts";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { cmsPlugin } from "./src/eleventy/cms-plugin.ts";
import { contentPlugin } from "./src/eleventy/content-plugin.ts";
import { finishPagesPlugin } from "./src/eleventy/finish-pages-plugin.ts";
import { filtersPlugin } from "./src/filters/index.ts";
import { TEMPLATE_DIRS } from "./src/pages/template-env.ts";

export default function (config: UserConfig) {
  const options = readBuildOptions();
  config.addPlugin(contentPlugin, options); // site data and articles; article and list pages
  config.addPlugin(filtersPlugin);
  config.addPlugin(finishPagesPlugin, options); // hashed asset names; every page obeys the CSP
  config.addPlugin(assetsPlugin); // public/ and vendored browser scripts
  config.addPlugin(cmsPlugin, options); // the web editor at /admin/

  return {
    dir: { input: TEMPLATE_DIRS.pages, includes: "../partials", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
