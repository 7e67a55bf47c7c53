import assert from "node:assert/strict";
import { test } from "node:test";
import {
  NEWS_LIMIT,
  newsArticles,
  sitemapFiles,
  sitemapUrls,
  sitemapXml,
} from "../../src/discovery/sitemaps.ts";
import { parseNewsroomDate } from "../../src/content/newsroom-time.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";
import { children, childText, elements, parseXml, SITEMAP } from "../helpers/xml.ts";

const at = (text: string) => {
  const parsed = parseNewsroomDate(text);
  assert.ok(parsed.ok);
  return parsed.time.toMillis();
};

test("sitemap URLs: articles oldest first, then homepage and channel fronts; lastmod from updated or date", () => {
  const site = testSite();
  const a = makeArticle({ date: "2021-11-22 09:27", updated: "2021-11-23 10:00" });
  const b = makeArticle({ date: "2021-11-20 08:00", channel: "tiyu" });
  const urls = sitemapUrls(newestFirst([a, b]), site);
  assert.deepEqual(
    urls.slice(0, 4).map((u) => u.loc),
    [b.url, a.url, "/", "/bendi/"],
  );
  assert.deepEqual(urls[2], { loc: "/", lastmod: "2021-11-23T10:00:00+08:00" });
  assert.deepEqual(urls[3], { loc: "/bendi/", lastmod: "2021-11-23T10:00:00+08:00" });
  assert.deepEqual(
    urls.find((u) => u.loc === "/xianqu/"),
    { loc: "/xianqu/", lastmod: undefined },
  );
  assert.deepEqual(
    urls.find((u) => u.loc === a.url),
    { loc: a.url, lastmod: "2021-11-23T10:00:00+08:00", published: a.published.epochMs },
  );
  assert.equal(urls.length, 1 + site.channels.length + 2);
});

test("sitemap files hold at most the limit and split as the list grows; a full one knows its newest article", () => {
  const urls = Array.from({ length: 5 }, (_, i) => ({
    loc: `/a${i}/`,
    lastmod: `2021-11-0${i + 1}T00:00:00+08:00`,
    published: 1000 + i,
  }));
  const files = sitemapFiles(urls, 2);
  assert.deepEqual(
    files.map((f) => [f.url, f.urls.length, f.lastmod, f.articlesUpTo]),
    [
      ["/sitemaps/sitemap-1.xml", 2, "2021-11-02T00:00:00+08:00", 1001],
      ["/sitemaps/sitemap-2.xml", 2, "2021-11-04T00:00:00+08:00", 1003],
      // The last file holds the homepage and the fronts too, which newer articles change.
      ["/sitemaps/sitemap-3.xml", 1, "2021-11-05T00:00:00+08:00", undefined],
    ],
  );
  assert.equal(sitemapFiles(urls, 50000).length, 1);
  assert.equal(sitemapFiles([], 50000).length, 1);
});

test("the news sitemap takes the two days before the build clock, at most 1,000", () => {
  const inside = makeArticle({ date: "2021-11-21 12:01" });
  const edge = makeArticle({ date: "2021-11-21 12:00" });
  const future = makeArticle({ date: "2021-11-23 12:01" });
  const articles = newestFirst([inside, edge, future]);
  assert.deepEqual(newsArticles(articles, at("2021-11-23 12:00")), [inside]);
  const many = newestFirst(
    Array.from({ length: NEWS_LIMIT + 5 }, (_, i) =>
      makeArticle({
        date: `2021-11-23 ${String(Math.floor(i / 60) % 10).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
      }),
    ),
  );
  assert.equal(newsArticles(many, at("2021-11-23 12:00")).length, NEWS_LIMIT);
});

test("a sitemap file's text: every URL absolute and escaped, with its last change when it has one", () => {
  const text = sitemapXml(
    {
      url: "/sitemaps/sitemap-1.xml",
      urls: [
        { loc: "/bendi/2021/11/22/a/", lastmod: "2021-11-22T09:27:00+08:00" },
        { loc: "/old/a&b/", lastmod: undefined },
      ],
    },
    "https://www.heze.cn",
  );
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const urls = elements(parseXml(text).documentElement!, SITEMAP, "url");
  assert.deepEqual(
    urls.map((url) => [childText(url, SITEMAP, "loc"), children(url, SITEMAP, "lastmod")[0]?.textContent]),
    [
      ["https://www.heze.cn/bendi/2021/11/22/a/", "2021-11-22T09:27:00+08:00"],
      ["https://www.heze.cn/old/a&b/", undefined],
    ],
  );
});
