import assert from "node:assert/strict";
import { test } from "node:test";
import {
  MAX_ARTICLE_BYTES,
  readBodyOnly,
  readSourceFile,
  type SourceFile,
} from "../../src/content/front-matter.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { loadSite } from "../../src/content/site-data.ts";
import { yamlAliasBomb } from "../helpers/fixture-site.ts";

const site = await loadSite("content");
const FILE = "content/articles/bendi/a.md";
const VALID = "title: 测试\nauthor: 李明\nsource: 菏泽日报\ndate: 2021-11-22 09:27\nsection: 本地要闻\n";
const bytes = (text: string) => new TextEncoder().encode(text);

/** The formatted problems of one file's bytes, from reading and validating. */
function problems(content: Uint8Array): string[] {
  const source = readSourceFile(FILE, content);
  if (Array.isArray(source)) return source.map((p) => formatProblem(p, "en"));
  const valid = validateArticle(source, site);
  return valid.ok ? [] : valid.problems.map((p: Problem) => formatProblem(p, "en"));
}

function accepted(content: Uint8Array): SourceFile {
  const source = readSourceFile(FILE, content);
  assert.ok(!Array.isArray(source), JSON.stringify(source));
  assert.ok(validateArticle(source, site).ok);
  return source;
}

test("a UTF-8 BOM is accepted and lines still count from the first", () => {
  const source = accepted(bytes(`\uFEFF---\n${VALID}---\n正文\n`));
  assert.deepEqual(source.keyPositions.get("title"), { line: 2, column: 1 });
  assert.equal(source.body, "正文\n");
});

test("CRLF line endings are accepted; no carriage return reaches the data or the body", () => {
  const source = accepted(bytes(`---\r\n${VALID.replace(/\n/g, "\r\n")}---\r\n第一段\r\n\r\n第二段\r\n`));
  assert.equal(source.data.title, "测试");
  assert.equal(source.body, "第一段\n\n第二段\n");
  assert.deepEqual(source.keyPositions.get("section"), { line: 6, column: 1 });
});

const bad: [string, Uint8Array, RegExp][] = [
  [
    "malformed YAML",
    bytes("---\ntitle: 测试\nauthor: [李明\nsource: 菏泽日报\n---\n正文\n"),
    /^content\/articles\/bendi\/a\.md:\d+:\d+: malformed YAML: /,
  ],
  [
    "a file that is not UTF-8 (GBK)",
    new Uint8Array([...bytes(`---\n${VALID}---\n`), 0xd5, 0xfd, 0xce, 0xc4, 0x0a]),
    /^content\/articles\/bendi\/a\.md:8:1: the file is not UTF-8 text .*save it as UTF-8$/,
  ],
  [
    "tabs in YAML",
    bytes("---\ntitle: 测试\nauthor:\n\t- 李明\n---\n正文\n"),
    /^content\/articles\/bendi\/a\.md:4:\d+: YAML does not allow tabs for indentation; use spaces/,
  ],
  [
    "a full-width colon as key separator",
    bytes("---\ntitle: 测试\nsource：菏泽日报\nauthor: 李明\n---\n正文\n"),
    /^content\/articles\/bendi\/a\.md:3:\d+: a full-width colon ： does not separate a key; use an ASCII colon :/,
  ],
  [
    "the date 2021-13-45",
    bytes(`---\n${VALID.replace("2021-11-22 09:27", "2021-13-45")}---\n正文\n`),
    /^content\/articles\/bendi\/a\.md:5:1: date: got "2021-13-45": not a real date/,
  ],
  ["an empty file", bytes(""), /^content\/articles\/bendi\/a\.md:1:1: the file is empty/],
  [
    "a 5 MB article",
    bytes(`---\n${VALID}---\n${"很长的正文。".repeat(300_000)}\n`),
    /^content\/articles\/bendi\/a\.md:1:1: the file is 5\.\d MiB; articles are limited to 2\.0 MiB/,
  ],
];

for (const [name, content, expected] of bad) {
  test(`${name} gives one clear problem naming file and line`, () => {
    const found = problems(content);
    assert.equal(found.length, 1, found.join("\n"));
    assert.match(found[0]!, expected);
    assert.doesNotMatch(found[0]!, /\n|\bat .*\.ts:\d+/, "no stack trace");
  });
}

test("an article just under the size limit is accepted", () => {
  const head = bytes(`---\n${VALID}---\n`);
  const body = "a".repeat(MAX_ARTICLE_BYTES - head.length);
  assert.equal(accepted(bytes(`---\n${VALID}---\n${body}`)).body.length, body.length);
});

test("a problem inside a correction names its path, at the corrections line", () => {
  const early = `---\n${VALID}corrections:\n  - time: 2021-11-21 08:00\n    text: 更正\n---\n正文\n`;
  assert.deepEqual(problems(bytes(early)), [
    'content/articles/bendi/a.md:7:1: corrections.0.time: got "2021-11-21 08:00": is earlier than date; give a time after date',
  ]);
  const missing = `---\n${VALID}corrections:\n  - text: 缺少时间\n---\n正文\n`;
  assert.deepEqual(problems(bytes(missing)), [
    "content/articles/bendi/a.md:7:1: corrections.0.time: required field is missing; expected a list of corrections, each with time (a date and time) and text",
  ]);
});

test("a YAML alias bomb fails at once, naming the file and line, within the limits", () => {
  const found = problems(bytes(`---\n${VALID}${yamlAliasBomb()}\n---\n正文\n`));
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^content\/articles\/bendi\/a\.md:8:\d+: malformed YAML: too many aliases/);
});

test("deeply nested front matter is refused with a line", () => {
  const deep = `${"[".repeat(20)}${"]".repeat(20)}`;
  assert.deepEqual(problems(bytes(`---\n${VALID}tags: ${deep}\n---\n正文\n`)), [
    "content/articles/bendi/a.md:2:1: malformed YAML: lists and maps are nested more than 8 deep",
  ]);
});

test("the body below front matter that cannot be read is still found, with no data", () => {
  const bytes = new TextEncoder().encode("---\ntitle: [\n---\n\n[链接](/bendi/x/)\n");
  assert.ok(Array.isArray(readSourceFile("a.md", bytes)));
  const body = readBodyOnly("a.md", bytes);
  assert.deepEqual(body && { ...body, keyPositions: [...body.keyPositions] }, {
    file: "a.md",
    data: {},
    body: "\n[链接](/bendi/x/)\n",
    bodyLine: 4,
    keyPositions: [],
  });
  assert.equal(
    readBodyOnly("a.md", new TextEncoder().encode("title: x\n")),
    undefined,
    "no front matter lines",
  );
  assert.equal(readBodyOnly("a.md", new TextEncoder().encode("---\ntitle: x\n")), undefined, "never closed");
});
