/**
 * The build cache's articles: each file's outcome (its validated, enriched article and what the
 * collision checks use) kept by the SHA-256 of the file's bytes, so that a warm build reads every
 * file but parses, validates and renders only those that changed. Git gives every checked-out file a
 * new modification time, so content, not time, says what is unchanged. A kept article is placed
 * again at this build's clock (an embargo may have lifted since), takes this build's channel objects,
 * and is not used when one of its image files has gone from the image cache. Only files that loaded
 * without a problem are kept: a file with problems is read again each build, and stops it.
 */
import { existsSync } from "node:fs";
import type { DateTime } from "luxon";
import type { ArticleCache, LoadedFile } from "../content/load-articles.ts";
import { findChannel, type Site } from "../content/site-data.ts";
import type { Article } from "../content/article.ts";
import { datesOf, fileDigest, stateAt, type Dates } from "./up-to-date.ts";

type Loaded = Extract<LoadedFile, { article: Article }>;

/** A file's outcome as the cache keeps it, in JSON: the positions of its keys as entries, not a Map. */
export interface KeptArticle {
  digest: string;
  article: Article;
  address: Omit<Loaded["address"], "keyPositions"> & { keyPositions: [string, Position][] };
}

type Position = Loaded["address"]["keyPositions"] extends Map<string, infer P> | undefined ? P : never;

/** An article as the build clock now places it: draft stays draft; the rest by date and expiry. */
function restate(article: Article, site: Site, now: DateTime): Article {
  const state = stateAt(datesOf(article), now);
  return { ...article, state, channel: findChannel(site, article.channel.slug) ?? article.channel };
}

export class KeptArticles implements ArticleCache {
  readonly #kept: Map<string, KeptArticle>;
  readonly #trusted: boolean;
  readonly #site: Site;
  readonly #now: DateTime;
  /** This build's files, as they will be kept for the next one. */
  readonly #next = new Map<string, KeptArticle>();
  readonly #digests: Map<string, string>;
  #reused = 0;

  /** `kept` undefined: no cache could be trusted. `digests`: files already hashed by this build. */
  constructor(
    kept: Map<string, KeptArticle> | undefined,
    site: Site,
    now: DateTime,
    digests = new Map<string, string>(),
  ) {
    this.#digests = digests;
    this.#trusted = kept !== undefined;
    this.#kept = kept ?? new Map();
    this.#site = site;
    this.#now = now;
  }

  recall(file: string): LoadedFile | undefined {
    const digest = this.#digests.get(file) ?? fileDigest(file);
    this.#digests.set(file, digest);
    const entry = this.#kept.get(file);
    if (entry?.digest !== digest) return undefined;
    const { article, address } = entry;
    if (!article.imageFiles.every((image) => existsSync(image))) return undefined;
    this.#next.set(file, entry);
    this.#reused++;
    const placed = restate(article, this.#site, this.#now);
    const keyPositions = new Map(address.keyPositions);
    return { address: { ...address, keyPositions, state: placed.state }, article: placed, problems: [] };
  }

  remember(file: string, outcome: LoadedFile): void {
    if (!("article" in outcome) || !outcome.article || outcome.problems.length > 0) return;
    const { article, address } = outcome;
    const keyPositions = [...(address.keyPositions ?? [])];
    this.#next.set(file, {
      digest: this.#digests.get(file)!,
      article,
      address: { ...address, keyPositions },
    });
  }

  /** `reused 9,999 of 10,000 articles`. */
  get summary(): string {
    return `reused ${this.#reused.toLocaleString("en")} of ${this.#digests.size.toLocaleString("en")} articles`;
  }

  /** Every file of this build with its digest and dates, by path: what up-to-date.ts notes. */
  builtFrom(): [string, string, Dates][] {
    return [...this.#next]
      .map(([file, { digest, article }]): [string, string, Dates] => [file, digest, datesOf(article)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * What the next build keeps, in the shards (`shardOf`, 0 to `count` - 1) where anything changed: a
   * file loaded afresh, or a file kept before and gone now. A shard is written whole.
   */
  changedShards(shardOf: (file: string) => number, count: number): Map<number, [string, KeptArticle][]> {
    const shards = new Map<number, [string, KeptArticle][]>();
    // Without a trusted cache every shard is written, empty ones too: a missing shard is a damaged cache.
    const dirty = new Set<number>(this.#trusted ? [] : Array.from({ length: count }, (_, i) => i));
    for (const [file, entry] of this.#next) {
      const shard = shardOf(file);
      if (!shards.has(shard)) shards.set(shard, []);
      shards.get(shard)!.push([file, entry]);
      if (this.#kept.get(file) !== entry) dirty.add(shard);
    }
    for (const file of this.#kept.keys()) if (!this.#next.has(file)) dirty.add(shardOf(file));
    return new Map([...dirty].map((shard) => [shard, shards.get(shard) ?? []]));
  }
}
