import assert from "node:assert/strict";
import { test } from "node:test";
import { articleAddress, describe, enrichArticle, lastModified } from "../../src/content/enrich-article.ts";
import { sourceDigest } from "../../src/content/article.ts";
import { readSourceFile, type SourceFile } from "../../src/content/front-matter.ts";
import type { ArticleFrontMatter } from "../../src/content/schema.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { testSite } from "../helpers/articles.ts";
import { article, testPhoto } from "../helpers/fixture-site.ts";
import { mediaFolder } from "../helpers/media.ts";

const site = testSite();
const options = await mediaFolder({
  "lead.jpg": await testPhoto(1600, 900),
  "body.jpg": await testPhoto(400, 300),
});

/** An article file read and validated the way the build does. */
function read(
  text: string,
  file = "content/articles/bendi/peony-fair.md",
): { source: SourceFile; fm: ArticleFrontMatter } {
  const source = readSourceFile(file, new TextEncoder().encode(text));
  if (Array.isArray(source)) throw new Error(source.map((p) => p.message).join("\n"));
  const valid = validateArticle(source, site);
  if (!valid.ok) throw new Error(valid.problems.map((p) => p.message).join("\n"));
  return { source, fm: valid.frontMatter };
}

async function enrich(text: string, file?: string) {
  const { source, fm } = read(text, file);
  return enrichArticle(source, fm, site, options, { state: "live", digest: sourceDigest(Buffer.from(text)) });
}

test("a short body is its own description, whitespace collapsed", () => {
  assert.equal(describe("  菏泽日报讯\n  牡丹节开幕。 "), "菏泽日报讯 牡丹节开幕。");
});

test("a long body's description ends at the last sentence end in its second half", () => {
  const first = "甲".repeat(70) + "。";
  const text = first + "乙".repeat(30) + "！" + "丙".repeat(100);
  assert.equal(describe(text), first + "乙".repeat(30) + "！");
  assert.equal(
    describe("丁".repeat(50) + "？" + "戊".repeat(200)),
    "丁".repeat(50) + "？" + "戊".repeat(69) + "…",
  );
});

test("without a sentence end near the limit, the description is cut at 120 characters with an ellipsis", () => {
  assert.equal(describe("字".repeat(300)), "字".repeat(120) + "…");
  assert.equal(describe("字".repeat(120)), "字".repeat(120), "exactly at the limit, nothing is cut");
});

test("the description counts characters, never splitting one outside the BMP (rare name characters)", () => {
  const rare = "𠮷"; // U+20BB7, two UTF-16 code units
  const text = describe(`甲${rare.repeat(200)}`);
  assert.equal(Buffer.from(text).toString(), text, "it survives UTF-8: no half character");
  assert.equal(text, `甲${rare.repeat(119)}…`);
});

test("the modification time is the later of updated and the last correction", () => {
  const fm = (extra: Record<string, unknown>) => read(article(extra)).fm;
  assert.equal(lastModified(fm({})), undefined);
  assert.equal(lastModified(fm({ updated: "2021-11-23 10:00" }))?.display, "2021-11-23 10:00");
  const corrections = [
    { time: "2021-11-25 08:00", text: "更正人名" },
    { time: "2021-11-24 08:00", text: "更正日期" },
  ];
  assert.equal(
    lastModified(fm({ updated: "2021-11-23 10:00", corrections }))?.iso,
    "2021-11-25T08:00:00+08:00",
  );
  assert.equal(lastModified(fm({ updated: "2021-11-26 10:00", corrections }))?.display, "2021-11-26 10:00");
});

test("the address comes from the channel, the Beijing publication day and the slug", () => {
  const address = (extra: Record<string, unknown>, file: string) =>
    articleAddress(file, read(article(extra), file).fm, site);
  const plain = address(
    { section: "体育", date: "2021-11-22T23:30:00Z" },
    "content/articles/tiyu/Match-Day.md",
  );
  assert.equal(plain.channel.slug, "tiyu");
  assert.equal(plain.published.day, "2021-11-23", "23:30 UTC is the next day in Beijing");
  assert.equal(plain.url, "/tiyu/2021/11/23/match-day/");
  assert.equal(address({ slug: "peony" }, "content/articles/x.md").url, "/bendi/2021/11/22/peony/");
  assert.match(address({}, "content/articles/座谈会.md").slug, /^[0-9a-f]{8}$/);
});

test("an article is enriched with everything templates print", async () => {
  const enriched = await enrich(
    article(
      {
        id: 12345,
        title: "牡丹节开幕",
        kicker: "花开盛世",
        subtitle: "共赏国色",
        author: ["李明", "王芳"],
        editor: "赵磊",
        tags: ["牡丹", "旅游"],
        aliases: ["/news/2021-11/22/content_12345.htm"],
        updated: "2021-11-22 12:00",
        expires: "2022-11-22 09:27",
        corrections: [
          { time: "2021-11-24 08:00", text: "第二次更正" },
          { time: "2021-11-23 08:00", text: "第一次更正" },
        ],
      },
      "菏泽日报讯 **牡丹节**今天开幕。\n\n游客如织。",
    ),
  );
  assert.ok(enriched.ok);
  const a = enriched.article;
  assert.equal(a.file, "content/articles/bendi/peony-fair.md");
  assert.equal(a.id, "12345", "a numeric id becomes text");
  assert.equal(a.url, "/bendi/2021/11/22/peony-fair/");
  assert.equal(a.channel.name, "本地要闻");
  assert.deepEqual([a.title, a.kicker, a.subtitle, a.editor], ["牡丹节开幕", "花开盛世", "共赏国色", "赵磊"]);
  assert.deepEqual(a.authors, ["李明", "王芳"]);
  assert.deepEqual(a.tags, ["牡丹", "旅游"]);
  assert.deepEqual(a.aliases, ["/news/2021-11/22/content_12345.htm"]);
  assert.equal(a.published.iso, "2021-11-22T09:27:00+08:00");
  assert.equal(a.updated?.display, "2021-11-24 08:00", "the last correction counts as an update");
  assert.equal(a.expires?.display, "2022-11-22 09:27");
  assert.deepEqual(
    a.corrections.map((c) => [c.time.display, c.text]),
    [
      ["2021-11-23 08:00", "第一次更正"],
      ["2021-11-24 08:00", "第二次更正"],
    ],
    "corrections oldest first",
  );
  assert.equal(a.state, "live");
  assert.equal(a.html, "<p>菏泽日报讯 <strong>牡丹节</strong>今天开幕。</p>\n<p>游客如织。</p>\n");
  assert.ok(!JSON.stringify(a).includes("牡丹节</strong>"), "the body is not in the article's JSON");
  assert.equal({ ...a }.html, undefined, "nor copied by a spread");
  assert.equal(a.summary, undefined);
  assert.equal(
    a.description,
    "菏泽日报讯 牡丹节今天开幕。游客如织。",
    "the body's text stands in for a summary",
  );
  assert.deepEqual(a.length, { count: 16, minutes: 1 });
  assert.equal(a.image, undefined);
  assert.deepEqual(a.imageFiles, []);
});

test("a single author becomes a list; no tags, aliases or corrections are empty lists; a summary is the description", async () => {
  const enriched = await enrich(article({ author: "李明", summary: "一句话摘要。" }));
  assert.ok(enriched.ok);
  const a = enriched.article;
  assert.deepEqual(a.authors, ["李明"]);
  assert.deepEqual([a.tags, a.aliases, a.corrections], [[], [], []]);
  assert.deepEqual([a.summary, a.description], ["一句话摘要。", "一句话摘要。"]);
  assert.deepEqual([a.id, a.updated, a.expires, a.kicker], [undefined, undefined, undefined, undefined]);
});

test("the lead photo carries its alt text and caption, and the site carries every resized file", async () => {
  const enriched = await enrich(
    article(
      { image: "/media/lead.jpg", image_alt: "牡丹园全景", image_caption: "摄影 李明" },
      "![桥](/media/body.jpg)",
    ),
  );
  assert.ok(enriched.ok);
  const { image, imageFiles } = enriched.article;
  assert.equal(image?.alt, "牡丹园全景");
  assert.equal(image?.caption, "摄影 李明");
  assert.deepEqual([image?.width, image?.height], [1440, 810]);
  assert.equal(imageFiles.length, 3 + 1, "three widths of the lead photo, one of the small body photo");
  assert.deepEqual(
    imageFiles.slice(0, 3),
    image?.variants.map((v) => v.file),
  );
  assert.ok(imageFiles.every((file) => file.startsWith(options.cacheDir)));
});

test("a missing lead photo and a missing body photo are both reported, at their lines", async () => {
  const text = article({ image: "/media/gone.jpg", image_alt: "无" }, "正文。\n\n![缺](/media/absent.jpg)");
  const enriched = await enrich(text);
  assert.ok(!enriched.ok);
  const lines = text.split("\n");
  assert.deepEqual(
    enriched.problems.map(({ line, field, severity }) => ({ line, field, severity })),
    [
      { line: lines.indexOf("![缺](/media/absent.jpg)") + 1, field: "body", severity: "error" },
      { line: lines.findIndex((l) => l.startsWith("image:")) + 1, field: "image", severity: "error" },
    ],
  );
  assert.ok(enriched.problems.every((p) => p.file === "content/articles/bendi/peony-fair.md"));
  assert.match(enriched.problems[1]!.message.en, /^image \/media\/gone\.jpg not found/);
  assert.equal(enriched.problems[1]!.column, 1);
});

test("a summary from the body joins paragraphs without a space after Chinese punctuation", () => {
  assert.equal(
    describe("第一段结束。\n\n“第二段”开始， 然后：\n  结束！ "),
    "第一段结束。“第二段”开始，然后：结束！",
  );
  // A space the writer meant between Chinese and Latin text or digits stays.
  assert.equal(describe("本报讯 10月18日  上午 2026 Heze"), "本报讯 10月18日 上午 2026 Heze");
});

test("a long summary is cut at a sentence end near the limit", () => {
  const sentence = "菏泽牡丹文化旅游节今天开幕。";
  const text = Array.from({ length: 20 }, () => sentence).join("\n\n");
  const summary = describe(text);
  assert.ok(summary.length <= 120);
  assert.ok(summary.endsWith("。"));
  assert.doesNotMatch(summary, /\s/);
});
