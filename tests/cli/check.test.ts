import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { authorUrl, tagUrl } from "../../src/content/name-key.ts";
import { article, runProject, writeFixture, type FixtureFiles } from "../helpers/fixture-site.ts";

const NOW = "2026-04-08T12:00:00+08:00";

async function check(files: FixtureFiles, ...args: string[]) {
  return checkWith({}, files, ...args);
}

async function checkWith(env: Record<string, string>, files: FixtureFiles, ...args: string[]) {
  const contentDir = await writeFixture(files);
  const result = await runProject(["src/cli/check.ts", ...args], {
    HEZE_CONTENT: contentDir,
    HEZE_NOW: NOW,
    ...env,
  });
  // Paths in messages are relative to the working directory; keep the part under content/.
  const lines = result.stdout
    .split("\n")
    .map((line) => line.replace(/[^\s=]*\/content\/articles\//g, "articles/"));
  return { ...result, lines };
}

const corpus: FixtureFiles = {
  "media/photo.png": Buffer.from("not decoded by the checker"),
  "articles/bendi/target.md": article({ tags: ["牡丹"] }),
  "articles/bendi/good.md": article(
    { image: "/media/photo.png", image_alt: "照片", aliases: ["/news/old.htm"] },
    [
      "[频道](/bendi/) [第二页](/bendi/page/2/) [稿件](/bendi/2021/11/22/target/)",
      `[作者](${authorUrl("李明")}) [标签](${tagUrl("牡丹")}) [搜索](/search/) [绝对](https://www.heze.cn/bendi/2021/11/22/target/#p2)`,
      "![图](/media/photo.png) [外站](https://example.com/x)",
    ].join("\n\n"),
  ),
  "articles/bendi/broken.md": article(
    { image: "/media/lead-missing.jpg", image_alt: "缺" },
    [
      "开头一段。",
      "[无此稿](/bendi/2021/11/22/nope/) [无此频道](/xinwen/2021/11/22/x/)",
      "[无此作者](/author/nobody/) [无此文件](/media/missing.pdf) [频道内无此页](/bendi/nope/)",
      "![缺图](/media/missing.jpg)",
    ].join("\n\n"),
  ),
  "articles/bendi/warn.md": article(
    { title: "这是一个非常非常长的标题，它远远超过了网站设定的标题长度上限，编辑应当把它改短一些" },
    "[草稿](/bendi/2026/04/08/draft/) [旧址](/news/old.htm)",
  ),
  "articles/bendi/empty-body.md": article({}, ""),
  "articles/bendi/draft.md": article({ date: "2026-04-08 08:00", draft: true }),
  "articles/bendi/dup.md": article({ slug: "target", id: 7 }),
  "articles/bendi/dup-id.md": article({ id: 7 }),
  "articles/bendi/bad-section.md": article({ section: "新闻" }),
};

test("check reports every kind of problem as file:line:column lines grouped per file, and exits 1", async () => {
  const { exitCode, lines, stdout } = await check(corpus, "--lang", "en");
  assert.equal(exitCode, 1, stdout);
  const expected = [
    'articles/bendi/bad-section.md:6:1: section: got "新闻": unknown channel; expected one of 本地要闻 (bendi),',
    "",
    "articles/bendi/broken.md:7:1: image: image /media/lead-missing.jpg not found",
    "articles/bendi/broken.md:12:1: body: broken link to /bendi/2021/11/22/nope/: no article or channel page has that URL",
    "articles/bendi/broken.md:12:1: body: broken link to /xinwen/2021/11/22/x/: there is no channel xinwen",
    "articles/bendi/broken.md:14:1: body: broken link to /author/nobody/: no live article has that author",
    "articles/bendi/broken.md:14:1: body: broken link: image /media/missing.pdf not found",
    "articles/bendi/broken.md:14:1: body: broken link to /bendi/nope/: no article or channel page has that URL",
    "articles/bendi/broken.md:16:1: body: image /media/missing.jpg not found",
    "",
    "articles/bendi/dup.md:8:1: id: id 7 is also used by articles/bendi/dup-id.md",
    "",
    "articles/bendi/empty-body.md:7:1: warning: body: the body is empty",
    "",
    "articles/bendi/target.md:1:1: slug: URL /bendi/2021/11/22/target/ is also used by articles/bendi/dup.md",
    "",
    "articles/bendi/warn.md:2:1: warning: title: the title has 41 characters; keep it within 36",
    "articles/bendi/warn.md:8:1: warning: body: link to /bendi/2026/04/08/draft/: that article is not published yet (draft)",
    "articles/bendi/warn.md:8:1: warning: body: link to /news/old.htm: an old URL; link to /bendi/2021/11/22/good/ instead",
    "",
  ];
  const problemLines = lines.slice(0, expected.length);
  expected.forEach((start, i) =>
    assert.ok(problemLines[i]!.startsWith(start), `line ${i}: ${problemLines[i]}\nwanted: ${start}`),
  );
  assert.match(stdout, /heze-press check: 10 errors, 4 warnings in 6 of 9 articles \(\d+\.\d+ s\)\n$/);
});

test("--format github prints workflow annotations carrying the same text as the text report", async () => {
  const files = {
    "articles/bendi/a.md": article({ date: "2021-13-45" }),
    "articles/bendi/b.md": article({}, ""),
  };
  const { exitCode, lines } = await check(files, "--format", "github");
  assert.equal(exitCode, 1);
  const date =
    '写的是 "2021-13-45"，不是有效日期；请写成 2021-11-22 09:27 这样的北京时间（也可带秒：2021-11-22 09:27:00，或带时区：2021-11-22T09:27:00+08:00）';
  assert.equal(lines[0], `::error file=articles/bendi/a.md,line=5,col=1,title=date（发表时间）::${date}`);
  assert.equal(lines[1], "::warning file=articles/bendi/b.md,line=7,col=1,title=body（正文）::正文是空的");
  const text = await check(files);
  assert.equal(text.lines[0], `articles/bendi/a.md:5:1: date（发表时间）：${date}`);
  assert.equal(text.lines[2], "articles/bendi/b.md:7:1: 警告：body（正文）：正文是空的");

  const english = await check(files, "--format", "github", "--lang", "en");
  assert.equal(
    english.lines[0],
    '::error file=articles/bendi/a.md,line=5,col=1,title=date::got "2021-13-45": not a real date (you specified 13 (of type number) as a month, which is invalid); expected a date and time such as 2021-11-22 09:27 or 2021-11-22 09:27:00 (Beijing time), or ISO 8601 with a zone such as 2021-11-22T09:27:00+08:00',
  );
  assert.equal(
    english.lines[1],
    "::warning file=articles/bendi/b.md,line=7,col=1,title=body::the body is empty",
  );
});

test("Chinese by default; --lang en or HEZE_LANG=en keeps English, --lang winning; a bad language exits 2", async () => {
  const files = { "articles/bendi/a.md": article({ tag: ["牡丹"] }, "") };
  const zh = await check(files);
  assert.equal(zh.exitCode, 1);
  assert.deepEqual(zh.lines.slice(0, 2), [
    "articles/bendi/a.md:7:1: tag：没有这个字段；是不是 tags（标签）？",
    "articles/bendi/a.md:8:1: 警告：body（正文）：正文是空的",
  ]);
  assert.match(zh.stdout, /\nheze-press check: 1 个错误、1 个警告，涉及 1 篇稿件中的 1 篇 \(\d+\.\d+ s\)\n$/);
  const expectedEnglish = [
    "articles/bendi/a.md:7:1: tag: unknown field; did you mean tags?",
    "articles/bendi/a.md:8:1: warning: body: the body is empty",
  ];
  for (const en of [await check(files, "--lang", "en"), await checkWith({ HEZE_LANG: "en" }, files)]) {
    assert.deepEqual(en.lines.slice(0, 2), expectedEnglish);
    assert.match(en.stdout, /\nheze-press check: 1 error, 1 warning in 1 of 1 article \(\d+\.\d+ s\)\n$/);
  }
  const overridden = await checkWith({ HEZE_LANG: "en" }, files, "--lang", "zh");
  assert.deepEqual(overridden.lines.slice(0, 2), zh.lines.slice(0, 2));
  for (const bad of [await check(files, "--lang", "fr"), await checkWith({ HEZE_LANG: "EN" }, files)]) {
    assert.equal(bad.exitCode, 2);
    assert.match(
      bad.stderr,
      /^heze-press check: (--lang "fr"|HEZE_LANG="EN"): expected zh or en\nusage: npm run check .*--lang zh\|en.*HEZE_LANG=zh\|en/,
    );
  }
});

test("warnings alone exit 0; a bad option exits 2", async () => {
  const warned = await check({ "articles/bendi/a.md": article({}, "") }, "--lang", "en");
  assert.equal(warned.exitCode, 0, warned.stdout);
  assert.match(warned.stdout, /0 errors, 1 warning in 1 of 1 article/);
  const bad = await check({}, "--format", "xml");
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /--format must be text or github/);
});

test("bad input: each file named with its line, harmless BOM and CRLF accepted, no stack trace", async () => {
  const head = "title: 测试\nauthor: 李明\nsource: 菏泽日报\nsection: 本地要闻\n";
  const { exitCode, lines, stdout, stderr } = await check({
    "articles/bendi/bom.md": `\uFEFF---\n${head}date: 2021-11-22 09:27\n---\n正文\n`,
    "articles/bendi/crlf.md": `---\n${head}date: 2021-11-22 09:28\n---\n正文\n`.replace(/\n/g, "\r\n"),
    "articles/bendi/gbk.md": Buffer.concat([
      Buffer.from(`---\n${head}date: 2021-11-22 09:29\n---\n`),
      Buffer.from([0xd5, 0xfd]),
    ]),
    "articles/bendi/tabs.md": `---\ntitle: 测试\nauthor:\n\t- 李明\n---\n`,
    "articles/bendi/colon.md": `---\ntitle：测试\n---\n`,
    "articles/bendi/empty.md": "",
    "articles/bendi/huge.md": `---\n${head}date: 2021-11-22 09:30\n---\n${"长".repeat(1_800_000)}\n`,
  });
  assert.equal(exitCode, 1);
  const problems = lines.filter((line) => line.startsWith("articles/"));
  assert.deepEqual(
    problems.map((line) => line.replace(/: .*/, "")),
    [
      "articles/bendi/colon.md:2:1",
      // The body below front matter that cannot be read is still checked.
      "articles/bendi/colon.md:3:1",
      "articles/bendi/empty.md:1:1",
      "articles/bendi/gbk.md:8:1",
      "articles/bendi/huge.md:1:1",
      "articles/bendi/tabs.md:4:1",
      "articles/bendi/tabs.md:5:1",
    ],
  );
  assert.match(stdout, /5 个错误、2 个警告，涉及 7 篇稿件中的 5 篇/);
  assert.doesNotMatch(stdout + stderr, /^\s+at /m, "no stack trace");
});

test("a misspelt field hides neither the date order nor a broken link of the same file", async () => {
  const { exitCode, lines } = await check(
    {
      "articles/bendi/a.md": article(
        { autor: "李明", updated: "2021-11-21 09:00" },
        "[无此稿](/bendi/2021/11/22/nope/)",
      ),
    },
    "--lang",
    "en",
  );
  assert.equal(exitCode, 1);
  assert.deepEqual(
    lines
      .filter((line) => line.startsWith("articles/"))
      .map((line) => line.split(": ").slice(0, 2).join(": ")),
    ["articles/bendi/a.md:7:1: autor", "articles/bendi/a.md:8:1: updated", "articles/bendi/a.md:10:1: body"],
  );
  assert.ok(lines.some((line) => line.includes("broken link to /bendi/2021/11/22/nope/")));
});

test("one run reports front-matter and link problems of the same file, YAML that cannot be read included", async () => {
  const { exitCode, lines } = await check({
    "articles/bendi/target.md": article({ date: "2021-11-23 10:00" }),
    "articles/bendi/a.md": article(
      { date: "2021-13-45", auther: "李明" },
      "[错日期](/bendi/2021/11/22/target/) ![缺图](/media/missing.jpg)",
    ),
    "articles/bendi/b.md":
      "---\ntitle: [\n---\n\n[错栏目](/shehui/2021/11/23/target/) [错字](/bendi/2021/11/23/targte/)\n",
  });
  assert.equal(exitCode, 1);
  const problems = lines.filter((line) => line.startsWith("articles/"));
  assert.deepEqual(problems, [
    'articles/bendi/a.md:5:1: date（发表时间）：写的是 "2021-13-45"，不是有效日期；请写成 2021-11-22 09:27 这样的北京时间（也可带秒：2021-11-22 09:27:00，或带时区：2021-11-22T09:27:00+08:00）',
    "articles/bendi/a.md:7:1: auther：没有这个字段；是不是 author（作者）？",
    "articles/bendi/a.md:9:1: body（正文）：找不到 /media/missing.jpg：没有文件 " +
      problems[2]!.split("没有文件 ")[1],
    "articles/bendi/a.md:9:1: body（正文）：链接 /bendi/2021/11/22/target/ 打不开：没有这个网址的稿件或栏目页；是不是 /bendi/2021/11/23/target/？",
    "articles/bendi/b.md:3:1: YAML 写法有误：这里的引号或括号没有配对，或者缩进不齐、冒号后少了空格；请对照上下几行改正",
    "articles/bendi/b.md:5:1: body（正文）：链接 /shehui/2021/11/23/target/ 打不开：没有这个网址的稿件或栏目页；是不是 /bendi/2021/11/23/target/？",
    "articles/bendi/b.md:5:1: body（正文）：链接 /bendi/2021/11/23/targte/ 打不开：没有这个网址的稿件或栏目页；是不是 /bendi/2021/11/23/target/？",
  ]);
});

test("a bad site.yaml is reported in Chinese, with the nearest setting for a misspelt one", async () => {
  const site = (await readFile("content/site.yaml", "utf8"))
    .replace(/^pageSize: .*$/m, "pageSize: 二十")
    .replace(/^sitemapSize:/m, "sitemapsize:");
  const { exitCode, lines } = await check({ "site.yaml": site, "articles/bendi/a.md": article() });
  assert.equal(exitCode, 1);
  const line = (key: string) => site.split("\n").findIndex((l) => l.startsWith(`${key}:`)) + 1;
  const shown = lines.map((l) => l.replace(/^\S*\/content\/site\.yaml/, "content/site.yaml"));
  assert.deepEqual(shown.slice(0, 3), [
    `content/site.yaml:${line("pageSize")}:11: pageSize：写的是 "二十"，不符合要求；请在 site.yaml 中改成正整数，如 20`,
    `content/site.yaml:${line("sitemapsize")}:14: sitemapsize：没有这项设置；是不是 sitemapSize？`,
    "heze-press check: 网站设置 site.yaml 有错误，其他内容没有检查；请先改正它",
  ]);
});
