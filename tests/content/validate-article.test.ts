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
  return result.problems.map(formatProblem);
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
  assert.deepEqual(problems(article({ section: "Bendi" })), [
    'a.md:6:1: section: got "Bendi": unknown channel; expected one of 本地要闻 (bendi), 县区新闻 (xianqu), 社会热点 (shehui), 国内国际 (guonei), 深度 (shendu), 财经 (caijing), 体育 (tiyu), 文化 (wenhua)',
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
  assert.deepEqual(problems(article({ autor: "李明" })), [
    "a.md:7:1: autor: unknown field; expected one of title, kicker, subtitle, author, source, date, updated, section, editor, summary, tags, image, image_alt, image_caption, id, slug, aliases, draft, expires, corrections",
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
    "a.md:6:1: autor: unknown field; expected one of title, kicker, subtitle, author, source, date, updated, section, editor, summary, tags, image, image_alt, image_caption, id, slug, aliases, draft, expires, corrections",
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
