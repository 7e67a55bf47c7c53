import assert from "node:assert/strict";
import { before, test } from "node:test";
import { authorUrl } from "../../src/content/name-key.ts";
import { all } from "../helpers/dom.ts";
import { DISCOVERY_FILES, NOW } from "../helpers/discovery-fixture.ts";
import { buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";

let site: FixtureSite;
before(async () => {
  site = await buildFixture(DISCOVERY_FILES, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
});

const BASE = "https://www.heze.cn";
/** The logo, under its content-hashed name (src/build/write-assets.ts). */
const LOGO = /^https:\/\/www\.heze\.cn\/images\/logo\.[0-9a-f]{10}\.png$/;
const PEONY = "/bendi/2021/11/22/peony/";

const meta = (doc: Document, property: string) =>
  all(doc, `meta[property="${property}"], meta[name="${property}"]`).map((m) => m.getAttribute("content"));

/** Every JSON-LD block of a page, parsed, by @type. */
function jsonLd(doc: Document): Map<string, Record<string, unknown>> {
  const blocks = all(doc, 'script[type="application/ld+json"]').map(
    (s) => JSON.parse(s.textContent ?? "") as Record<string, unknown>,
  );
  return new Map(blocks.map((b) => [String(b["@type"]), b]));
}

test("an article has its canonical URL, Open Graph article tags and a Twitter card", async () => {
  const doc = await site.page(PEONY);
  assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${BASE}${PEONY}`);
  assert.deepEqual(meta(doc, "og:type"), ["article"]);
  assert.deepEqual(meta(doc, "og:url"), [`${BASE}${PEONY}`]);
  assert.deepEqual(meta(doc, "og:title"), ["牡丹节开幕"]);
  assert.deepEqual(meta(doc, "article:published_time"), ["2021-11-22T09:27:00+08:00"]);
  assert.deepEqual(meta(doc, "article:modified_time"), ["2021-11-22T15:00:00+08:00"]);
  assert.deepEqual(meta(doc, "article:section"), ["本地要闻"]);
  assert.deepEqual(meta(doc, "article:author"), [
    `${BASE}${authorUrl("李明")}`,
    `${BASE}${authorUrl("王芳")}`,
  ]);
  assert.deepEqual(meta(doc, "article:tag"), ["牡丹", "文旅"]);
  assert.match(meta(doc, "og:image").join(" "), LOGO);
  assert.deepEqual(meta(doc, "twitter:card"), ["summary"]);
  assert.deepEqual(meta(doc, "twitter:title"), ["牡丹节开幕"]);
});

test("an article's NewsArticle JSON-LD has the fields search engines need", async () => {
  const ld = jsonLd(await site.page(PEONY)).get("NewsArticle")!;
  assert.equal(ld["@context"], "https://schema.org");
  assert.equal(ld.headline, "牡丹节开幕");
  assert.equal(ld.datePublished, "2021-11-22T09:27:00+08:00");
  assert.equal(ld.dateModified, "2021-11-22T15:00:00+08:00");
  assert.deepEqual(ld.author, [
    { "@type": "Person", name: "李明", url: `${BASE}${authorUrl("李明")}` },
    { "@type": "Person", name: "王芳", url: `${BASE}${authorUrl("王芳")}` },
  ]);
  const publisher = ld.publisher as Record<string, unknown>;
  assert.equal(publisher["@type"], "NewsMediaOrganization");
  assert.equal(publisher.name, "菏泽日报");
  const logo = publisher.logo as Record<string, unknown>;
  assert.match(String(logo.url), LOGO);
  assert.deepEqual({ ...logo, url: "" }, { "@type": "ImageObject", url: "", width: 600, height: 60 });
  // No lead photo: no image (the logo is too small for Google's article images).
  assert.equal(ld.image, undefined);
  assert.equal(ld.articleSection, "本地要闻");
  assert.deepEqual(ld.mainEntityOfPage, { "@type": "WebPage", "@id": `${BASE}${PEONY}` });
});

test("the BreadcrumbList matches the visible breadcrumb on every kind of page", async () => {
  for (const url of [PEONY, "/bendi/", "/bendi/page/1/", "/archive/2021/11/", "/archive/", "/search/"]) {
    const doc = await site.page(url);
    const visible = all(doc, ".breadcrumb a, .breadcrumb [aria-current]").map((c) => [
      c.textContent,
      `${BASE}${c.getAttribute("href") ?? url}`,
    ]);
    const list = jsonLd(doc).get("BreadcrumbList")!;
    const items = list.itemListElement as { position: number; name: string; item: string }[];
    assert.deepEqual(
      items.map((i) => [i.name, i.item]),
      visible,
      url,
    );
    assert.deepEqual(
      items.map((i) => i.position),
      visible.map((_, i) => i + 1),
    );
  }
});

test("the homepage has WebSite with a SearchAction; list pages are og:type website", async () => {
  const home = await site.page("/");
  const website = jsonLd(home).get("WebSite")!;
  assert.equal(website.url, `${BASE}/`);
  const action = website.potentialAction as {
    "@type": string;
    target: { urlTemplate: string };
    "query-input": string;
  };
  assert.equal(action["@type"], "SearchAction");
  assert.equal(action.target.urlTemplate, `${BASE}/search/?q={search_term_string}`);
  assert.equal(action["query-input"], "required name=search_term_string");
  assert.equal(home.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${BASE}/`);
  const front = await site.page("/bendi/page/1/");
  assert.deepEqual(meta(front, "og:type"), ["website"]);
  assert.equal(front.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${BASE}/bendi/page/1/`);
  assert.equal(front.title, "本地要闻(第1页)_中国菏泽网");
});
