/**
 * Sitemaps for search engines: `/sitemap.xml` is an index of `/sitemaps/sitemap-<n>.xml` files of at
 * most `site.sitemapSize` URLs each (50,000, the protocol's limit, unless site data says fewer), and
 * `/news-sitemap.xml` lists the articles of the last two days for Google News (at most 1,000).
 */
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-data.ts";
import { absoluteUrl } from "../util/absolute-url.ts";
import { lastChange } from "./atom-feeds.ts";

/** The folder of the sitemap files: they name pages only, never an asset (src/pages/finish-page.ts). */
export const SITEMAPS_DIR = "sitemaps";

export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_LIMIT = 1000;

export interface SitemapUrl {
  /** Site-relative URL. */
  loc: string;
  /** ISO time with +08:00. */
  lastmod?: string;
  /** An article's publication instant (epoch ms); none for the homepage and fronts. */
  published?: number;
}

export interface SitemapFile {
  url: string;
  lastmod?: string;
  urls: SitemapUrl[];
  /**
   * For a full file of articles only: the publication instant of its newest article. Its URLs are
   * then the oldest articles up to that instant, so a build whose changes all come later gives it the
   * same text (src/pages/kept-pages.ts). None for the last file, which new articles join, nor for
   * one holding the homepage or a front (they come last, so such a file ends with one).
   */
  articlesUpTo?: number;
}

/** The newest of some ISO times (all +08:00, so they sort as text). */
const newest = (times: (string | undefined)[]) =>
  times.reduce<string | undefined>((a, b) => (!a || (b && b > a) ? b : a), undefined);

/**
 * Every page a search engine should know: articles oldest first, then the homepage and the channel
 * fronts. Files are cut from the oldest URL on, so a new article changes only the newest file, which
 * also holds the fronts whose lastmod it moves (docs/decisions/006-stable-pages.md).
 */
export function sitemapUrls(articles: Article[], site: Site): SitemapUrl[] {
  const latest = new Map<string, string>();
  for (const article of articles) {
    const slug = article.channel.slug;
    latest.set(slug, newest([latest.get(slug), lastChange(article).iso])!);
  }
  return [
    ...articles.toReversed().map((a) => ({
      loc: a.url,
      lastmod: lastChange(a).iso,
      published: a.published.epochMs,
    })),
    { loc: "/", lastmod: newest([...latest.values()]) },
    ...site.channels.map((c) => ({ loc: `/${c.slug}/`, lastmod: latest.get(c.slug) })),
  ];
}

/** What XML text escapes, as the templates' autoescape writes it. */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The text of one sitemap file (templates/layouts/sitemap.njk prints it), each URL absolute. Written
 * here rather than looped over in the template: a file holds up to 50,000 URLs, which Nunjucks took
 * 0.2 to 0.3 s to print, on every build.
 *   sitemapXml({ url, urls: [{ loc: "/", lastmod }] }, "https://www.heze.cn")
 *   → `<?xml …?>\n<urlset …>\n<url><loc>https://www.heze.cn/</loc><lastmod>…</lastmod></url>\n</urlset>`
 */
export function sitemapXml({ urls }: SitemapFile, baseUrl: string): string {
  const entries = urls.map(({ loc, lastmod }) => {
    const modified = lastmod ? `<lastmod>${escaped(lastmod)}</lastmod>` : "";
    return `\n<url><loc>${escaped(absoluteUrl(loc, baseUrl))}</loc>${modified}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}\n</urlset>`
  );
}

/** Cuts the URLs into files of at most `limit`: `sitemapFiles(urls, 50000)`. Always at least one file. */
export function sitemapFiles(urls: SitemapUrl[], limit: number): SitemapFile[] {
  const count = Math.max(1, Math.ceil(urls.length / limit));
  return Array.from({ length: count }, (_, i) => {
    const chunk = urls.slice(i * limit, (i + 1) * limit);
    return {
      url: `/${SITEMAPS_DIR}/sitemap-${i + 1}.xml`,
      lastmod: newest(chunk.map((u) => u.lastmod)),
      urls: chunk,
      articlesUpTo: i < count - 1 ? chunk.at(-1)!.published : undefined,
    };
  });
}

/**
 * Articles for the Google News sitemap: published in the two days up to `nowMs` (the build clock),
 * newest first, at most NEWS_LIMIT.
 */
export function newsArticles(articles: Article[], nowMs: number): Article[] {
  return articles
    .filter((a) => a.published.epochMs <= nowMs && a.published.epochMs > nowMs - NEWS_WINDOW_MS)
    .slice(0, NEWS_LIMIT);
}
