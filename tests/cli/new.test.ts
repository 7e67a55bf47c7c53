import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { CORE_SCHEMA, load } from "js-yaml";
import { article, buildContent, runProject, writeFixture } from "../helpers/fixture-site.ts";

const NOW = "2026-04-08 09:30";
const parse = (yaml: string) => load(yaml, { schema: CORE_SCHEMA }) as Record<string, unknown>;

test("npm run new writes a valid article in the channel's folder and prints its path and URL", async () => {
  const contentDir = await writeFixture({ "articles/bendi/old.md": article() });
  const env = { HEZE_CONTENT: contentDir, HEZE_NOW: NOW };
  const made = await runProject(
    ["src/cli/new.ts", "--section", "本地要闻", "--title", "菏泽：牡丹节开幕"],
    env,
  );
  assert.equal(made.exitCode, 0, made.stderr);
  const [created, url] = made.stdout.trim().split("\n");
  const file = path.resolve(created!.replace(/^已创建 /, ""));
  assert.match(path.relative(contentDir, file), /^articles\/bendi\/2026\/[0-9a-f]{8}\.md$/);
  const slug = path.basename(file, ".md");
  assert.equal(url, `发布后的网址：https://www.heze.cn/bendi/2026/04/08/${slug}/`);

  const text = await readFile(file, "utf8");
  const fm = parse(text.split("---\n")[1]!);
  assert.deepEqual(fm, {
    title: "菏泽：牡丹节开幕",
    author: "本报记者",
    source: "菏泽日报",
    date: "2026-04-08 09:30",
    section: "本地要闻",
    slug,
  });
  assert.match(text, /^# expires: \(下线时间\)/m, "optional fields are listed from the schema");

  // It passes the checker (the empty body is only a warning) and builds at the printed URL.
  const check = await runProject(["src/cli/check.ts"], env);
  assert.equal(check.exitCode, 0, check.stdout);
  assert.match(check.stdout, /警告：body（正文）：正文是空的/);
  const site = await buildContent(contentDir, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
  assert.equal(
    (await site.page(`/bendi/2026/04/08/${slug}/`)).querySelector("h1")?.textContent,
    "菏泽：牡丹节开幕",
  );

  // The same title in the same minute would be the same file: it is never overwritten.
  const again = await runProject(
    ["src/cli/new.ts", "--section", "bendi", "--title", "菏泽：牡丹节开幕"],
    env,
  );
  assert.equal(again.exitCode, 1);
  assert.match(again.stderr, /已经存在；请用 --slug 另给一个网址短名/);
});

test("npm run new takes --author, --slug, --date and --draft, and rejects bad input naming the option", async () => {
  const contentDir = await writeFixture({});
  const env = { HEZE_CONTENT: contentDir, HEZE_NOW: NOW };
  const args = [
    "src/cli/new.ts",
    "--section",
    "tiyu",
    "--title",
    "比赛",
    "--author",
    "王芳",
    "--slug",
    "match-day",
  ];
  const made = await runProject([...args, "--date", "2026-04-09 06:00", "--draft"], env);
  assert.equal(made.exitCode, 0, made.stderr);
  const text = await readFile(path.join(contentDir, "articles/tiyu/2026/match-day.md"), "utf8");
  const fm = parse(text.split("---\n")[1]!);
  assert.equal(fm.author, "王芳");
  assert.equal(fm.date, "2026-04-09 06:00");
  assert.equal(fm.draft, true);

  const cases: [string[], RegExp][] = [
    [["--section", "新闻", "--title", "x", "--lang", "en"], /--section: got "新闻": unknown channel/],
    [["--section", "bendi", "--title", " ", "--lang", "en"], /--title: got " ": expected non-empty text/],
    [
      ["--section", "bendi", "--title", "x", "--slug", "牡丹"],
      /--slug: 写的是 "牡丹"，不符合要求；请写成小写英文字母/,
    ],
    [
      ["--section", "本地新闻", "--title", "x"],
      /--section: 写的是 "本地新闻"，没有这个栏目；是不是 本地要闻（bendi）？/,
    ],
    [
      ["--section", "bendi", "--title", "x", "--date", "2021-13-45"],
      /--date "2021-13-45": 不是有效日期；请写成/,
    ],
    [["--section", "bendi", "--title", "x", "--lang", "fr"], /--lang "fr": expected zh or en/],
    [["--title", "x"], /--section and --title are required/],
  ];
  for (const [argv, expected] of cases) {
    const result = await runProject(["src/cli/new.ts", ...argv], env);
    assert.equal(result.exitCode, 2, argv.join(" "));
    assert.match(result.stderr, expected);
    assert.match(result.stderr, /\nusage: npm run new -- /);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
  }
});
