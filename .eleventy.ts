// Eleventy configuration: a table of contents. Each concern is a plugin under src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readBuildOptions } from "./src/build-options.ts";
import { assetNamesPlugin } from "./src/eleventy/asset-names-plugin.ts";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { cmsPlugin } from "./src/eleventy/cms-plugin.ts";
import { contentPlugin } from "./src/eleventy/content-plugin.ts";
import { cspLintPlugin } from "./src/eleventy/csp-lint-plugin.ts";
import { shardPlugin } from "./src/eleventy/shard-plugin.ts";
import { filtersPlugin } from "./src/filters/index.ts";

export default function (config: UserConfig) {
  const options = readBuildOptions();
  config.addPlugin(contentPlugin, options); // site data and articles, loaded once per build
  config.addPlugin(filtersPlugin);
  config.addPlugin(cspLintPlugin, options); // every page obeys the Content-Security-Policy
  config.addPlugin(assetNamesPlugin, options); // pages name assets by content hash
  config.addPlugin(shardPlugin, options); // parallel builds: shards > 0 render article pages only
  if (options.shard.index === 0) {
    config.addPlugin(assetsPlugin); // public/ and vendored browser scripts
    config.addPlugin(cmsPlugin, options); // the web editor at /admin/
  }

  return {
    dir: { input: "templates/pages", includes: "../partials", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
