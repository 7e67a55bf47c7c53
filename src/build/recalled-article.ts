/**
 * An article read back from the build cache (build-cache.ts). A warm build reads every kept article
 * but shows few of them, so a shard's index holds only what places an article (its file, URL,
 * channel, names, dates, state, images and digest: what lists, checks and fingerprints read). Its
 * body and the fields only its pages show (SHOWN_FIELDS: title, summary, description…) stay in the
 * shard's bodies file (kept-bodies.ts) until first used: at 100,000 articles that took the index
 * from 108 to 64 MB, and the time to parse it by two fifths (docs/decisions/008-warm-builds.md).
 *   const article = new RecalledArticle(placed, channel, store, bodyRange, shownRange);
 *   article.url;    // parsed with the index
 *   article.title;  // reads and parses its shown fields, once
 * The shown fields are getters on the prototype (one hidden class for all 100,000; a property
 * defined on each object cost 0.7 s). JSON.stringify gives a cold load's fields; a spread gives the
 * placing ones only, and, as with every article, no body.
 */
import { SHOWN_FIELDS, type Article, type ShownFields } from "../content/article.ts";
import type { Channel } from "../content/site-data.ts";
import { readKeptText, type BodyRange, type BodyStore } from "./kept-bodies.ts";

/** What a shard's index holds of an article: all but its body and shown fields, its channel by slug. */
export type PlacedArticle = Omit<Article, "html" | keyof ShownFields | "channel"> & { channel: string };

const SHOWN = new Set<string>(SHOWN_FIELDS);

/** `article`'s fields as the index keeps them. */
export function placedFieldsOf(article: Article): PlacedArticle {
  const placed = Object.entries(article).filter(([field]) => !SHOWN.has(field));
  return { ...Object.fromEntries(placed), channel: article.channel.slug } as PlacedArticle;
}

/** `article`'s shown fields, as the bodies file keeps them (JSON). */
export const shownFieldsOf = (article: Article): string =>
  JSON.stringify(Object.fromEntries(SHOWN_FIELDS.map((field) => [field, article[field]])));

export class RecalledArticle implements Article {
  readonly file: string;
  readonly id?: string;
  readonly slug: string;
  readonly url: string;
  readonly channel: Channel;
  readonly authors: string[];
  readonly tags: string[];
  readonly aliases: string[];
  readonly published: Article["published"];
  readonly updated?: Article["updated"];
  readonly expires?: Article["expires"];
  /** Placed again at each build's clock (kept-articles.ts). */
  state: Article["state"];
  readonly image?: Article["image"];
  readonly imageFiles: string[];
  readonly digest: string;
  readonly #store: BodyStore;
  readonly #bodyRange: BodyRange;
  readonly #shownRange: BodyRange;
  #html?: string;
  #shown?: ShownFields;

  constructor(placed: PlacedArticle, channel: Channel, store: BodyStore, body: BodyRange, shown: BodyRange) {
    this.file = placed.file;
    this.id = placed.id;
    this.slug = placed.slug;
    this.url = placed.url;
    this.channel = channel;
    this.authors = placed.authors;
    this.tags = placed.tags;
    this.aliases = placed.aliases;
    this.published = placed.published;
    this.updated = placed.updated;
    this.expires = placed.expires;
    this.state = placed.state;
    this.image = placed.image;
    this.imageFiles = placed.imageFiles;
    this.digest = placed.digest;
    this.#store = store;
    this.#bodyRange = body;
    this.#shownRange = shown;
  }

  get html(): string {
    return (this.#html ??= readKeptText(this.#store, this.#bodyRange));
  }

  #read(): ShownFields {
    return (this.#shown ??= JSON.parse(readKeptText(this.#store, this.#shownRange)) as ShownFields);
  }

  get title(): string {
    return this.#read().title;
  }
  get kicker(): string | undefined {
    return this.#read().kicker;
  }
  get subtitle(): string | undefined {
    return this.#read().subtitle;
  }
  get source(): string {
    return this.#read().source;
  }
  get editor(): string | undefined {
    return this.#read().editor;
  }
  get summary(): string | undefined {
    return this.#read().summary;
  }
  get description(): string {
    return this.#read().description;
  }
  get corrections(): Article["corrections"] {
    return this.#read().corrections;
  }
  get length(): Article["length"] {
    return this.#read().length;
  }

  /** What JSON.stringify writes: every field a cold load has, shown ones included, but not the body. */
  toJSON(): Omit<Article, "html"> {
    const shown = SHOWN_FIELDS.map((field) => [field, this[field]]);
    return Object.fromEntries([...Object.entries(this), ...shown]) as Omit<Article, "html">;
  }
}
