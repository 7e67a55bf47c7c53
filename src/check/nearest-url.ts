/**
 * The real URL a broken internal link most likely meant, for "是不是 …？" hints: a live article with
 * the same slug (the same channel on another date first, then the same date in another channel, then
 * any), else the live article URL or author/tag page nearest by edit distance, if it is close.
 *   nearestUrl("/bendi/2021/11/21/peony/", index) === "/bendi/2021/11/22/peony/"
 * `index` is what internal-links.ts checks links against: every article URL and its state, and the
 * author and tag pages.
 */
import type { PublishingState } from "../content/publishing-state.ts";
import { nearest } from "../util/nearest.ts";

/** `/<channel>/<yyyy>/<MM>/<dd>/<slug>/` in parts. */
export const ARTICLE_PATH = /^\/([^/]+)\/(\d{4}\/\d{2}\/\d{2})\/([^/]+)\/$/;

/** At most this many edits between a link and the URL suggested for it (a typo or two in a date or slug). */
const MAX_URL_EDITS = 3;

interface LiveUrls {
  /** Live article URLs by slug. */
  bySlug: Map<string, string[]>;
  all: string[];
}

export interface UrlIndex {
  articles: Map<string, PublishingState>;
  listPages: Set<string>;
}

const liveUrls = new WeakMap<Map<string, PublishingState>, LiveUrls>();

/** The live article URLs, grouped once per check run. */
function liveUrlsOf(articles: Map<string, PublishingState>): LiveUrls {
  let found = liveUrls.get(articles);
  if (found) return found;
  found = { bySlug: new Map(), all: [] };
  for (const [url, state] of articles) {
    const slug = ARTICLE_PATH.exec(url)?.[3];
    if (state !== "live" || slug === undefined) continue;
    found.all.push(url);
    found.bySlug.set(slug, [...(found.bySlug.get(slug) ?? []), url]);
  }
  liveUrls.set(articles, found);
  return found;
}

/** `page` is a path that judgeLink found broken, with its trailing slash (samePage). */
export function nearestUrl(page: string, index: UrlIndex): string | undefined {
  const first = page.split("/")[1] ?? "";
  if (first === "author" || first === "tag") return nearest(page, index.listPages, MAX_URL_EDITS);
  const urls = liveUrlsOf(index.articles);
  const parts = ARTICLE_PATH.exec(page);
  if (parts) {
    const [, channel, day, slug] = parts;
    const same = urls.bySlug.get(slug!) ?? [];
    const pick =
      same.find((url) => url.startsWith(`/${channel}/`)) ??
      same.find((url) => url.includes(`/${day}/`)) ??
      same[0];
    if (pick) return pick;
  }
  return nearest(page, urls.all, MAX_URL_EDITS);
}
