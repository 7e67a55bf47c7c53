/**
 * Enriched articles for unit tests of lists, feeds and metadata, without reading files:
 *   const a = makeArticle({ title: "甲", date: "2021-11-22 09:27", channel: "bendi", tags: ["牡丹"] });
 * `newestFirst` sorts them the way the content plugin gives them to templates.
 */
import { readFileSync } from "node:fs";
import { dump, load } from "js-yaml";
import { sourceDigest, withBody, type Article, type LeadImage } from "../../src/content/article.ts";
import { articleUrl } from "../../src/content/article-url.ts";
import { parseNewsroomDate, toNewsTime } from "../../src/content/newsroom-time.ts";
import { siteSchema, type Site } from "../../src/content/site-data.ts";

/** The bundled site data, optionally with some fields replaced. */
export function testSite(overrides: Partial<Site> = {}): Site {
  return { ...siteSchema.parse(load(readFileSync("content/site.yaml", "utf8"))), ...overrides };
}

const time = (text: string) => {
  const parsed = parseNewsroomDate(text);
  if (!parsed.ok) throw new Error(parsed.expected.en);
  return toNewsTime(parsed.time);
};

let counter = 0;

export interface ArticleSpec {
  title?: string;
  date?: string;
  updated?: string;
  /** Channel slug. */
  channel?: string;
  authors?: string[];
  tags?: string[];
  slug?: string;
  html?: string;
  image?: LeadImage;
}

export function makeArticle(spec: ArticleSpec = {}, site: Site = testSite()): Article {
  const n = ++counter;
  const channel = site.channels.find((c) => c.slug === (spec.channel ?? "bendi"))!;
  const published = time(spec.date ?? "2021-11-22 09:27");
  const slug = spec.slug ?? `a${n}`;
  const html = spec.html ?? `<p>正文${n}</p>`;
  // As the build makes them: the body apart from the JSON, a digest standing for it (of the spec here).
  const article: Omit<Article, "html"> = {
    file: `content/articles/${slug}.md`,
    slug,
    url: articleUrl(channel.slug, published.day, slug),
    channel,
    title: spec.title ?? `稿件${n}`,
    authors: spec.authors ?? ["李明"],
    source: "菏泽日报",
    description: `摘要${n}`,
    tags: spec.tags ?? [],
    aliases: [],
    published,
    updated: spec.updated ? time(spec.updated) : undefined,
    corrections: [],
    state: "live",
    image: spec.image,
    imageFiles: [],
    digest: sourceDigest(Buffer.from(JSON.stringify([n, spec]))),
    length: { count: 3, minutes: 1 },
  };
  return withBody(article, html);
}

/** Newest first, ties by URL: the order of the global `articles`. */
export function newestFirst(articles: Article[]): Article[] {
  return [...articles].sort(
    (a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url),
  );
}

/** The bundled `site.yaml` with some fields replaced, as text for a fixture: `siteYaml({ pageSize: 2 })`. */
export function siteYaml(overrides: Record<string, unknown>): string {
  return dump({ ...(load(readFileSync("content/site.yaml", "utf8")) as object), ...overrides });
}
