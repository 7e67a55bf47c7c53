/**
 * The build cache (`.cache/` by default, HEZE_CACHE): what a production build keeps so that the next
 * one redoes only what changed (docs/decisions/008-warm-builds.md). It holds
 *   articles.bin   each article file's outcome, by the SHA-256 of its bytes (kept-articles.ts)
 *   pages.bin      each bulk page's fingerprint, size and digest (src/pages/kept-pages.ts)
 *   pages/         a copy of each such page, named by fingerprint, hard-linked into the output
 *   preview-pages.bin, preview-pages/   the same for the preview, whose start they speed up
 * Both indexes carry the cache key (cache-key.ts) and a checksum (src/util/checked-file.ts). A cache
 * from another version of heze-press or of the code, with other site data, media or settings, or a
 * damaged one, is never trusted: the build starts cold, says so in one line, and writes a new cache.
 * The cache is written only after the build went live, so a failed build leaves the last one.
 */
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
  /** The one line to print when the cache could not be used (a cold build), or undefined. */
  coldBecause?: string;
}

/** The preview's pages differ from the site's (banners, plain asset names): it keeps its own. */
const files = (dir: string, preview: boolean) => ({
  articles: path.join(dir, "articles.bin"),
  pages: path.join(dir, preview ? "preview-pages.bin" : "pages.bin"),
  copies: path.join(dir, preview ? "preview-pages" : "pages"),
});

/** The index in `file` if it is whole and made with `key`; otherwise why not. */
function readIndex<T>(file: string, key: CacheKey): Map<string, T> | string {
  const read = readCheckedFile(file);
  if (read === "missing") return "there is no build cache yet";
  const index = read === "damaged" ? undefined : (read.value as Partial<KeptIndex<T>>);
  if (!index || typeof index !== "object" || !Array.isArray(index.entries) || !index.key)
    return `the build cache is damaged (${file})`;
  if (index.format !== FORMAT) return "the build cache was written by another version of heze-press";
  const changed = changedParts(index.key, key);
  if (changed.length > 0) return `${changed.join(", ")} changed since the build cache was written`;
  return new Map(index.entries);
}

export function openBuildCache(dir: string, options: BuildOptions, site: Site): BuildCache {
  const key = cacheKey(options);
  const paths = files(dir, options.preview);
  const articles = readIndex<KeptArticle>(paths.articles, key);
  const pages = readIndex<KeptPage>(paths.pages, key);
  const coldBecause = [articles, pages].find((index) => typeof index === "string");
  // Nothing of a cache that cannot be trusted is used: copies of pages included.
  if (coldBecause !== undefined) rmSync(paths.copies, { recursive: true, force: true });
  const trusted = <T>(index: Map<string, T> | string) =>
    coldBecause === undefined && typeof index !== "string" ? index : new Map<string, T>();
  return {
    dir,
    key,
    preview: options.preview,
    articles: new KeptArticles(trusted(articles), site, options.now),
    pages: new KeptPages(
      paths.copies,
      trusted(pages),
      JSON.stringify([key, options.search, options.preview]),
    ),
    coldBecause: coldBecause && `${coldBecause}: building everything`,
  };
}

/** After the build went live in `outputDir`: keeps what it loaded and rendered for the next one. */
export function saveBuildCache(cache: BuildCache, outputDir: string, rendered: RenderedPages): void {
  const { key } = cache;
  const paths = files(cache.dir, cache.preview);
  if (cache.articles.changed || cache.coldBecause)
    writeCheckedFile(paths.articles, { format: FORMAT, key, entries: [...cache.articles.entries()] });
  const pages = cache.pages.keep(outputDir, rendered);
  writeCheckedFile(paths.pages, { format: FORMAT, key, entries: [...pages] });
  cache.pages.dropUnused(pages);
}
