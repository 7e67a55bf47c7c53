/**
 * What one run of the generator reads and writes. Only the command-line entry points read the
 * environment (readBuildOptions); everything below them is handed these options:
 *   HEZE_CONTENT  folder with site.yaml, articles/ and media/   (default: content)
 *   HEZE_OUTPUT   where the site is written                      (default: _site)
 *   HEZE_NOW      the build clock, for tests and scheduled builds (default: now)
 *   SEARCH=off    skip the search index
 *   HEZE_CACHE    folder kept between builds so that a build redoes only what changed
 *                 (default: .cache; off: every build starts cold)
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
  /**
   * Kept between builds so that a build redoes only what changed (build-cache.ts); the preview uses
   * it for its start. Each part keeps its own files or subfolder (`search/`: one Pagefind bundle per
   * period). Unset: every build starts cold.
   */
  buildCache?: string;
  now: DateTime;
  search: boolean;
  /**
   * The preview (`npm run preview`, `npm run editor`): drafts and scheduled articles shown with a
   * banner, files with errors left out and listed, plain asset names so that edits reload.
   */
  preview: boolean;
  /**
   * Where `/admin/` looks for the local proxy when opened on this machine: `npm run editor` starts
   * it there.
   */
  editorPort: number;
}

export function readBuildOptions(env: NodeJS.ProcessEnv = process.env, preview = false): BuildOptions {
  return {
    contentDir: path.resolve(env.HEZE_CONTENT ?? "content"),
    outputDir: path.resolve(env.HEZE_OUTPUT ?? (preview ? "_preview" : "_site")),
    cacheDir: path.resolve(".cache", "img"),
    buildCache: env.HEZE_CACHE === "off" ? undefined : path.resolve(env.HEZE_CACHE ?? ".cache"),
    now: buildClock(env.HEZE_NOW),
    search: env.SEARCH !== "off",
    preview,
    editorPort: Number(env.HEZE_EDITOR_PORT ?? 8081),
  };
}
