/**
 * The enriched article: what templates, feeds and search read. Built from validated front matter by
 * the small steps in enrich-article.ts; every value is ready to print (no date maths in templates).
 */
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
  /** The rendered body. */
  html: string;
  length: TextLength;
}
