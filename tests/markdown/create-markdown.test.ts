import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { headingId } from "../../src/markdown/heading-ids.ts";

const md = createMarkdown();

test("bold next to full-width punctuation renders as bold (CJK-friendly emphasis)", () => {
  assert.equal(md.render("**加粗：**文字"), "<p><strong>加粗：</strong>文字</p>\n");
  assert.equal(md.render("他说**“后来居上”**是目标"), "<p>他说<strong>“后来居上”</strong>是目标</p>\n");
  assert.equal(md.render("**会议要求。**全市"), "<p><strong>会议要求。</strong>全市</p>\n");
});

test("Chinese headings get stable, non-empty ASCII ids; ASCII headings get slugs", () => {
  const html = md.render("## 会议要点\n\n## Key facts\n\n## 会议要点");
  const id = headingId("会议要点");
  assert.match(id, /^h-[0-9a-f]{6}$/);
  assert.equal(
    html,
    `<h2 id="${id}">会议要点</h2>\n<h2 id="key-facts">Key facts</h2>\n<h2 id="${id}-2">会议要点</h2>\n`,
  );
  assert.equal(headingId("会议要点"), id, "the same text always gives the same id");
  assert.notEqual(headingId("会议精神"), id);
  assert.match(headingId("2026"), /^h-/, "ids start with a letter");
});

test("tables scroll inside their own box; raw HTML is escaped", () => {
  assert.match(
    md.render("| a | b |\n| - | - |\n| 1 | 2 |"),
    /^<div class="table-scroll"><table>\n[\s\S]*<\/table><\/div>\n$/,
  );
  assert.equal(md.render("<script>x</script>"), "<p>&lt;script&gt;x&lt;/script&gt;</p>\n");
});

test("blockquotes and lists render", () => {
  assert.equal(
    md.render("> 引文\n\n- 一\n- 二"),
    "<blockquote>\n<p>引文</p>\n</blockquote>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n",
  );
});

test("images need resolving before rendering", () => {
  assert.throws(() => md.render("![a](/media/x.jpg)"), /was not resolved/);
  const image = {
    src: "/img/x-960.webp",
    width: 960,
    height: 640,
    variants: [{ url: "/img/x-960.webp", width: 960, file: "" }],
  };
  const html = md.render('![航拍](/media/x.jpg "摄影 李明")', { images: new Map([["/media/x.jpg", image]]) });
  assert.match(
    html,
    /^<figure class="article-figure"><img src="\/img\/x-960\.webp" srcset="\/img\/x-960\.webp 960w" sizes="[^"]+" width="960" height="640" alt="航拍" loading="lazy" decoding="async"><figcaption>摄影 李明<\/figcaption><\/figure>\n$/,
  );
});
