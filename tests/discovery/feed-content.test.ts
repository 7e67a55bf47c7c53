import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import type { LeadImage } from "../../src/content/article.ts";
import { feedContent } from "../../src/discovery/feed-content.ts";
import { makeArticle } from "../helpers/articles.ts";

const body = (html: string) => new JSDOM(html).window.document.body;

const photo = (overrides: Partial<LeadImage> = {}): LeadImage => ({
  src: "/img/ab12-1440.webp",
  width: 1440,
  height: 900,
  variants: [
    { url: "/img/ab12-720.webp", width: 720, file: "img/ab12-720.webp" },
    { url: "/img/ab12-1440.webp", width: 1440, file: "img/ab12-1440.webp" },
  ],
  alt: "牡丹园全景",
  ...overrides,
});

test("an article without a lead photo is its body, unchanged", () => {
  const article = makeArticle({ html: "<p>第一段</p>\n<p>第二段</p>" });
  assert.equal(feedContent(article), article.html);
});

test("the lead photo with its caption comes before the body", () => {
  const article = makeArticle({ html: "<p>正文第一段</p>", image: photo({ caption: "牡丹园 摄影 王芳" }) });
  const [figure, ...rest] = body(feedContent(article)).children;
  assert.equal(figure?.tagName, "FIGURE");
  assert.equal(figure.className, "lead-image");
  const img = figure.querySelector("img")!;
  assert.equal(img.getAttribute("src"), "/img/ab12-1440.webp");
  assert.equal(img.getAttribute("srcset"), "/img/ab12-720.webp 720w, /img/ab12-1440.webp 1440w");
  assert.equal(img.getAttribute("width"), "1440");
  assert.equal(img.getAttribute("height"), "900");
  assert.equal(img.getAttribute("alt"), "牡丹园全景");
  assert.equal(figure.querySelector("figcaption")?.textContent, "牡丹园 摄影 王芳");
  assert.deepEqual(
    rest.map((e) => e.outerHTML),
    ["<p>正文第一段</p>"],
  );
});

test("markup in the alt text and caption stays text; no caption means no figcaption", () => {
  const article = makeArticle({
    image: photo({ alt: '"引号" <b>替代</b> & 文字', caption: "<script>alert(1)</script> & 王芳" }),
  });
  const figure = body(feedContent(article)).querySelector("figure.lead-image")!;
  assert.equal(figure.querySelector("img")?.getAttribute("alt"), '"引号" <b>替代</b> & 文字');
  assert.equal(figure.querySelector("figcaption")?.textContent, "<script>alert(1)</script> & 王芳");
  assert.equal(figure.querySelector("script, b"), null);

  const plain = body(feedContent(makeArticle({ image: photo() }))).querySelector("figure.lead-image")!;
  assert.equal(plain.querySelector("figcaption"), null);
  assert.ok(plain.querySelector("img"));
});
