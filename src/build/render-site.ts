/**
 * Runs Eleventy once, writing into `outputDir`, with `.eleventy.ts` reading its options from the
 * environment (src/build-options.ts). Errors reach the caller; Eleventy's own log would repeat them.
 * Returns the size and SHA-256 of every page it wrote, taken from the rendered text, so that the
 * build manifest need not read them back (src/build/build-manifest.ts).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { ManifestEntry } from "./build-manifest.ts";

/** How a shard process (render-shard.ts) tells build-site.ts that content, not code, was at fault. */
export const CONTENT_PROBLEMS_EXIT = 3;

/** Site path (`bendi/index.html`) → size and SHA-256 of what was written there. */
export type RenderedPages = Record<string, ManifestEntry>;

export async function renderSite(outputDir: string): Promise<RenderedPages> {
  const eleventy = new Eleventy(undefined, outputDir, { configPath: ".eleventy.ts", quietMode: true });
  eleventy.disableLogger();
  const [, pages] = (await eleventy.write()) as [unknown, { outputPath: string | false; content: string }[]];
  const rendered: RenderedPages = {};
  for (const { outputPath, content } of pages) {
    if (typeof outputPath !== "string") continue;
    const bytes = Buffer.from(content);
    const sitePath = path.relative(outputDir, outputPath).split(path.sep).join("/");
    rendered[sitePath] = { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  return rendered;
}
