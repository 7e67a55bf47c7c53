/**
 * The build cache (`.cache/` by default, HEZE_CACHE): what a production build keeps so that the next
 * one redoes only what changed (docs/decisions/008-warm-builds.md). It holds
 *   articles/      each article file's outcome, by the SHA-256 of its bytes (kept-articles.ts)
 *   pages.bin      each bulk page's fingerprint, size and digest (src/pages/kept-pages.ts)
 *   pages/         a copy of each such page, named by fingerprint, hard-linked into the output
 *   preview-pages.bin, preview-pages/   the same for the preview, whose start they speed up
 * Both indexes carry the cache key (cache-key.ts) and a checksum (src/util/checked-file.ts). A cache
 * from another version of heze-press or of the code, with other site data, media or settings, or a
 * damaged one, is never trusted: the build loads articles or renders pages afresh, says so in one
 * line, and writes a new cache.
 * The cache is written only after the build went live, so a failed build leaves the last one.
 */
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Site } from "../content/site-data.ts";
import { KeptPages, type KeptPage } from "../pages/kept-pages.ts";
import type { RenderedPages } from "../pages/page-writer.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";
import type { BuildOptions } from "./build-options.ts";
import { cacheKey, changedParts, type CacheKey } from "./cache-key.ts";
import { KeptArticles, type KeptArticle } from "./kept-articles.ts";

/** Changed whenever what the files hold changes shape: an older cache is then ignored. */
const FORMAT = "heze-press build cache 1";

interface KeptIndex<T> {
  format: string;
  key: CacheKey;
  entries: [string, T][];
}

export interface BuildCache {
  /** The folder, and the key this build's content and code have: what is saved is filed under it. */
  dir: string;
  key: CacheKey;
  preview: boolean;
  articles: KeptArticles;
  pages: KeptPages;
  /** The one line to print when part of the cache could not be used, or undefined. */
  coldBecause?: string;
}

/**
 * Articles are kept in ARTICLE_SHARDS files, by a hash of the file's path, so that one new article
 * rewrites one small file, not an index of the whole archive. The preview's pages differ from the
 * site's (banners, plain asset names): it keeps its own.
 */
const ARTICLE_SHARDS = 64;
const files = (dir: string, preview: boolean) => ({
  articles: (shard: number) => path.join(dir, "articles", `${String(shard).padStart(2, "0")}.bin`),
  pages: path.join(dir, preview ? "preview-pages.bin" : "pages.bin"),
  copies: path.join(dir, preview ? "preview-pages" : "pages"),
});
const shardOf = (file: string) => createHash("sha1").update(file).digest()[0]! % ARTICLE_SHARDS;

/** The index in `file` if it is whole and made with `key`; otherwise why not. */
function readIndex<T>(file: string, key: CacheKey): Map<string, T> | string {
  const read = readCheckedFile(file);
  if (read === "missing") return "none kept yet";
  const index = read === "damaged" ? undefined : (read.value as Partial<KeptIndex<T>>);
  if (!index || typeof index !== "object" || !Array.isArray(index.entries) || !index.key)
    return `the build cache is damaged (${file})`;
  if (index.format !== FORMAT) return "the build cache was written by another version of heze-press";
  const changed = changedParts(index.key, key);
  if (changed.length > 0) return `${changed.join(", ")} changed since the build cache was written`;
  return new Map(index.entries);
}

/** Every shard of the articles, merged; or why they cannot be used (any shard failing fails all). */
function readArticles(paths: ReturnType<typeof files>, key: CacheKey): Map<string, KeptArticle> | string {
  const merged = new Map<string, KeptArticle>();
  for (let shard = 0; shard < ARTICLE_SHARDS; shard++) {
    const index = readIndex<KeptArticle>(paths.articles(shard), key);
    if (typeof index === "string") return index;
    for (const [file, entry] of index) merged.set(file, entry);
  }
  return merged;
}

/** Where the cache is; a caller that already has the key or the files' digests passes them on. */
export interface CacheOpening {
  dir: string;
  key?: CacheKey;
  digests?: Map<string, string>;
}

export function openBuildCache(opening: CacheOpening, options: BuildOptions, site: Site): BuildCache {
  const { dir, key = cacheKey(options), digests } = opening;
  const paths = files(dir, options.preview);
  const articles = readArticles(paths, key);
  const pages = readIndex<KeptPage>(paths.pages, key);
  // Nothing of an index that cannot be trusted is used: for pages, their copies neither.
  if (typeof pages === "string") rmSync(paths.copies, { recursive: true, force: true });
  const cold = [
    typeof articles === "string" && `articles: ${articles}`,
    typeof pages === "string" && `pages: ${pages}`,
  ].filter(Boolean);
  return {
    dir,
    key,
    preview: options.preview,
    articles: new KeptArticles(
      typeof articles === "string" ? undefined : articles,
      site,
      options.now,
      digests,
    ),
    pages: new KeptPages(
      paths.copies,
      typeof pages === "string" ? new Map() : pages,
      JSON.stringify([key, options.search, options.preview]),
    ),
    coldBecause: cold.length > 0 ? `build cache: ${cold.join("; ")}: building those afresh` : undefined,
  };
}

/** After the build went live in `outputDir`: keeps what it loaded and rendered for the next one. */
export function saveBuildCache(cache: BuildCache, outputDir: string, rendered: RenderedPages): void {
  const { key } = cache;
  const paths = files(cache.dir, cache.preview);
  for (const [shard, entries] of cache.articles.changedShards(shardOf, ARTICLE_SHARDS))
    writeCheckedFile(paths.articles(shard), { format: FORMAT, key, entries });
  const pages = cache.pages.keep(outputDir, rendered);
  writeCheckedFile(paths.pages, { format: FORMAT, key, entries: [...pages] });
  cache.pages.dropUnused(pages);
}
