/**
 * The enriched article: what templates, feeds and search read. Built from validated front matter by
 * the small steps in enrich-article.ts; every value is ready to print (no date maths in templates).
 * Its body (`html`) is not enumerable: JSON.stringify and spreads skip it, and `digest` stands for it
 * (a page's fingerprint is the digest of its articles' JSON: src/pages/kept-pages.ts). An article
 * recalled from the build cache reads its body from disk only when something uses it (withBody).
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
 * Gives `article` its body as a property that JSON.stringify and spreads skip: the body itself, or a
 * function that reads it, called once, the first time the body is used.
 *   const article = withBody({ ...rest }, () => readKeptBody(range));
 */
export function withBody(article: Omit<Article, "html">, body: string | (() => string)): Article {
  if (typeof body === "string") return Object.defineProperty(article, "html", { value: body }) as Article;
  let html: string | undefined;
  return Object.defineProperty(article, "html", { get: () => (html ??= body()) }) as Article;
}
