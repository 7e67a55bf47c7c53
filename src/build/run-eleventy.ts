/**
 * Runs Eleventy once, writing into `outputDir`, with `.eleventy.ts` reading its options from the
 * environment (src/build/build-options.ts). Errors reach the caller; Eleventy's own log would repeat them.
 * Returns the size and SHA-256 of every page written, Eleventy's and the article and list pages
 * (src/pages/bulk-pages.ts), taken from the rendered text, so that the build manifest need not
 * read them back (src/build/build-manifest.ts).
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { BULK_PAGES_RENDERED } from "../eleventy/content-plugin.ts";
import { describeFile, type ManifestEntry } from "./build-manifest.ts";

/** Site path (`bendi/index.html`) → size and SHA-256 of what was written there. */
export type RenderedPages = Record<string, ManifestEntry>;

export async function renderSite(outputDir: string): Promise<RenderedPages> {
  const rendered: RenderedPages = {};
  const eleventy = new Eleventy(undefined, outputDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    config: (config: UserConfig) => {
      config.on(BULK_PAGES_RENDERED, (pages: RenderedPages) => Object.assign(rendered, pages));
    },
  });
  eleventy.disableLogger();
  const [, pages] = (await eleventy.write()) as [unknown, { outputPath: string | false; content: string }[]];
  for (const { outputPath, content } of pages) {
    if (typeof outputPath !== "string") continue;
    const sitePath = path.relative(outputDir, outputPath).split(path.sep).join("/");
    rendered[sitePath] = describeFile(Buffer.from(content));
  }
  return rendered;
}
