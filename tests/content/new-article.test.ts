import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { CORE_SCHEMA, load } from "js-yaml";
import { DateTime } from "luxon";
import { DEFAULT_AUTHOR, defaultSlug, newArticle, type NewArticle } from "../../src/content/new-article.ts";
import { readSourceFile } from "../../src/content/front-matter.ts";
import { NEWSROOM_ZONE } from "../../src/content/newsroom-time.ts";
import type { Problem } from "../../src/content/problems.ts";
import { articleFields, type ArticleField } from "../../src/content/schema.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { testSite } from "../helpers/articles.ts";

const site = testSite();
const contentDir = "/srv/newsroom/content";
const at = (text: string) => DateTime.fromFormat(text, "yyyy-MM-dd HH:mm:ss", { zone: NEWSROOM_ZONE });
const NOW = at("2026-04-08 09:30:00");

function made(result: NewArticle | Problem[]): NewArticle {
  if (Array.isArray(result)) throw new Error(result.map((p) => `${p.field}: ${p.message.en}`).join("\n"));
  return result;
}

/** The front matter of a made file, as the build reads it. */
function frontMatter(text: string): Record<string, unknown> {
  const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(text) ?? [];
  return load(yaml ?? "", { schema: CORE_SCHEMA }) as Record<string, unknown>;
}

test("the default slug is 8 hex digits of the title and the Beijing minute", () => {
  const slug = defaultSlug("牡丹节开幕", NOW);
  assert.match(slug, /^[0-9a-f]{8}$/);
  assert.equal(defaultSlug("牡丹节开幕", at("2026-04-08 09:30:59")), slug, "seconds do not count");
  assert.equal(defaultSlug("牡丹节开幕", NOW.setZone("UTC")), slug, "the same moment in another zone");
  assert.notEqual(defaultSlug("牡丹节开幕", at("2026-04-08 09:31:00")), slug);
  assert.notEqual(defaultSlug("牡丹节闭幕", NOW), slug);
});

test("a new article has the required fields filled, in the channel's folder for its year", () => {
  const result = made(newArticle({ title: "牡丹节开幕", section: "本地要闻", date: NOW }, site, contentDir));
  const slug = defaultSlug("牡丹节开幕", NOW);
  assert.equal(result.file, path.join(contentDir, "articles/bendi/2026", `${slug}.md`));
  assert.equal(result.url, `/bendi/2026/04/08/${slug}/`);
  assert.deepEqual(frontMatter(result.text), {
    title: "牡丹节开幕",
    author: DEFAULT_AUTHOR,
    source: site.publisher,
    date: "2026-04-08 09:30",
    section: "本地要闻",
    slug,
  });
  assert.ok(result.text.endsWith("\n---\n\n"), "the body is left for the editor");
});

test("every optional field not given is listed as a comment with its label; required ones are not", () => {
  const { text } = made(newArticle({ title: "标题", section: "bendi", date: NOW }, site, contentDir));
  const hinted = [...text.matchAll(/^# (\w+): \((.+?)\) \S/gm)].map((m) => m[1]);
  const given = ["title", "author", "source", "date", "section", "slug"];
  const optional = (Object.keys(articleFields) as ArticleField[]).filter(
    (name) => articleFields[name].safeParse(undefined).success && !given.includes(name),
  );
  assert.deepEqual(hinted, optional);
  assert.match(text, /^# kicker: \(引题\) /m);
  assert.doesNotMatch(text, /^# (title|author|source|date|section):/m);
});

test("author, source, slug and draft are written when given; a channel can be named by its slug", () => {
  const date = at("2026-04-09 06:00:00");
  const result = made(
    newArticle(
      {
        title: "比赛",
        section: "tiyu",
        author: "王芳",
        source: "新华社",
        slug: "match-day",
        draft: true,
        date,
      },
      site,
      contentDir,
    ),
  );
  assert.equal(result.file, path.join(contentDir, "articles/tiyu/2026/match-day.md"));
  assert.equal(result.url, "/tiyu/2026/04/09/match-day/");
  const fm = frontMatter(result.text);
  assert.deepEqual(
    [fm.author, fm.source, fm.slug, fm.draft, fm.section],
    ["王芳", "新华社", "match-day", true, "tiyu"],
  );
  assert.ok(
    !(
      "draft" in
      frontMatter(
        made(newArticle({ title: "x", section: "tiyu", draft: false, date }, site, contentDir)).text,
      )
    ),
  );
});

test("the file's folder and URL use the Beijing date, whatever zone the clock was given in", () => {
  // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Beijing.
  const date = DateTime.fromISO("2025-12-31T17:00:00Z");
  const result = made(
    newArticle({ title: "新年", section: "bendi", slug: "new-year", date }, site, contentDir),
  );
  assert.equal(result.file, path.join(contentDir, "articles/bendi/2026/new-year.md"));
  assert.equal(result.url, "/bendi/2026/01/01/new-year/");
  assert.equal(frontMatter(result.text).date, "2026-01-01 01:00");
});

test("a title YAML would misread is quoted, so the build reads back exactly what was given", () => {
  for (const title of [
    "标题: 含冒号 # 和井号",
    "- 列表开头",
    "'引号'开头",
    "true",
    "2026",
    "@开头",
    "多行\n标题",
  ]) {
    const result = made(newArticle({ title, section: "bendi", slug: "t", date: NOW }, site, contentDir));
    const source = readSourceFile("a.md", new TextEncoder().encode(result.text));
    assert.ok(!Array.isArray(source), title);
    const valid = validateArticle(source, site);
    assert.ok(valid.ok, title);
    assert.equal(valid.frontMatter.title, title);
  }
});

test("an unknown channel, an empty title or a bad slug comes back as problems naming the field", () => {
  const problems = (request: Partial<Parameters<typeof newArticle>[0]>) => {
    const result = newArticle({ title: "标题", section: "bendi", date: NOW, ...request }, site, contentDir);
    assert.ok(Array.isArray(result), JSON.stringify(request));
    return result.map((p) => ({ field: p.field, message: p.message, severity: p.severity }));
  };
  const [channel] = problems({ section: "新闻" });
  assert.equal(channel?.field, "section");
  assert.match(channel!.message.en, /^got "新闻": unknown channel; expected one of 本地要闻 \(bendi\)/);
  assert.deepEqual(
    problems({ title: " " }).map((p) => p.field),
    ["title"],
  );
  const [slug] = problems({ slug: "牡丹" });
  assert.equal(slug?.field, "slug");
  assert.match(slug!.message.en, /^got "牡丹"/);
  assert.ok(problems({ section: "新闻" }).every((p) => p.severity === "error"));
});
