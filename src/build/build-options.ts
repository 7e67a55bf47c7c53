/**
 * What one build reads and writes, from the environment so that the CLI, the dev server and tests
 * configure Eleventy the same way:
 *   HEZE_CONTENT  folder with site.yaml, articles/ and media/   (default: content)
 *   HEZE_OUTPUT   where the site is written                      (default: _site)
 *   HEZE_NOW      the build clock, for tests and scheduled builds (default: now)
 *   SEARCH=off    skip the search index
 *   HEZE_EDITOR_PORT  port of the web editor's local proxy (decap-server) (default: 8081)
 */
import path from "node:path";
import type { DateTime } from "luxon";
import { buildClock } from "../content/newsroom-time.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Resized images, kept between builds. */
  cacheDir: string;
  now: DateTime;
  search: boolean;
  /** Where `/admin/` looks for the local proxy when opened on this machine: `npm run editor` starts it there. */
  editorPort: number;
}

/** The templates' `build` data: the build clock (ISO), whether a search index is built, whether this is the preview. */
export interface BuildData {
  now: string;
  search: boolean;
  preview: boolean;
}

export function buildData(options: BuildOptions, preview: boolean): BuildData {
  return { now: options.now.toISO() ?? "", search: options.search, preview };
}

export function readBuildOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  return {
    contentDir: path.resolve(env.HEZE_CONTENT ?? "content"),
    outputDir: path.resolve(env.HEZE_OUTPUT ?? "_site"),
    cacheDir: path.resolve(".cache", "img"),
    now: buildClock(env.HEZE_NOW),
    search: env.SEARCH !== "off",
    editorPort: Number(env.HEZE_EDITOR_PORT ?? 8081),
  };
}
