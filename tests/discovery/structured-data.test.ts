import assert from "node:assert/strict";
import { test } from "node:test";
import { authorUrl } from "../../src/content/name-key.ts";
import {
  breadcrumbLd,
  jsonLd,
  newsArticleLd,
  shareImage,
  webSiteLd,
} from "../../src/discovery/structured-data.ts";
import { makeArticle, testSite } from "../helpers/articles.ts";

const site = testSite();

test("NewsArticle carries Beijing-time dates, authors with URLs and the publisher's logo", () => {
  const article = makeArticle({
    title: "标题",
    date: "2021-11-22 09:27",
    authors: ["李明", "王芳"],
    tags: ["牡丹"],
  });
  const ld = newsArticleLd(article, site);
  assert.equal(ld.datePublished, "2021-11-22T09:27:00+08:00");
  assert.equal(ld.dateModified, "2021-11-22T09:27:00+08:00");
  assert.deepEqual(ld.author, [
    { "@type": "Person", name: "李明", url: `https://www.heze.cn${authorUrl("李明")}` },
    { "@type": "Person", name: "王芳", url: `https://www.heze.cn${authorUrl("王芳")}` },
  ]);
  const publisher = ld.publisher as { "@type": string; logo: { url: string } };
  assert.equal(publisher["@type"], "NewsMediaOrganization");
  assert.equal(publisher.logo.url, "https://www.heze.cn/images/logo.png");
  assert.deepEqual(ld.mainEntityOfPage, { "@type": "WebPage", "@id": `https://www.heze.cn${article.url}` });
  assert.equal(ld.articleSection, "本地要闻");
});

test("the breadcrumb list numbers the crumbs and gives the last one the page's URL", () => {
  const ld = breadcrumbLd([{ name: "中国菏泽网", url: "/" }, { name: "本地要闻" }], "/bendi/", site);
  assert.deepEqual(ld.itemListElement, [
    { "@type": "ListItem", position: 1, name: "中国菏泽网", item: "https://www.heze.cn/" },
    { "@type": "ListItem", position: 2, name: "本地要闻", item: "https://www.heze.cn/bendi/" },
  ]);
});

test("WebSite's search action points at the search page", () => {
  const action = webSiteLd(site).potentialAction as { target: { urlTemplate: string } };
  assert.equal(action.target.urlTemplate, "https://www.heze.cn/search/?q={search_term_string}");
});

test("jsonLd output cannot close its script element", () => {
  const text = jsonLd({ headline: "</script><script>alert(1)</script>" });
  assert.ok(!text.includes("</"));
  assert.deepEqual(JSON.parse(text), { headline: "</script><script>alert(1)</script>" });
});

test("the share image is the lead photo when there is one, else the logo", () => {
  const plain = makeArticle();
  const photo = {
    ...plain,
    image: { src: "/img/ab12-1440.webp", width: 1440, height: 960, variants: [], alt: "图" },
  };
  assert.equal(shareImage(plain, site), "https://www.heze.cn/images/logo.png");
  assert.equal(shareImage(undefined, site), "https://www.heze.cn/images/logo.png");
  assert.equal(shareImage(photo, site), "https://www.heze.cn/img/ab12-1440.webp");
});

test("NewsArticle's image is the lead photo with its size, never the logo nor a photo under 50,000 pixels", () => {
  const plain = makeArticle();
  const withImage = (width: number, height: number) => ({
    ...plain,
    image: { src: "/img/ab12-1440.webp", width, height, variants: [], alt: "图" },
  });
  assert.deepEqual(newsArticleLd(withImage(1440, 960), site).image, [
    { "@type": "ImageObject", url: "https://www.heze.cn/img/ab12-1440.webp", width: 1440, height: 960 },
  ]);
  assert.equal(newsArticleLd(plain, site).image, undefined);
  assert.equal(newsArticleLd(withImage(240, 160), site).image, undefined);
  assert.ok(!JSON.stringify(newsArticleLd(plain, site)).includes('"image"'));
});
