/**
 * Runs Eleventy once, writing into `outputDir`, with `.eleventy.ts` and the build's context. Errors
 * reach the caller; Eleventy's own log would repeat them. Records the size and SHA-256 of every page
 * Eleventy wrote in `context.rendered`, beside those of the pages heze-press rendered itself
 * (src/pages/bulk-pages.ts), taken from the rendered text, so that the build manifest need not read
 * them back (write-manifest.ts).
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describeFile } from "../hosting/describe-file.ts";
import type { BuildContext } from "./build-context.ts";
import { attachBuildRun, BuildRun } from "./build-run.ts";

export async function runEleventy(outputDir: string, context: BuildContext): Promise<void> {
  const eleventy = new Eleventy(undefined, outputDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    config: (config) => attachBuildRun(config, new BuildRun(context.options, context)),
  });
  eleventy.disableLogger();
  const [, pages] = (await eleventy.write()) as [unknown, { outputPath: string | false; content: string }[]];
  for (const { outputPath, content } of pages) {
    if (typeof outputPath !== "string") continue;
    const sitePath = path.relative(outputDir, outputPath).split(path.sep).join("/");
    context.rendered[sitePath] = describeFile(Buffer.from(content));
  }
}
