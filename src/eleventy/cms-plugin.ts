/**
 * Eleventy plugin: the web editor at `/admin/`. Decap CMS's browser bundle is copied from its npm
 * package (no CDN script), and `cms` global data carries the config generated from the schema
 * (src/cms/cms-config.ts) for `templates/pages/admin-config.njk` to write as `/admin/config.yml`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { CORE_SCHEMA, dump } from "js-yaml";
import type { BuildRun } from "../build/build-run.ts";
import { cmsConfig } from "../cms/cms-config.ts";

const require = createRequire(import.meta.url);

export function cmsPlugin(config: UserConfig, run: BuildRun): void {
  const dist = path.relative(process.cwd(), path.dirname(require.resolve("decap-cms")));
  // The bundle, the chunks it loads on demand (locales, widgets) and its WebAssembly, not the source maps.
  config.addPassthroughCopy({ [`${dist}/*decap-cms.js`]: "admin", [`${dist}/*.wasm`]: "admin" });
  config.addGlobalData("cms", async () => ({
    configYaml: dump(cmsConfig((await run.context()).site, run.options), {
      schema: CORE_SCHEMA,
      lineWidth: -1,
    }),
  }));
}
