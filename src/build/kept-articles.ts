/**
 * The build cache's articles: each file's outcome (its validated, enriched article and what the
 * collision checks use) kept by the SHA-256 of the file's bytes, so that a warm build reads every
 * file but parses, validates and renders only those that changed. Git gives every checked-out file a
 * new modification time, so content, not time, says what is unchanged. A kept article is placed
 * again at this build's clock (an embargo may have lifted since), takes this build's channel objects,
 * and is not used when one of its image files has gone from the image cache. Only files that loaded
 * without a problem are kept: a file with problems is read again each build, and stops it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { DateTime } from "luxon";
import type { ArticleCache, LoadedFile } from "../content/load-articles.ts";
import { publishingState } from "../content/publishing-state.ts";
import { findChannel, type Site } from "../content/site-data.ts";
import type { Article } from "../content/article.ts";

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
  const at = (time: { epochMs: number }) => DateTime.fromMillis(time.epochMs);
  const state =
    article.state === "draft"
      ? "draft"
      : publishingState(
          { date: at(article.published), expires: article.expires && at(article.expires) },
          now,
        );
  return { ...article, state, channel: findChannel(site, article.channel.slug) ?? article.channel };
}

export class KeptArticles implements ArticleCache {
  readonly #kept: Map<string, KeptArticle>;
  readonly #site: Site;
  readonly #now: DateTime;
  /** This build's files, as they will be kept for the next one. */
  readonly #next = new Map<string, KeptArticle>();
  readonly #digests = new Map<string, string>();
  #reused = 0;

  constructor(kept: Map<string, KeptArticle>, site: Site, now: DateTime) {
    this.#kept = kept;
    this.#site = site;
    this.#now = now;
  }

  recall(file: string): LoadedFile | undefined {
    const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
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

  /** Whether this build loaded anything afresh or dropped a file: then the cache is written again. */
  get changed(): boolean {
    return this.#reused !== this.#next.size || this.#reused !== this.#kept.size;
  }

  /** `reused 9,999 of 10,000 articles`. */
  get summary(): string {
    return `reused ${this.#reused.toLocaleString("en")} of ${this.#digests.size.toLocaleString("en")} articles`;
  }

  /** What the next build keeps. */
  entries(): Map<string, KeptArticle> {
    return this.#next;
  }
}
