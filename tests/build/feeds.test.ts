import assert from "node:assert/strict";
import { before, test } from "node:test";
import { JSDOM } from "jsdom";
import { DISCOVERY_FILES, NOW } from "../helpers/discovery-fixture.ts";
import { article, buildFixture, testPhoto, type FixtureSite } from "../helpers/fixture-site.ts";
import { ATOM, childText, children, elements, NEWS, parseXml, SITEMAP } from "../helpers/xml.ts";

let site: FixtureSite;
before(async () => {
  site = await buildFixture(DISCOVERY_FILES, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
});

const BASE = "https://www.heze.cn";
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const xml = async (file: string) => parseXml(await site.file(file)).documentElement!;

test("the site feed is Atom with full entries: content, authors, categories, Beijing times", async () => {
  const feed = await xml("feed.xml");
  assert.equal(feed.namespaceURI, ATOM);
  assert.equal(feed.localName, "feed");
  assert.equal(childText(feed, ATOM, "id"), `${BASE}/feed.xml`);
  assert.equal(
    children(feed, ATOM, "link")
      .find((l) => l.getAttribute("rel") === "self")
      ?.getAttribute("href"),
    `${BASE}/feed.xml`,
  );
  assert.equal(childText(feed, ATOM, "updated"), "2021-11-22T20:00:00+08:00");
  const entries = children(feed, ATOM, "entry");
  assert.equal(entries.length, 6);
  assert.deepEqual(
    entries.map((e) => childText(e, ATOM, "title")),
    ["菏泽队夺冠", "牡丹节开幕", "曹州牡丹园扩建", "新大桥通车", "马拉松开跑", "十月旧闻"],
  );
  const peony = entries[1]!;
  assert.equal(childText(peony, ATOM, "id"), `${BASE}/bendi/2021/11/22/peony/`);
  assert.equal(childText(peony, ATOM, "published"), "2021-11-22T09:27:00+08:00");
  assert.equal(childText(peony, ATOM, "updated"), "2021-11-22T15:00:00+08:00");
  assert.deepEqual(
    children(peony, ATOM, "author").map((a) => childText(a, ATOM, "name")),
    ["李明", "王芳"],
  );
  assert.ok(
    children(peony, ATOM, "author").every((a) => childText(a, ATOM, "uri").startsWith(`${BASE}/author/`)),
  );
  assert.deepEqual(
    children(peony, ATOM, "category").map((c) => c.getAttribute("label") ?? c.getAttribute("term")),
    ["本地要闻", "牡丹", "文旅"],
  );
  const content = children(peony, ATOM, "content")[0]!;
  assert.equal(content.getAttribute("type"), "html");
  // The entry carries the whole body as HTML, its links made absolute.
  const body = new JSDOM(content.textContent ?? "").window.document;
  assert.equal(body.querySelector("a")?.getAttribute("href"), `${BASE}/bendi/`);
  for (const entry of entries) {
    assert.match(childText(entry, ATOM, "updated"), OFFSET);
    assert.match(childText(entry, ATOM, "published"), OFFSET);
  }
});

test("an entry with a lead photo shows it first in its content and gives it as media:content", async () => {
  const photo = await buildFixture({
    "media/lead.jpg": await testPhoto(1600, 1000),
    "articles/bendi/photo.md": article({
      image: "/media/lead.jpg",
      image_alt: "牡丹园全景",
      image_caption: "牡丹园 <摄影> 王芳",
    }),
    "articles/bendi/plain.md": article({ title: "无图稿件", date: "2021-11-21 09:00" }),
  });
  assert.equal(photo.exitCode, 0, photo.stderr);
  const feed = parseXml(await photo.file("feed.xml")).documentElement!;
  const [withPhoto, plain] = children(feed, ATOM, "entry");
  const MEDIA = "http://search.yahoo.com/mrss/";
  const media = children(withPhoto!, MEDIA, "content");
  assert.equal(media.length, 1);
  assert.match(media[0]!.getAttribute("url")!, /^https:\/\/www\.heze\.cn\/img\/\w+-1440\.webp$/);
  assert.equal(media[0]!.getAttribute("medium"), "image");
  assert.equal(media[0]!.getAttribute("width"), "1440");
  assert.equal(media[0]!.getAttribute("height"), "900");
  const html = new JSDOM(childText(withPhoto!, ATOM, "content")).window.document.body;
  const figure = html.firstElementChild!;
  assert.equal(figure.tagName, "FIGURE");
  assert.equal(figure.querySelector("img")?.getAttribute("src"), media[0]!.getAttribute("url"));
  assert.equal(figure.querySelector("img")?.getAttribute("alt"), "牡丹园全景");
  assert.equal(figure.querySelector("figcaption")?.textContent, "牡丹园 <摄影> 王芳");
  assert.match(figure.nextElementSibling?.textContent ?? "", /测试稿件的正文/);
  assert.equal(children(plain!, MEDIA, "content").length, 0);
  assert.equal(new JSDOM(childText(plain!, ATOM, "content")).window.document.querySelector("figure"), null);
});

test("each channel has its own feed of its own articles; an empty channel's feed is valid", async () => {
  const tiyu = await xml("tiyu/feed.xml");
  assert.deepEqual(
    children(tiyu, ATOM, "entry").map((e) => childText(e, ATOM, "title")),
    ["菏泽队夺冠", "马拉松开跑"],
  );
  for (const slug of ["bendi", "xianqu", "shehui", "guonei", "shendu", "caijing", "tiyu", "wenhua"]) {
    const feed = await xml(`${slug}/feed.xml`);
    assert.equal(childText(feed, ATOM, "id"), `${BASE}/${slug}/feed.xml`);
  }
  const empty = await xml("xianqu/feed.xml");
  assert.equal(children(empty, ATOM, "entry").length, 0);
  assert.match(childText(empty, ATOM, "updated"), OFFSET);
});

test("the sitemap index points at files of at most sitemapSize URLs covering every page once", async () => {
  const index = await xml("sitemap.xml");
  assert.equal(index.namespaceURI, SITEMAP);
  assert.equal(index.localName, "sitemapindex");
  const files = elements(index, SITEMAP, "sitemap").map((s) => childText(s, SITEMAP, "loc"));
  // 6 articles (oldest first) + homepage + 8 channel fronts = 15 URLs, 4 per file.
  assert.deepEqual(
    files,
    [1, 2, 3, 4].map((n) => `${BASE}/sitemaps/sitemap-${n}.xml`),
  );
  const locs: string[] = [];
  for (const file of files) {
    const urlset = await xml(file.slice(BASE.length + 1));
    assert.equal(urlset.localName, "urlset");
    const urls = elements(urlset, SITEMAP, "url");
    assert.ok(urls.length <= 4);
    for (const url of urls) {
      locs.push(childText(url, SITEMAP, "loc"));
      const lastmod = children(url, SITEMAP, "lastmod")[0];
      if (lastmod) assert.match(lastmod.textContent ?? "", OFFSET);
    }
  }
  assert.equal(locs.length, 15);
  assert.equal(new Set(locs).size, 15);
  assert.ok(locs.includes(`${BASE}/bendi/2021/11/22/peony/`));
  const peonyFile = await xml("sitemaps/sitemap-2.xml");
  const peony = elements(peonyFile, SITEMAP, "url").find((u) =>
    childText(u, SITEMAP, "loc").endsWith("/peony/"),
  );
  assert.equal(peony && childText(peony, SITEMAP, "lastmod"), "2021-11-22T15:00:00+08:00");
});

test("the news sitemap lists only the last two days before the build clock", async () => {
  const urlset = await xml("news-sitemap.xml");
  const urls = elements(urlset, SITEMAP, "url");
  assert.deepEqual(
    urls.map((u) => childText(u, SITEMAP, "loc")),
    [`${BASE}/tiyu/2021/11/22/match/`, `${BASE}/bendi/2021/11/22/peony/`],
  );
  const news = children(urls[1]!, NEWS, "news")[0]!;
  const publication = children(news, NEWS, "publication")[0]!;
  assert.equal(childText(publication, NEWS, "name"), "中国菏泽网");
  assert.equal(childText(publication, NEWS, "language"), "zh-cn");
  assert.equal(childText(news, NEWS, "publication_date"), "2021-11-22T09:27:00+08:00");
  assert.equal(childText(news, NEWS, "title"), "牡丹节开幕");
});

test("robots.txt names both sitemaps", async () => {
  const lines = (await site.file("robots.txt")).split("\n");
  assert.deepEqual(
    lines.filter((l) => l.startsWith("Sitemap:")),
    [`Sitemap: ${BASE}/sitemap.xml`, `Sitemap: ${BASE}/news-sitemap.xml`],
  );
});
