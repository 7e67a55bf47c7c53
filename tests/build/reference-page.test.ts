/**
 * Acceptance: an article carrying the reference page's facts (kicker, title, author, source, time,
 * channel) builds into a page whose visible text, whitespace aside, contains every non-empty line of
 * ../shared/reference/heze-article-page.txt in order. The body is our own text: the reference's
 * paragraphs are swapped for the fixture's before comparing, and are never copied into the project.
 * The reference lives beside the repository, not in it: without it the test skips saying so, and
 * fails under CI.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { compactText } from "../helpers/dom.ts";
import { article, buildFixture } from "../helpers/fixture-site.ts";
import { skipOrFailUnderCi } from "../helpers/prerequisite.ts";

/** `../shared/reference/heze-article-page.txt` from the repository's root, wherever the tests run. */
const REFERENCE = path.resolve(import.meta.dirname, "../../../shared/reference/heze-article-page.txt");
const OWN_BODY = [
  "菏泽日报讯 这是测试用的第一段正文，由项目自己撰写，用来代替参考页面的正文。",
  "第二段正文同样是自拟文字，检查段落顺序和首行缩进。",
];

test("the article page carries every line of the reference page's chrome, in order", async (t) => {
  if (!existsSync(REFERENCE)) {
    return skipOrFailUnderCi(
      t,
      `the reference page ../shared/reference/heze-article-page.txt is missing (no file ${REFERENCE}): ` +
        "put the shared folder beside the repository to compare the article page's chrome with the real site's",
    );
  }
  const lines = readFileSync(REFERENCE, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const bylineIndex = lines.findIndex((line) => line.startsWith("作者:"));
  const editorIndex = lines.findIndex((line) => line.startsWith("责任编辑:"));
  const byline = /^作者:\s*(.+?)\s+来源:\s*(.+?)\s+发表时间:\s*(.+)$/.exec(lines[bylineIndex] ?? "");
  assert.ok(byline && bylineIndex === 3 && editorIndex > bylineIndex, "the reference has the expected shape");
  const [, author, source, date] = byline;
  const channel = lines[0]?.split(">")[1]?.trim();

  const site = await buildFixture({
    "articles/bendi/reference.md": article(
      { kicker: lines[1], title: lines[2], author, source, date, section: channel },
      OWN_BODY.join("\n\n"),
    ),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/reference/");
  const text = compactText(doc.body);

  const expected = [...lines.slice(0, bylineIndex + 1), ...OWN_BODY, ...lines.slice(editorIndex)];
  let from = 0;
  for (const line of expected) {
    const at = text.indexOf(line.replace(/\s+/g, ""), from);
    assert.ok(at >= 0, `"${line}" is on the page after what came before it`);
    from = at + line.replace(/\s+/g, "").length;
  }
});
