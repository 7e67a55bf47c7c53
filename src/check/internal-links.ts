/**
 * Internal links in article bodies: which of the site's own URLs a link may point at. Only URLs whose
 * shape the site defines are judged (articles, channel fronts, author and tag pages, media files);
 * anything else (search, feeds, archives, old-site paths) is left alone rather than guessed at.
 */
import { samePage } from "../content/load-articles.ts";
import type { PublishingState } from "../content/publishing-state.ts";
import type { Site } from "../content/site-data.ts";
import {
  brokenLink,
  linkToOffline,
  linkToOldUrl,
  linkToUnpublished,
  noArticleWithAuthor,
  noArticleWithTag,
  noSuchChannel,
  noSuchPage,
} from "../util/messages/links.ts";
import type { Text } from "../util/messages/text.ts";
import { ARTICLE_PATH, nearestUrl } from "./nearest-url.ts";

/** What every link is checked against, built once per check run. */
export interface LinkIndex {
  site: Site;
  /** Every article URL (all states) and its state. */
  articles: Map<string, PublishingState>;
  /** Old URLs (aliases) and the article URL each redirects to. */
  aliases: Map<string, string>;
  /** Author and tag page URLs of live articles. */
  listPages: Set<string>;
}

export type LinkVerdict = { severity: "error" | "warning"; message: Text } | { media: string } | undefined;

/** A channel front, one of its pages, or its feed. */
const CHANNEL_PAGE = /^\/[^/]+\/(?:page\/[1-9]\d*\/|feed\.xml)?$/;

/**
 * The site path of a link to this site (relative to the root or absolute on `site.baseUrl`), else
 * undefined.
 */
export function sitePath(href: string, site: Site): string | undefined {
  const local = href.startsWith(`${site.baseUrl}/`) ? href.slice(site.baseUrl.length) : href;
  if (!local.startsWith("/") || local.startsWith("//")) return undefined;
  const pathname = local.replace(/[?#].*$/, "");
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Judges one site path: `undefined` when fine or not ours to judge, `{ media }` when it names a media
 * file whose existence the caller checks, else an error (broken, with the nearest real URL when there
 * is one: src/check/nearest-url.ts) or a warning (works, but should not).
 */
export function judgeLink(pathname: string, index: LinkIndex): LinkVerdict {
  if (pathname.startsWith("/media/")) return { media: pathname };
  const page = samePage(pathname);
  const state = index.articles.get(page);
  if (state === "live") return undefined;
  if (state === "expired") return { severity: "warning", message: linkToOffline(pathname) };
  if (state) return { severity: "warning", message: linkToUnpublished(pathname, state) };
  const moved = index.aliases.get(page);
  if (moved) return { severity: "warning", message: linkToOldUrl(pathname, moved) };
  const first = page.split("/")[1] ?? "";
  const broken = (why: Text) => ({
    severity: "error" as const,
    message: brokenLink(pathname, why, nearestUrl(page, index)),
  });
  if (first === "author" || first === "tag") {
    if (index.listPages.has(page)) return undefined;
    return broken(first === "author" ? noArticleWithAuthor : noArticleWithTag);
  }
  if (index.site.channels.some((c) => c.slug === first)) {
    return CHANNEL_PAGE.test(page) ? undefined : broken(noSuchPage);
  }
  return ARTICLE_PATH.test(page) ? broken(noSuchChannel(first)) : undefined;
}
