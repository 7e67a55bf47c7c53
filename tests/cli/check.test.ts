import assert from "node:assert/strict";
import { test } from "node:test";
import { authorUrl, tagUrl } from "../../src/content/name-key.ts";
import { article, runProject, writeFixture, type FixtureFiles } from "../helpers/fixture-site.ts";

const NOW = "2026-04-08T12:00:00+08:00";

async function check(files: FixtureFiles, ...args: string[]) {
  const contentDir = await writeFixture(files);
  const result = await runProject(["src/cli/check.ts", ...args], { HEZE_CONTENT: contentDir, HEZE_NOW: NOW });
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
  const { exitCode, lines, stdout } = await check(corpus);
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

test("--format github prints workflow annotations", async () => {
  const { exitCode, lines } = await check(
    { "articles/bendi/a.md": article({ date: "2021-13-45" }), "articles/bendi/b.md": article({}, "") },
    "--format",
    "github",
  );
  assert.equal(exitCode, 1);
  assert.equal(
    lines[0],
    '::error file=articles/bendi/a.md,line=5,col=1,title=date::got "2021-13-45": not a real date (you specified 13 (of type number) as a month, which is invalid); expected a date and time such as 2021-11-22 09:27 or 2021-11-22 09:27:00 (Beijing time), or ISO 8601 with a zone such as 2021-11-22T09:27:00+08:00',
  );
  assert.equal(lines[1], "::warning file=articles/bendi/b.md,line=7,col=1,title=body::the body is empty");
});

test("warnings alone exit 0; a bad option exits 2", async () => {
  const warned = await check({ "articles/bendi/a.md": article({}, "") });
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
      "articles/bendi/empty.md:1:1",
      "articles/bendi/gbk.md:8:1",
      "articles/bendi/huge.md:1:1",
      "articles/bendi/tabs.md:4:1",
    ],
  );
  assert.match(stdout, /5 errors, 0 warnings in 5 of 7 articles/);
  assert.doesNotMatch(stdout + stderr, /^\s+at /m, "no stack trace");
});

test("a misspelt field hides neither the date order nor a broken link of the same file", async () => {
  const { exitCode, lines } = await check({
    "articles/bendi/a.md": article(
      { autor: "李明", updated: "2021-11-21 09:00" },
      "[无此稿](/bendi/2021/11/22/nope/)",
    ),
  });
  assert.equal(exitCode, 1);
  assert.deepEqual(
    lines
      .filter((line) => line.startsWith("articles/"))
      .map((line) => line.split(": ").slice(0, 2).join(": ")),
    ["articles/bendi/a.md:7:1: autor", "articles/bendi/a.md:8:1: updated", "articles/bendi/a.md:10:1: body"],
  );
  assert.ok(lines.some((line) => line.includes("broken link to /bendi/2021/11/22/nope/")));
});
