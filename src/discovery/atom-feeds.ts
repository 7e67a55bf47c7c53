/**
 * Atom feeds: the whole site at `/feed.xml` and each channel at `/<slug>/feed.xml`, the latest 50
 * articles with full content. `templates/pages/feed.njk` prints them.
 */
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-data.ts";
import { newestByChannel } from "../content/newest-by-channel.ts";

export const FEED_ENTRIES = 50;

export interface AtomFeed {
  /** The feed's own URL (site-relative). */
  url: string;
  title: string;
  /** The page the feed follows. */
  alternate: string;
  /**
   * ISO time (+08:00) of the newest change in the feed. An empty channel's feed takes the whole site's
   * (so that rebuilding unchanged content gives the same file); a site without articles, the build time.
   */
  updated: string;
  entries: Article[];
}

/** When an article last changed: `updated`, else its publication. */
export const lastChange = (article: Article) => article.updated ?? article.published;

/** The ISO time of the newest change among `articles`, or `fallback` when there are none. */
function newestChange(articles: Article[], fallback: string): string {
  const newest = articles.reduce<Article | undefined>(
    (best, a) => (!best || lastChange(a).epochMs > lastChange(best).epochMs ? a : best),
    undefined,
  );
  return newest ? lastChange(newest).iso : fallback;
}

function feed(url: string, title: string, alternate: string, articles: Article[], empty: string): AtomFeed {
  const entries = articles.slice(0, FEED_ENTRIES);
  return { url, title, alternate, updated: newestChange(entries, empty), entries };
}

/** The site feed then one per channel; `articles` newest first, `now` the build time (ISO, +08:00). */
export function atomFeeds(articles: Article[], site: Site, now: string): AtomFeed[] {
  const newest = newestByChannel(articles, site.channels, FEED_ENTRIES);
  const siteFeed = feed("/feed.xml", site.name, "/", articles, now);
  return [
    siteFeed,
    ...site.channels.map((c) =>
      feed(
        `/${c.slug}/feed.xml`,
        `${c.name}_${site.name}`,
        `/${c.slug}/`,
        newest.get(c.slug)!,
        siteFeed.updated,
      ),
    ),
  ];
}
