/**
 * Every list of the site, built once per build from the global `articles`: homepage sections, the
 * paginated list pages, the archive's months, each article's foot, the feeds and the sitemaps.
 * Templates reach it through the `siteLists` filter, `{% set lists = articles | siteLists(site, build.now) %}`,
 * and list templates paginate over its arrays with size 1; the result is memoised on the `articles`
 * array, so the hundreds of pages asking for it share one O(N) computation.
 */
import { DateTime } from "luxon";
import type { Article } from "../articles/article.ts";
import { ContentError } from "../articles/problems.ts";
import { atomFeeds, type AtomFeed } from "../feeds/atom-feeds.ts";
import { newsArticles, sitemapFiles, sitemapUrls, type SitemapFile } from "../feeds/sitemaps.ts";
import type { Site } from "../site/site-data.ts";
import { articleFeet, type ArticleFoot } from "./article-foot.ts";
import { homePage, type HomePage } from "./home.ts";
import { archiveMonths, buildListPages, type ArchiveMonth, type ListPage } from "./list-pages.ts";
import { findKeyCollisions } from "./name-key.ts";

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
      message: `the name ${second} gets the same author/tag URL as ${first} (in ${fileOf.get(first)}); spell one of them differently`,
      severity: "error",
    })),
  );
}

/** `articles` newest first (as the content plugin gives them); `now` the build clock as ISO. */
export function buildSiteLists(articles: Article[], site: Site, now: string): SiteLists {
  checkNameKeys(articles);
  const clock = DateTime.fromISO(now, { setZone: true });
  const nowIso = clock.toISO({ suppressMilliseconds: true }) ?? now;
  return {
    home: homePage(articles, site),
    pages: buildListPages(articles, site),
    months: archiveMonths(articles),
    feet: articleFeet(articles),
    feeds: atomFeeds(articles, site, nowIso),
    sitemaps: sitemapFiles(sitemapUrls(articles, site), site.sitemapSize),
    news: newsArticles(articles, clock.toMillis()),
  };
}

const memo = new WeakMap<Article[], SiteLists>();

/** `buildSiteLists`, computed once per `articles` array (one per build). */
export function siteLists(articles: Article[], site: Site, now: string): SiteLists {
  let lists = memo.get(articles);
  if (!lists) {
    lists = buildSiteLists(articles, site, now);
    memo.set(articles, lists);
  }
  return lists;
}
