/**
 * Every list of the site, built once per build from the live articles: homepage sections, the
 * paginated list pages, the archive's months, each article's foot, the feeds and the sitemaps. The
 * build context holds the result (src/build/build-context.ts) and templates read it as the global
 * data `lists`: `{% for section in lists.home %}`, `lists.feet.get(article.url)`; feed and sitemap
 * templates paginate over `lists.feeds` and `lists.sitemaps`, so no page costs O(N).
 */
import type { DateTime } from "luxon";
import type { Article } from "../content/article.ts";
import { ContentError } from "../content/problems.ts";
import { atomFeeds, type AtomFeed } from "../discovery/atom-feeds.ts";
import { newsArticles, sitemapFiles, sitemapUrls, type SitemapFile } from "../discovery/sitemaps.ts";
import type { Site } from "../content/site-data.ts";
import { articleFeet, type ArticleFoot } from "./article-foot.ts";
import { homePage, type HomePage } from "./home.ts";
import { archiveMonths, buildListPages, type ArchiveMonth, type ListPage } from "./list-pages.ts";
import { findKeyCollisions } from "../content/name-key.ts";
import { nameSharesUrl } from "../util/messages/addresses.ts";

export interface SiteLists {
  home: HomePage;
  pages: ListPage[];
  months: ArchiveMonth[];
  feet: Map<string, ArticleFoot>;
  feeds: AtomFeed[];
  sitemaps: SitemapFile[];
  news: Article[];
}

/** Two names whose pages would share a URL fail the build, naming an article of each. */
function checkNameKeys(articles: Article[]): void {
  const fileOf = new Map<string, string>();
  for (const a of articles) for (const name of [...a.authors, ...a.tags]) fileOf.set(name, a.file);
  const collisions = findKeyCollisions(fileOf.keys());
  if (collisions.length === 0) return;
  throw new ContentError(
    collisions.map(([first, second]) => ({
      file: fileOf.get(second)!,
      message: nameSharesUrl(second, first, fileOf.get(first)!),
      severity: "error",
    })),
  );
}

/**
 * Everything the lists (and the corpus's collision checks and order) read of an article, as one
 * string: where it stands. Two corpora whose articles stand in the same places have the same lists
 * but for the article objects in them, so the preview may change an article's other fields (title,
 * body, summary…) in place instead of building every list again (src/build/build-run.ts).
 */
export function placementOf(a: Article): string {
  const { file, url, id, aliases, authors, tags, channel, state, published, updated, expires, image } = a;
  const dates = [published.iso, updated?.iso, expires?.iso];
  return JSON.stringify([
    file,
    url,
    id,
    aliases,
    authors,
    tags,
    channel.slug,
    state,
    dates,
    image !== undefined,
  ]);
}

/**
 * `articles`: the live ones, newest first (as the corpus gives them); `now`: the build clock.
 * `sitemaps: false` (the preview) leaves the sitemap files out: they are for crawlers of the
 * published site, and at 100,000 articles rendering them took a third of each preview rebuild.
 */
export function buildSiteLists(
  articles: Article[],
  site: Site,
  now: DateTime,
  { sitemaps = true }: { sitemaps?: boolean } = {},
): SiteLists {
  checkNameKeys(articles);
  const nowIso = now.toISO({ suppressMilliseconds: true }) ?? "";
  return {
    home: homePage(articles, site),
    pages: buildListPages(articles, site),
    months: archiveMonths(articles),
    feet: articleFeet(articles),
    feeds: atomFeeds(articles, site, nowIso),
    sitemaps: sitemaps ? sitemapFiles(sitemapUrls(articles, site), site.sitemapSize) : [],
    news: newsArticles(articles, now.toMillis()),
  };
}
