/**
 * Runs Eleventy in this process on a fixture's content, the way a production build does
 * (src/build/run-eleventy.ts), and keeps what a test of the rendering needs: the build context,
 * Eleventy's own Nunjucks environment and the pages Eleventy rendered. `configure` may add to
 * Eleventy's config before `.eleventy.ts` runs (a virtual template, say).
 *   const run = await runEleventyOn(contentDir, { HEZE_NOW: "2026-04-08 12:00" });
 *   run.environment.renderString("{{ '/a/' | url }}", {});
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type nunjucks from "nunjucks";
import { createBuildContext, type BuildContext } from "../../src/build/build-context.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { attachBuildRun, BuildRun } from "../../src/build/build-run.ts";

export interface EleventyRun {
  context: BuildContext;
  environment: nunjucks.Environment;
  outputDir: string;
  /** What Eleventy itself rendered, by URL. */
  rendered: Map<string, string>;
}

export interface RunSettings {
  env?: Record<string, string>;
  preview?: boolean;
  configure?: (config: UserConfig, context: BuildContext) => void;
}

export async function runEleventyOn(
  contentDir: string,
  { env = {}, preview = false, configure = () => {} }: RunSettings = {},
): Promise<EleventyRun> {
  const outputDir = await mkdtemp(path.join(tmpdir(), "heze-eleventy-"));
  const environment = { SEARCH: "off", ...env, HEZE_CONTENT: contentDir, HEZE_OUTPUT: outputDir };
  const options = readBuildOptions(environment, preview);
  const context = await createBuildContext(options);
  let nunjucksEnv: nunjucks.Environment | undefined;
  const eleventy = new Eleventy(undefined, outputDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    config(config) {
      attachBuildRun(config, new BuildRun(options, context));
      config.on("eleventy.engine.njk", (event) => {
        nunjucksEnv = event.environment;
      });
      configure(config, context);
    },
  });
  eleventy.disableLogger();
  const [, pages] = (await eleventy.write()) as [unknown, { url: string | false; content: string }[]];
  if (!nunjucksEnv) throw new Error("Eleventy made no Nunjucks environment");
  const rendered = new Map(
    pages.flatMap((p) => (typeof p.url === "string" ? [[p.url, p.content] as const] : [])),
  );
  return { context, environment: nunjucksEnv, outputDir, rendered };
}
