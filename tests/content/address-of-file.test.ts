import assert from "node:assert/strict";
import { test } from "node:test";
import { addressOfFile } from "../../src/content/address-of-file.ts";
import { slugFromFileName } from "../../src/content/article-url.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { testSite } from "../helpers/articles.ts";

const site = testSite();
const FILE = "content/articles/bendi/2026/peony-fair.md";
const bytes = (text: string) => new TextEncoder().encode(text);
const article = (fields: string) =>
  bytes(`---\ntitle: 牡丹节开幕\nauthor: 李明\nsource: 菏泽日报\n${fields}---\n正文\n`);

function addressOf(file: string, content: Uint8Array) {
  const address = addressOfFile(file, content, site);
  assert.ok(!Array.isArray(address), JSON.stringify(address));
  return address;
}

test("a valid file's address comes from its channel, its Beijing day and its file name", () => {
  const address = addressOf(FILE, article("date: 2026-04-08 09:30\nsection: 本地要闻\n"));
  assert.equal(address.url, "/bendi/2026/04/08/peony-fair/");
  assert.equal(address.slug, "peony-fair");
  assert.equal(address.channel.slug, "bendi");
  assert.equal(address.published.day, "2026-04-08");
});

test("just after midnight in Beijing the URL carries the Beijing day, not the UTC one", () => {
  const address = addressOf(FILE, article("date: 2026-04-08 00:30\nsection: 本地要闻\n"));
  assert.equal(address.url, "/bendi/2026/04/08/peony-fair/");
});

test("a slug in front matter wins over the file name; a Chinese file name is hashed", () => {
  const fields = "date: 2026-04-08 09:30\nsection: 本地要闻\n";
  assert.equal(addressOf(FILE, article(`${fields}slug: mudan\n`)).url, "/bendi/2026/04/08/mudan/");
  const chinese = "content/articles/bendi/2026/牡丹节.md";
  assert.equal(addressOf(chinese, article(fields)).url, `/bendi/2026/04/08/${slugFromFileName(chinese)}/`);
  assert.match(slugFromFileName(chinese), /^[0-9a-f]{8}$/);
});

test("a file the build would refuse gives the build's problems, naming the file and field", () => {
  const badDate = addressOfFile(FILE, article("date: 2026-13-45 09:30\nsection: 本地要闻\n"), site);
  assert.ok(Array.isArray(badDate));
  assert.ok(
    badDate.some((p) => p.file === FILE && p.field === "date" && p.line === 5),
    badDate.map((p) => formatProblem(p, "en")).join("\n"),
  );

  const badSection = addressOfFile(FILE, article("date: 2026-04-08 09:30\nsection: 不存在的频道\n"), site);
  assert.ok(Array.isArray(badSection));
  assert.ok(
    badSection.some((p) => p.field === "section"),
    badSection.map((p) => formatProblem(p, "en")).join("\n"),
  );

  const notYaml = addressOfFile(FILE, bytes("---\ntitle: [未闭合\n---\n正文\n"), site);
  assert.ok(Array.isArray(notYaml));
  assert.match(
    formatProblem(notYaml[0]!, "en"),
    /^content\/articles\/bendi\/2026\/peony-fair\.md:\d+:\d+: malformed YAML/,
  );
});
