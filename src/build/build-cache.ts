/**
 * The build cache (`.cache/` by default, HEZE_CACHE): what a production build keeps so that the next
 * one redoes only what changed (docs/decisions/008-warm-builds.md). It holds
 *   articles/      each article file's outcome, by the SHA-256 of its bytes (kept-articles.ts), in
 *                  64 index shards (`07.bin`), each with a file of its articles' bodies and shown
 *                  fields (kept-bodies.ts, recalled-article.ts)
 *   pages.bin      each bulk page's fingerprint, size and digest (src/pages/kept-pages.ts)
 *   pages/         a copy of each such page, named by fingerprint, hard-linked into the output
 *   preview-pages.bin, preview-pages/   the same for the preview, whose start they speed up
 * Both indexes carry the cache key (cache-key.ts) and a checksum (src/util/checked-file.ts); the
 * pages index also the clock of the build that wrote it and the checksum of every articles shard as
 * that build left them: when the shards are still those, the next build knows what changed since
 * (KeptArticles.earliestChange), and pages showing only older articles keep their fingerprints. A cache
 * from another version of heze-press or of the code, with other site data, media or settings, or a
 * damaged one, is never trusted: the build loads articles or renders pages afresh, says so in one
 * line, and writes a new cache.
 * A production build writes the cache before it goes live, while Pagefind indexes (build-site.ts):
 * every entry is named by what it was made from, so one a failed build wrote is right, never stale.
 */
import { hash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { articleIdentity, type Article } from "../content/article.ts";
import { findChannel, type Site } from "../content/site-data.ts";
import { asKeptPagesIndex, KeptPages, NO_KEPT_PAGES } from "../pages/kept-pages.ts";
import type { RenderedPages } from "../pages/page-writer.ts";
import { readCheckedLines, writeCheckedFile, writeCheckedLines } from "../util/checked-file.ts";
import type { BuildOptions } from "./build-options.ts";
import { cacheKey, changedParts, type CacheKey } from "./cache-key.ts";
import { KeptArticles, type KeptAddress, type KeptArticle } from "./kept-articles.ts";
import {
  closeBodies,
  openBodies,
  writeBodies,
  type BodyFile,
  type BodyRange,
  type BodyStore,
} from "./kept-bodies.ts";
import type { CheckedFiles } from "./up-to-date.ts";
import { placedFieldsOf, RecalledArticle, shownFieldsOf, type PlacedArticle } from "./recalled-article.ts";

/** Changed whenever what the files hold changes shape: an older cache is then ignored. */
const FORMAT = "heze-press build cache 7";

/** What every index file holds besides its own fields. */
interface IndexHeader {
  format: string;
  key: CacheKey;
}

/**
 * An articles shard: each article file's outcome, and the file holding their bodies. Kept a line per
 * entry after its header line (src/util/checked-file.ts).
 */
interface ShardIndex {
  entries: [string, StoredArticle][];
  bodies?: BodyFile;
  checksum: string;
}

/** An articles shard's bodies file (its name) and its index's checksum (src/util/checked-file.ts). */
interface ShardFiles {
  bodies: string;
  checksum: string;
}

/**
 * Beside the pages index: the build that wrote it, its clock (epoch ms) and the checksum of each
 * articles shard as it left them, by shard number.
 */
interface SavedWith {
  clock: number;
  shards: string[];
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
  /** The bodies file and index checksum of each articles shard when the cache was opened. */
  shards: Map<number, ShardFiles>;
  /** This build's clock (epoch ms), kept with the pages. */
  clock: number;
  /**
   * Closes the body files the kept articles read from (kept-bodies.ts): call once no body will be
   * read, as a build does at its end. The preview never does: its articles live as long as it.
   */
  close(): void;
}

/**
 * An article as its shard keeps it: what places it, its channel by slug (the key covers site.yaml,
 * so this build's channel is the one it had); its body and shown fields in the shard's body file
 * (recalled-article.ts).
 */
interface StoredArticle {
  article: PlacedArticle;
  address: KeptAddress;
  body: BodyRange;
  shown: BodyRange;
}

/**
 * Articles are kept in ARTICLE_SHARDS files, by a hash of the file's path, so that one new article
 * rewrites one small file, not an index of the whole archive. The preview's pages differ from the
 * site's (banners, plain asset names): it keeps its own.
 */
const ARTICLE_SHARDS = 64;
const shardName = (shard: number) => String(shard).padStart(2, "0");
const files = (dir: string, preview: boolean) => ({
  articlesDir: path.join(dir, "articles"),
  articles: (shard: number) => path.join(dir, "articles", `${shardName(shard)}.bin`),
  pages: path.join(dir, preview ? "preview-pages.bin" : "pages.bin"),
  copies: path.join(dir, preview ? "preview-pages" : "pages"),
});
const shardOf = (file: string) => hash("sha1", file, "buffer")[0]! % ARTICLE_SHARDS;

/**
 * The index in `file` if it is whole, made with `key`, and of the shape `shaped` checks (which
 * returns it, typed, or undefined); otherwise why not. The index is the file's first line; `shaped`
 * is given the other lines too.
 */
function readIndex<T>(
  file: string,
  key: CacheKey,
  shaped: (index: object, lines: unknown[], checksum: string) => T | undefined,
): T | string {
  const read = readCheckedLines(file);
  if (read === "missing") return "none kept yet";
  const damaged = `the build cache is damaged (${file})`;
  if (read === "damaged") return damaged;
  const [index, ...lines] = read.values as [Partial<IndexHeader> | null | undefined, ...unknown[]];
  if (!index || typeof index !== "object" || !index.key) return damaged;
  if (index.format !== FORMAT) return "the build cache was written by another version of heze-press";
  const changed = changedParts(index.key, key);
  if (changed.length > 0) return `${changed.join(", ")} changed since the build cache was written`;
  return shaped(index, lines, read.checksum) ?? damaged;
}

const asShardIndex = (index: object, lines: unknown[], checksum: string): ShardIndex | undefined =>
  lines.every(Array.isArray)
    ? { bodies: (index as Partial<ShardIndex>).bodies, entries: lines as ShardIndex["entries"], checksum }
    : undefined;

/** The articles of a trusted cache, the files of each shard, and its bodies files, open. */
interface OpenedArticles {
  articles: Map<string, KeptArticle>;
  shards: Map<number, ShardFiles>;
  stores: BodyStore[];
}

/**
 * Every shard of the articles, merged; or why they cannot be used (any shard failing fails all, and
 * closes the body files it opened). A body is read only when it is used; a shard whose body file is
 * not the one it names is damaged.
 */
function readArticles(paths: ReturnType<typeof files>, key: CacheKey, site: Site): OpenedArticles | string {
  const stores: BodyStore[] = [];
  const opened = readShards(paths, key, site, stores);
  if (typeof opened === "string") stores.forEach(closeBodies);
  return opened;
}

function readShards(
  paths: ReturnType<typeof files>,
  key: CacheKey,
  site: Site,
  stores: BodyStore[],
): OpenedArticles | string {
  const articles = new Map<string, KeptArticle>();
  const shards = new Map<number, ShardFiles>();
  for (let shard = 0; shard < ARTICLE_SHARDS; shard++) {
    const index = paths.articles(shard);
    const read = readIndex(index, key, asShardIndex);
    if (typeof read === "string") return read;
    const { bodies } = read;
    const store = bodies && openBodies(path.join(paths.articlesDir, bodies.name), bodies.size, index);
    if (!store) return `the build cache is damaged (${index})`;
    stores.push(store);
    shards.set(shard, { bodies: bodies.name, checksum: read.checksum });
    for (const [file, { article: placed, address, body, shown }] of read.entries) {
      const channel = findChannel(site, placed.channel);
      if (!channel) return `the build cache is damaged (${index})`;
      const article = new RecalledArticle(placed, channel, store, body, shown);
      articles.set(file, { article, address, shard });
    }
  }
  return { articles, shards, stores };
}

/**
 * Writes one articles shard: its bodies file first, then the index that names it, so that a build
 * stopped in between leaves the old index with its own bodies file. Returns the bodies file's name
 * and the index's checksum.
 */
function writeArticleShard(
  paths: ReturnType<typeof files>,
  shard: number,
  key: CacheKey,
  entries: [string, KeptArticle][],
): ShardFiles {
  // Each article's body, then its shown fields.
  const texts = entries.flatMap(([, { article }]) => [article.html, shownFieldsOf(article)]);
  const bodies = writeBodies(paths.articlesDir, shardName(shard), texts);
  const stored = entries.map(([file, { article, address }], i): [string, StoredArticle] => [
    file,
    {
      article: placedFieldsOf(article),
      address,
      body: bodies.ranges[2 * i]!,
      shown: bodies.ranges[2 * i + 1]!,
    },
  ]);
  const checksum = writeCheckedLines(paths.articles(shard), [
    { format: FORMAT, key, bodies: { name: bodies.name, size: bodies.size } },
    ...stored,
  ]);
  return { bodies: bodies.name, checksum };
}

/**
 * The clock of the build that wrote the pages index, if the articles shards are still as it left
 * them: a build stopped between the two writes, or a preview that kept other articles since, left
 * other shards.
 */
function savedTogetherAt(pagesIndex: object, shards: Map<number, ShardFiles>): number | undefined {
  const saved = (pagesIndex as { saved?: Partial<SavedWith> }).saved;
  const same =
    typeof saved?.clock === "number" &&
    Array.isArray(saved.shards) &&
    saved.shards.length === shards.size &&
    saved.shards.every((checksum, shard) => shards.get(shard)?.checksum === checksum);
  return same ? saved.clock : undefined;
}

/**
 * Where the cache is; a caller that already has the key, or what the up-to-date check found of the
 * article files (listed and hashed), passes them on.
 */
export interface CacheOpening {
  dir: string;
  key?: CacheKey;
  checked?: CheckedFiles;
}

export function openBuildCache(opening: CacheOpening, options: BuildOptions, site: Site): BuildCache {
  const { dir, key = cacheKey(options), checked } = opening;
  const paths = files(dir, options.preview);
  const articles = readArticles(paths, key, site);
  const pages = readIndex(paths.pages, key, (index, lines) =>
    lines.length === 0 ? asKeptPagesIndex(index) : undefined,
  );
  // Nothing of an index that cannot be trusted is used: for pages, their copies neither.
  if (typeof pages === "string") rmSync(paths.copies, { recursive: true, force: true });
  const cold = [
    typeof articles === "string" && `articles: ${articles}`,
    typeof pages === "string" && `pages: ${pages}`,
  ].filter(Boolean);
  const opened = typeof articles === "string" ? undefined : articles;
  return {
    dir,
    key,
    preview: options.preview,
    articles: new KeptArticles(
      opened?.articles,
      options.now,
      checked,
      opened && typeof pages !== "string" ? savedTogetherAt(pages, opened.shards) : undefined,
    ),
    shards: opened?.shards ?? new Map(),
    clock: options.now.toMillis(),
    close: () => {
      if (typeof articles !== "string") articles.stores.splice(0).forEach(closeBodies);
    },
    pages: new KeptPages(
      paths.copies,
      typeof pages === "string" ? NO_KEPT_PAGES : pages,
      JSON.stringify([key, options.search, options.preview]),
      articleIdentity,
    ),
    coldBecause: cold.length > 0 ? `build cache: ${cold.join("; ")}: building those afresh` : undefined,
  };
}

/**
 * What the preview changed in place while its cache was being saved (src/build/build-run.ts): the
 * pages written again or removed (site paths) and the articles given new fields. The save leaves
 * them out; the next session reads and renders them afresh.
 */
export interface ChangedMeanwhile {
  pages: Set<string>;
  articles: Set<Article>;
}

/**
 * Once every page is written into `outputDir` (the staging folder of a production build, the preview's
 * output): keeps what the build loaded and rendered for the next one.
 * `between` is awaited between one shard's files and the next, and now and then while pages are
 * kept: the preview serves and edits in place there (`changed`).
 */
export async function saveBuildCache(
  cache: BuildCache,
  outputDir: string,
  rendered: RenderedPages,
  between: () => Promise<void> = async () => {},
  changed: ChangedMeanwhile = { pages: new Set(), articles: new Set() },
): Promise<void> {
  const { key } = cache;
  const paths = files(cache.dir, cache.preview);
  const shards = new Map(cache.shards);
  for (const [shard, entries] of cache.articles.changedShards(shardOf, ARTICLE_SHARDS)) {
    // Read as the shard is written: an article changed before then is left out.
    const unchanged = entries.filter(([, { article }]) => !changed.articles.has(article));
    shards.set(shard, writeArticleShard(paths, shard, key, unchanged));
    await between();
  }
  // Bodies files no index names any more go; but the preview keeps the articles it loaded in
  // memory, whose bodies may still be read from the files they came from.
  const named = new Set([...shards.values()].map(({ bodies }) => bodies));
  if (!cache.preview)
    for (const name of readdirSync(paths.articlesDir))
      if (name.endsWith(".html") && !named.has(name)) rmSync(path.join(paths.articlesDir, name));
  const pages = await cache.pages.keep(outputDir, rendered, between, changed.pages);
  const saved: SavedWith = {
    clock: cache.clock,
    shards: Array.from({ length: ARTICLE_SHARDS }, (_, shard) => shards.get(shard)?.checksum ?? ""),
  };
  writeCheckedFile(paths.pages, { format: FORMAT, key, saved, ...pages });
  cache.pages.dropUnused();
}
