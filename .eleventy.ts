// Eleventy configuration: a table of contents. Each concern is a plugin under src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readBuildOptions } from "./src/build-options.ts";
import { assetNamesPlugin } from "./src/eleventy/asset-names-plugin.ts";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { cmsPlugin } from "./src/eleventy/cms-plugin.ts";
import { contentPlugin } from "./src/eleventy/content-plugin.ts";
import { cspLintPlugin } from "./src/eleventy/csp-lint-plugin.ts";
import { filtersPlugin } from "./src/filters/index.ts";
import { TEMPLATE_DIRS } from "./src/render/template-env.ts";

export default function (config: UserConfig) {
  const options = readBuildOptions();
  config.addPlugin(contentPlugin, options); // site data and articles; article and list pages
  config.addPlugin(filtersPlugin);
  config.addPlugin(cspLintPlugin, options); // every page obeys the Content-Security-Policy
  config.addPlugin(assetNamesPlugin, options); // pages name assets by content hash
  config.addPlugin(assetsPlugin); // public/ and vendored browser scripts
  config.addPlugin(cmsPlugin, options); // the web editor at /admin/

  return {
    dir: { input: TEMPLATE_DIRS.pages, includes: "../partials", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
