/**
 * Eleventy plugin: the web editor at `/admin/`. Decap CMS's browser bundle is one of the site's
 * assets, copied from its npm package (no CDN script: src/build/site-assets.ts); `cms` global data
 * carries the config generated from the schema (src/cms/cms-config.ts) for
 * `templates/pages/admin-config.njk` to write as `/admin/config.yml`.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { CORE_SCHEMA, dump } from "js-yaml";
import type { BuildRun } from "../build/build-run.ts";
import { cmsConfig } from "../cms/cms-config.ts";

export function cmsPlugin(config: UserConfig, run: BuildRun): void {
  config.addGlobalData("cms", async () => ({
    configYaml: dump(cmsConfig((await run.context()).site, run.options), {
      schema: CORE_SCHEMA,
      lineWidth: -1,
    }),
  }));
}
