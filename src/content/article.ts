/**
 * The enriched article: what templates, feeds and search read. Built from validated front matter by
 * the small steps in enrich-article.ts; every value is ready to print (no date maths in templates).
 * Its body (`html`) is not enumerable: JSON.stringify and spreads skip it, and `digest` stands for it
 * (in a page's fingerprint, `articleIdentity` stands for the whole article). An article
 * recalled from the build cache reads its body and its SHOWN_FIELDS from disk only when something
 * uses them (src/build/recalled-article.ts).
 */
import { sha256 } from "../util/sha256.ts";
import type { ResponsiveImage } from "../images/responsive-image.ts";
import type { Channel } from "./site-data.ts";
import type { TextLength } from "./reading-time.ts";
import type { NewsTime } from "./newsroom-time.ts";
import type { PublishingState } from "./publishing-state.ts";

export interface LeadImage extends ResponsiveImage {
  alt: string;
  caption?: string;
}

/** One 更正 notice at the end of the article. */
export interface Correction {
  time: NewsTime;
  text: string;
}

export interface Article {
  /** Source file, relative to the working directory, for messages. */
  file: string;
  id?: string;
  slug: string;
  /** Site-relative URL, `/bendi/2021/11/22/slug/`. */
  url: string;
  channel: Channel;
  title: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  source: string;
  editor?: string;
  summary?: string;
  /** The summary, or the start of the body: for lists and meta descriptions. */
  description: string;
  tags: string[];
  /** Old URLs that redirect here (site-relative). */
  aliases: string[];
  published: NewsTime;
  /** The later of `updated` and the last correction: what readers and dateModified see. */
  updated?: NewsTime;
  /** When the article goes offline (its URL then shows a 已下线 notice). */
  expires?: NewsTime;
  /** 更正 notices, oldest first. */
  corrections: Correction[];
  /** Where the article stands at the build clock (see publishing-state.ts). */
  state: PublishingState;
  image?: LeadImage;
  /** Resized image files (lead and body) that the site must carry. */
  imageFiles: string[];
  /** The rendered body: not enumerable (see withBody). */
  readonly html: string;
  /** The SHA-256 of the source file's bytes: in the article's JSON, it stands for the body. */
  digest: string;
  length: TextLength;
}

/** What an unchanged file is known by: the SHA-256 of its bytes (the Article's `digest`). */
export const sourceDigest = (bytes: Uint8Array): string => sha256(bytes);

/**
 * What stands for an article's JSON in a page's fingerprint (src/pages/kept-pages.ts), without
 * writing the JSON out: its file, the digest of the file's bytes and its state at the build clock.
 * With the cache key (code, site data, media, settings), which every fingerprint holds too, they
 * decide every other field. Undefined for anything that is not an article.
 */
export function articleIdentity(input: object): string | undefined {
  const { file, digest, state } = input as Partial<Article>;
  return typeof digest === "string" && "html" in input ? `article ${file} ${digest} ${state}` : undefined;
}

/**
 * Gives `article` its body as a property that JSON.stringify and spreads skip. Configurable, so that
 * `replaceArticle` can give an article object a new body.
 *   const article = withBody({ ...fields }, "<p>…</p>");
 */
export function withBody(article: Omit<Article, "html">, html: string): Article {
  return Object.defineProperty(article, "html", { value: html, configurable: true }) as Article;
}

/**
 * The fields that only the pages showing an article read: no list, feed selection, check or
 * collision needs them. The build cache keeps them beside the body, read when first used
 * (src/build/recalled-article.ts).
 */
export const SHOWN_FIELDS = [
  "title",
  "kicker",
  "subtitle",
  "source",
  "editor",
  "summary",
  "description",
  "corrections",
  "length",
] as const satisfies (keyof Article)[];

export type ShownFields = Pick<Article, (typeof SHOWN_FIELDS)[number]>;

/**
 * Turns the article object `old` into `fresh`, body included (Object.assign would skip it), for
 * whatever holds `old`: the preview's lists, feet and feeds (src/build/build-run.ts).
 */
export function replaceArticle(old: Article, fresh: Article): void {
  for (const key of Object.keys(old))
    if (!Object.hasOwn(fresh, key)) delete (old as Partial<Article>)[key as keyof Article];
  // A recalled article's shown fields are getters on its prototype: each gets an own value, which
  // hides the getter, even where `fresh` has none.
  const shown = Object.fromEntries(
    SHOWN_FIELDS.map((field) => [
      field,
      { value: undefined, writable: true, enumerable: true, configurable: true },
    ]),
  );
  Object.defineProperties(old, { ...shown, ...Object.getOwnPropertyDescriptors(fresh) });
}
