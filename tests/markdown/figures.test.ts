import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";
import { figures, imageSources, type FiguresEnv } from "../../src/markdown/figures.ts";
import type { ResponsiveImage } from "../../src/images/responsive-image.ts";

const md = new MarkdownIt().use(figures);

/** A resolved image standing in for the resized variants of `src`. */
function resolved(name: string): ResponsiveImage {
  return {
    src: `/img/${name}-960.webp`,
    width: 960,
    height: 540,
    variants: [
      { url: `/img/${name}-480.webp`, width: 480, file: `/cache/${name}-480.webp` },
      { url: `/img/${name}-960.webp`, width: 960, file: `/cache/${name}-960.webp` },
    ],
  };
}

const env = (): FiguresEnv => ({
  images: new Map([
    ["/media/peony.jpg", resolved("peony")],
    ["/media/bridge.jpg", resolved("bridge")],
  ]),
});

/** The body's HTML, parsed. */
const render = (markdown: string) => JSDOM.fragment(md.render(markdown, env()));

test("an image alone in its paragraph becomes a figure captioned with its title", () => {
  const body = render('开幕式现场。\n\n![航拍牡丹园](/media/peony.jpg "摄影 李明")\n\n游客如织。');
  assert.deepEqual(
    [...body.children].map((e) => e.tagName),
    ["P", "FIGURE", "P"],
  );
  const figure = body.querySelector("figure.article-figure")!;
  assert.equal(figure.children.length, 2);
  const img = figure.querySelector(":scope > img")!;
  assert.equal(img.getAttribute("src"), "/img/peony-960.webp");
  assert.equal(img.getAttribute("srcset"), "/img/peony-480.webp 480w, /img/peony-960.webp 960w");
  assert.equal(img.getAttribute("alt"), "航拍牡丹园");
  assert.equal(img.getAttribute("width"), "960");
  assert.equal(img.getAttribute("height"), "540");
  assert.equal(img.getAttribute("title"), null, "the title is the caption, not a tooltip");
  assert.equal(figure.querySelector(":scope > figcaption")?.textContent, "摄影 李明");
});

test("a figure without a title has no caption", () => {
  const figure = render("![航拍牡丹园](/media/peony.jpg)").querySelector("figure")!;
  assert.equal(figure.querySelector("figcaption"), null);
  assert.equal(figure.querySelector("img")?.getAttribute("alt"), "航拍牡丹园");
});

test("an image within text, two images together, or a linked image stay in their paragraph", () => {
  for (const markdown of [
    "见图 ![桥](/media/bridge.jpg) 所示",
    "![牡丹](/media/peony.jpg)\n![桥](/media/bridge.jpg)",
    "[![桥](/media/bridge.jpg)](/bendi/)",
  ]) {
    const body = render(markdown);
    assert.equal(body.querySelector("figure"), null, markdown);
    assert.ok(body.querySelector("p img"), markdown);
  }
});

test("captions and alt text are text: markup in them is escaped, emphasis in alt is flattened", () => {
  const figure = render('![**粗体**<i>说明</i>](/media/peony.jpg "<b>摄影</b> & 李明")').querySelector(
    "figure",
  )!;
  assert.equal(figure.querySelector("figcaption")?.textContent, "<b>摄影</b> & 李明");
  assert.equal(figure.querySelector("figcaption b"), null);
  assert.equal(figure.querySelector("img")?.getAttribute("alt"), "粗体<i>说明</i>");
});

test("an image nobody resolved stops the rendering, naming it", () => {
  assert.throws(
    () => md.render("![x](/media/other.jpg)", env()),
    /image \/media\/other\.jpg was not resolved/,
  );
  assert.throws(() => md.render("![x](/media/peony.jpg)", {}), /was not resolved/);
});

test("plain paragraphs are untouched", () => {
  assert.equal(md.render("第一段\n\n第二段", env()), "<p>第一段</p>\n<p>第二段</p>\n");
});

test("imageSources finds every image with the 1-based line of its block, wherever it sits", () => {
  const markdown = [
    "正文", // 1
    "", // 2
    "| 图 | 说明 |", // 3
    "| - | - |", // 4
    "| 文字 | 2 |", // 5
    "| ![表](/media/table.jpg) | 3 |", // 6
    "", // 7
    "- 一", // 8
    "- ![列](/media/list.jpg)", // 9
    "", // 10
    "> ![引](/media/quote.jpg)", // 11
    "", // 12
    "![参][ref] 和 ![桥](/media/bridge.jpg)", // 13
    "", // 14
    "[ref]: /media/牡丹.jpg", // 15
  ].join("\n");
  assert.deepEqual(imageSources(md.parse(markdown, {})), [
    { src: "/media/table.jpg", line: 6 },
    { src: "/media/list.jpg", line: 9 },
    { src: "/media/quote.jpg", line: 11 },
    { src: "/media/%E7%89%A1%E4%B8%B9.jpg", line: 13 },
    { src: "/media/bridge.jpg", line: 13 },
  ]);
  assert.deepEqual(imageSources(md.parse("没有图片", {})), []);
});
