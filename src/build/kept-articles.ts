/**
 * The build cache's articles: each file's outcome (its validated, enriched article and what the
 * collision checks use) kept by the SHA-256 of the file's bytes (the article's `digest`), so that a
 * warm build reads every file but parses, validates and renders only those that changed. Git gives
 * every checked-out file a new modification time, so content, not time, says what is unchanged. A
 * kept article is placed again at this build's clock (an embargo may have lifted since), and is not
 * used when one of its image files has gone from the image cache. Its body and shown fields are
 * read from the cache only if a page showing it is rendered again (recalled-article.ts). Only files
 * that loaded without a problem are kept: a file with problems is read again each build, and stops it.
 * Once the articles are loaded, `earliestChange` says from when on the site may differ from the
 * build that kept them: pages showing only earlier articles are as they were (src/pages/kept-pages.ts).
 */
import { existsSync } from "node:fs";
import type { DateTime } from "luxon";
import type { ArticleCache, LoadedFile } from "../content/load-articles.ts";
import type { Article } from "../content/article.ts";
import { datesOf, fileDigest, stateAt, type CheckedFiles, type Dates } from "./up-to-date.ts";

type Loaded = Extract<LoadedFile, { article: Article }>;
type Address = Loaded["address"];
type Positions = NonNullable<Address["keyPositions"]>;

/**
 * What the collision checks use of a file and its article does not say: where each key stands, and
 * the aliases and tags as written, only where they differ from the article's normalised ones.
 */
export interface KeptAddress {
  /**
   * `'["title",2,1,"author",3,1]'`: where each key stands, as JSON in one string, parsed only if a
   * collision is reported on the file. An array of twenty-odd items per article, parsed every build,
   * was a sixth of the articles index in memory at 100,000 articles.
   */
  keyPositions: string;
  aliases?: string[];
  tags?: string[];
}

/** A file's outcome as the cache keeps it. */
export interface KeptArticle {
  article: Article;
  address: KeptAddress;
  /** The shard it was read from (not stored): a save then need not hash its path again. */
  shard?: number;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

const packPositions = (positions: Positions): string =>
  JSON.stringify([...positions].flatMap(([key, { line, column }]) => [key, line, column]));

function unpackPositions(packed: string): Positions {
  const flat = JSON.parse(packed) as (string | number)[];
  const positions: Positions = new Map();
  for (let i = 0; i + 2 < flat.length; i += 3)
    positions.set(String(flat[i]), { line: Number(flat[i + 1]), column: Number(flat[i + 2]) });
  return positions;
}

/**
 * The address as loadArticle gave it, from the article and what was kept beside it. The positions
 * are unpacked only if a collision is reported on this file: a class, so that the getter is one
 * function on its prototype rather than a closure per article.
 */
class RecalledAddress implements Address {
  readonly file: string;
  readonly url: string;
  readonly id?: string;
  readonly aliases: string[];
  readonly authors: string[];
  readonly tags: string[];
  readonly state: Article["state"];
  readonly #packed: string;

  constructor(article: Article, kept: KeptAddress) {
    this.file = article.file;
    this.url = article.url;
    this.id = article.id;
    this.aliases = kept.aliases ?? article.aliases;
    this.authors = article.authors;
    this.tags = kept.tags ?? article.tags;
    this.state = article.state;
    this.#packed = kept.keyPositions;
  }

  get keyPositions(): Positions {
    return unpackPositions(this.#packed);
  }
}

export class KeptArticles implements ArticleCache {
  readonly #kept: Map<string, KeptArticle>;
  readonly #trusted: boolean;
  readonly #now: DateTime;
  /** This build's files, as they will be kept for the next one. */
  readonly #next = new Map<string, KeptArticle>();
  readonly #checked: CheckedFiles | undefined;
  #asked = 0;
  #reused = 0;
  /** The clock of the build that kept these articles and the pages beside them, if known. */
  readonly #keptAt: number | undefined;
  /**
   * The earliest publication instant of an article loaded afresh, or recalled with an expiry the
   * clock has crossed since.
   */
  #changedFrom = Infinity;

  /**
   * `kept` undefined: no cache could be trusted. `checked`: the files already hashed by this build.
   * `keptAt`: the clock (epoch ms) of the build that kept `kept` together with the build cache's
   * pages; undefined if they were not kept together.
   */
  constructor(
    kept: Map<string, KeptArticle> | undefined,
    now: DateTime,
    checked?: CheckedFiles,
    keptAt?: number,
  ) {
    this.#checked = checked;
    this.#trusted = kept !== undefined;
    this.#kept = kept ?? new Map();
    this.#now = now;
    this.#keptAt = keptAt;
  }

  recall(file: string): LoadedFile | undefined {
    this.#asked++;
    // A file nothing was kept for is not hashed here: its load reads it anyway (the preview's first
    // start, which has no digests from an up-to-date check, read every file twice).
    const entry = this.#kept.get(file);
    if (!entry) return undefined;
    const digest = this.#checked?.digestOf(file) ?? fileDigest(file);
    if (entry.article.digest !== digest) return undefined;
    const { article } = entry;
    if (!article.imageFiles.every((image) => existsSync(image))) return undefined;
    this.#next.set(file, entry);
    this.#reused++;
    // An expiry takes the article off its lists, wherever it stands.
    const expires = article.expires?.epochMs;
    if (expires !== undefined && this.#keptAt !== undefined && this.#between(expires))
      this.#changedFrom = Math.min(this.#changedFrom, article.published.epochMs);
    // Placed at this build's clock: a draft stays a draft; the rest by date and expiry. The kept
    // object is this build's article, placed anew, not copied: at 100,000 articles a copy of each
    // doubled what the articles hold in memory. What is kept on disk is placed again when read.
    article.state = stateAt(datesOf(article), this.#now);
    return { address: new RecalledAddress(article, entry.address), article, problems: [] };
  }

  remember(file: string, outcome: LoadedFile): void {
    if (!("article" in outcome) || !outcome.article) return;
    this.#changedFrom = Math.min(this.#changedFrom, outcome.article.published.epochMs);
    if (outcome.problems.length > 0) return;
    const { article, address } = outcome;
    this.#next.set(file, {
      article,
      address: {
        keyPositions: packPositions(address.keyPositions ?? new Map()),
        aliases: same(address.aliases, article.aliases) ? undefined : address.aliases,
        tags: same(address.tags, article.tags) ? undefined : address.tags,
      },
    });
  }

  /** Whether `instant` lies between the keeping build's clock and this one's (either may be later). */
  #between(instant: number): boolean {
    const now = this.#now.toMillis();
    return Math.min(this.#keptAt!, now) <= instant && instant <= Math.max(this.#keptAt!, now);
  }

  /**
   * Once every file is loaded: the earliest publication instant (epoch ms) at which this build's live
   * articles may differ from those of the build that kept them: where an article was added, edited,
   * removed or renamed (its old and new dates), where the clock lifted an embargo (every instant
   * between the two builds' clocks) or expired an article. Before it, the same articles are live,
   * unchanged. -Infinity when that build is unknown.
   */
  earliestChange(): number {
    if (!this.#trusted || this.#keptAt === undefined) return -Infinity;
    let earliest = Math.min(this.#keptAt, this.#now.toMillis(), this.#changedFrom);
    for (const [file, entry] of this.#kept)
      if (this.#next.get(file) !== entry) earliest = Math.min(earliest, entry.article.published.epochMs);
    return earliest;
  }

  /** `reused 9,999 of 10,000 articles`. */
  get summary(): string {
    return `reused ${this.#reused.toLocaleString("en")} of ${this.#asked.toLocaleString("en")} articles`;
  }

  /** Every file of this build with its digest and dates, by path: what up-to-date.ts notes. */
  builtFrom(): [string, string, Dates][] {
    return [...this.#next]
      .map(([file, { article }]): [string, string, Dates] => [file, article.digest, datesOf(article)])
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
      const shard = entry.shard ?? shardOf(file);
      if (!shards.has(shard)) shards.set(shard, []);
      shards.get(shard)!.push([file, entry]);
      if (this.#kept.get(file) !== entry) dirty.add(shard);
    }
    for (const file of this.#kept.keys()) if (!this.#next.has(file)) dirty.add(shardOf(file));
    return new Map([...dirty].map((shard) => [shard, shards.get(shard) ?? []]));
  }
}
