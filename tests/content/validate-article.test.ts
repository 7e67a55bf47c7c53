import assert from "node:assert/strict";
import { test } from "node:test";
import { readSourceFile, type SourceFile } from "../../src/content/front-matter.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { testSite } from "../helpers/articles.ts";
import { article } from "../helpers/fixture-site.ts";

const site = testSite();

function source(text: string): SourceFile {
  const read = readSourceFile("a.md", new TextEncoder().encode(text));
  assert.ok(!Array.isArray(read), "front matter parses");
  return read;
}

function problems(text: string): string[] {
  const result = validateArticle(source(text), site);
  assert.ok(!result.ok, "validation fails");
  return result.problems.map((p) => formatProblem(p, "en"));
}

test("a valid article gives typed front matter with Beijing dates", () => {
  const result = validateArticle(
    source(article({ author: ["李明", "王芳"], tags: ["牡丹"], id: 12345 })),
    site,
  );
  assert.ok(result.ok);
  assert.deepEqual(result.frontMatter.author, ["李明", "王芳"]);
  assert.equal(result.frontMatter.date.toISO(), "2021-11-22T09:27:00.000+08:00");
  assert.equal(result.frontMatter.id, 12345);
});

test("unquoted YAML dates with a spaced zone, as Jekyll and Hugo write them, stay text and keep their zone", () => {
  const text = (date: string) => article({}).replace(/^date: .*$/m, `date: ${date}`);
  for (const [date, iso] of [
    ["2021-11-22 09:27:00 +08:00", "2021-11-22T09:27:00.000+08:00"],
    ["2021-11-22 09:27:00 +0800", "2021-11-22T09:27:00.000+08:00"],
    ["2021-11-22 09:27:00 -0500", "2021-11-22T22:27:00.000+08:00"],
  ]) {
    const result = validateArticle(source(text(date!)), site);
    assert.ok(result.ok, date);
    assert.equal(result.frontMatter.date.toISO(), iso);
  }
});

test("the section may be a channel's name or its slug", () => {
  assert.ok(validateArticle(source(article({ section: "bendi" })), site).ok);
  assert.deepEqual(problems(article({ section: "Sports" })), [
    'a.md:6:1: section: got "Sports": unknown channel; expected one of 本地要闻 (bendi), 县区新闻 (xianqu), 社会热点 (shehui), 国内国际 (guonei), 深度 (shendu), 财经 (caijing), 体育 (tiyu), 文化 (wenhua)',
  ]);
});

test("each problem names the line of its key, the field, the value and what was expected", () => {
  assert.deepEqual(problems(article({ title: "  " })), [
    'a.md:2:1: title: got "  ": expected non-empty text',
  ]);
  assert.deepEqual(problems(article({ tags: "牡丹" })), [
    'a.md:7:1: tags: got "牡丹": expected a list of tags',
  ]);
  assert.deepEqual(problems(article({ slug: "牡丹" })), [
    'a.md:7:1: slug: got "牡丹": expected lowercase ASCII letters and digits joined by hyphens, such as heze-peony-fair',
  ]);
  assert.deepEqual(problems(article({ writer: "李明" })), [
    "a.md:7:1: writer: unknown field; expected one of title, kicker, subtitle, author, source, date, updated, section, editor, summary, tags, image, image_alt, image_caption, id, slug, aliases, draft, expires, corrections",
  ]);
});

test("missing required fields point at the opening line", () => {
  assert.deepEqual(problems(article({ title: undefined, date: undefined })), [
    "a.md:1:1: title: required field is missing; expected non-empty text",
    "a.md:1:1: date: required field is missing; expected a date and time such as 2021-11-22 09:27 or 2021-11-22 09:27:00 (Beijing time), or ISO 8601 with a zone such as 2021-11-22T09:27:00+08:00",
  ]);
});

test("cross-field rules: a lead image needs alt text; updated is not before date", () => {
  assert.deepEqual(problems(article({ image: "/media/a.jpg" })), [
    "a.md:1:1: image_alt: required field is missing; expected text describing the lead image for readers who cannot see it",
  ]);
  assert.deepEqual(problems(article({ updated: "2021-11-22 09:00" })), [
    'a.md:7:1: updated: got "2021-11-22 09:00": is earlier than date; give a time after date',
  ]);
});

test("every problem in a file is reported, not just the first", () => {
  assert.equal(problems(article({ title: "", author: [], date: "昨天", section: "无" })).length, 4);
});

test("a misspelt or broken field does not hide the rules between fields", () => {
  const text = article({
    author: undefined,
    autor: "李明",
    date: "2021-11-22 09:27",
    updated: "2021-11-21 09:00",
  });
  assert.deepEqual(problems(text), [
    "a.md:1:1: author: required field is missing; expected a name, or a list of names",
    "a.md:6:1: autor: unknown field; did you mean author?",
    'a.md:7:1: updated: got "2021-11-21 09:00": is earlier than date; give a time after date',
  ]);
});

test("invisible control characters in a title, an author or a tag are refused, naming the character", () => {
  assert.deepEqual(
    problems(article({ title: "牡丹\u000b文化节", author: ["李明", "王\u0001芳"], tags: ["a\bb"] })),
    [
      'a.md:2:1: title: got "牡丹\\u000b文化节": holds an invisible control character (U+000B, such as a line break pasted from Word); delete it',
      'a.md:3:1: author: got ["李明","王\\u0001芳"]: holds an invisible control character (U+0001, such as a line break pasted from Word); delete it',
      'a.md:7:1: tags.0: got "a\\bb": holds an invisible control character (U+0008, such as a line break pasted from Word); delete it',
    ],
  );
  assert.ok(
    validateArticle(source(article({ summary: "第一行\n第二行\t完" })), site).ok,
    "tab and line feed stay allowed",
  );
});

function chinese(text: string): string[] {
  const result = validateArticle(source(text), site);
  assert.ok(!result.ok, "validation fails");
  return result.problems.map((p) => formatProblem(p, "zh"));
}

test("in Chinese a problem names the field as written with its label, the value, and what to write instead", () => {
  assert.deepEqual(chinese(article({ date: "2021-13-45 09:27" })), [
    'a.md:5:1: date（发表时间）：写的是 "2021-13-45 09:27"，不是有效的日期或时间；请写成 2021-11-22 09:27 这样的北京时间（也可带秒：2021-11-22 09:27:00，或带时区：2021-11-22T09:27:00+08:00）',
  ]);
  assert.deepEqual(chinese(article({ date: "2021-13-45" })), [
    'a.md:5:1: date（发表时间）：写的是 "2021-13-45"，不是有效日期；请写成 2021-11-22 09:27 这样的北京时间（也可带秒：2021-11-22 09:27:00，或带时区：2021-11-22T09:27:00+08:00）',
  ]);
  assert.deepEqual(chinese(article({ title: undefined })), [
    "a.md:1:1: title（标题）：缺少这个必填字段；请写上不为空的文字",
  ]);
  assert.deepEqual(chinese(article({ tags: "牡丹" })), [
    'a.md:7:1: tags（标签）：写的是 "牡丹"，不符合要求；请写成标签列表，如 [牡丹, 旅游]',
  ]);
  assert.deepEqual(chinese(article({ updated: "2021-11-22 09:00" })), [
    'a.md:7:1: updated（更新时间）：写的是 "2021-11-22 09:00"，早于 date（发表时间）；请写一个在它之后的时间',
  ]);
});

test("a misspelt field suggests the nearest real one, a field's Chinese label the field itself", () => {
  for (const [written, meant] of [
    ["tag", "tags（标签）"],
    ["auther", "author（作者）"],
    ["titel", "title（标题）"],
    ["Title", "title（标题）"],
    ["summery", "summary（摘要）"],
    ["标题", "title（标题）"],
    ["责任编辑", "editor（责任编辑）"],
  ]) {
    const lines = chinese(article({ [written!]: "x" }));
    assert.ok(
      lines.some((line) => line.endsWith(`${written}：没有这个字段；是不是 ${meant}？`)),
      `${written}: ${lines.join("\n")}`,
    );
  }
  const [far] = chinese(article({ writer: "李明" }));
  assert.match(far!, /^a\.md:7:1: writer：没有这个字段；可用的字段有：title（标题）、kicker（引题）、/);
});

test("an unknown channel suggests the nearest channel name or slug", () => {
  assert.deepEqual(chinese(article({ section: "本地新闻" })), [
    'a.md:6:1: section（栏目）：写的是 "本地新闻"，没有这个栏目；是不是 本地要闻（bendi）？',
  ]);
  assert.deepEqual(problems(article({ section: "Bendi" })), [
    'a.md:6:1: section: got "Bendi": unknown channel; did you mean 本地要闻 (bendi)?',
  ]);
  assert.match(chinese(article({ section: "sheihui" }))[0]!, /是不是 社会热点（shehui）？$/);
  assert.match(
    chinese(article({ section: "Sports" }))[0]!,
    /没有这个栏目；可用的栏目有：本地要闻（bendi）、县区新闻（xianqu）、/,
  );
});

test("a misspelt field of a correction suggests time or text", () => {
  const text = article({ corrections: [{ tme: "2021-11-23 09:00", text: "更正" }] });
  assert.deepEqual(
    chinese(text).filter((line) => line.includes("tme")),
    ["a.md:7:1: corrections.0.tme（更正）：更正里没有这个字段；是不是 time？"],
  );
  assert.ok(
    chinese(article({ corrections: [{ time: "2021-11-23 09:00", text: "更正", note: "x" }] })).includes(
      "a.md:7:1: corrections.0.note（更正）：更正里没有这个字段；每条更正只写 time（更正时间）和 text（更正内容）",
    ),
  );
});
