/**
 * What every kept article and page of the build cache was made with, besides its own file: the code
 * (our source, templates, styles and scripts, the locked dependencies, Node's version), the site data,
 * the media and the build's settings. Each part is a SHA-256 of what it covers; when any part differs
 * from the cache's, the build starts cold and says which part changed.
 *   const key = cacheKey(options);   // { code: "9f…", site: "…", media: "…", settings: "…" }
 *   changedParts(kept, key)          // ["site data"]
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../util/list-files.ts";
import { sha256 } from "../util/sha256.ts";
import type { BuildOptions } from "./build-options.ts";

export interface CacheKey {
  code: string;
  site: string;
  media: string;
  settings: string;
}

const PART_NAMES: Record<keyof CacheKey, string> = {
  code: "the code (src, templates, styles, dependencies or Node)",
  site: "the site data (site.yaml)",
  media: "the media",
  settings: "the content, image cache or working folder",
};

/** Where the code that runs lives; templates and public files are read from the working directory. */
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The SHA-256 of files (folders walked in order), each hashed with its path so that a rename counts. */
function digestFiles(root: string, entries: string[], extra = ""): string {
  const hash = createHash("sha256").update(extra);
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory() ? listFiles(full) : [""];
    for (const file of files) {
      const name = path.posix.join(entry, file);
      hash.update(`\0${name}\0`).update(readFileSync(path.join(root, name)));
    }
  }
  return hash.digest("hex");
}

export function cacheKey(options: BuildOptions): CacheKey {
  const code = [
    digestFiles(PROJECT_ROOT, ["src", ".eleventy.ts", "package.json", "package-lock.json"], process.version),
    digestFiles(process.cwd(), ["templates", "public"]),
  ].join();
  return {
    code: sha256(code),
    site: digestFiles(options.contentDir, ["site.yaml"]),
    media: digestFiles(options.contentDir, ["media"]),
    // Paths are part of what is kept (image files, problems naming files relative to the working folder).
    // Whether search is on, and the preview, change pages only: their fingerprints take them
    // (build-cache.ts).
    settings: sha256(JSON.stringify([options.contentDir, options.cacheDir, process.cwd()])),
  };
}

/** The names of the parts that differ, for the one line a cold build prints. */
export function changedParts(kept: CacheKey, now: CacheKey): string[] {
  return (Object.keys(PART_NAMES) as (keyof CacheKey)[])
    .filter((part) => kept[part] !== now[part])
    .map((part) => PART_NAMES[part]);
}
