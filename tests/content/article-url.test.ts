import assert from "node:assert/strict";
import { test } from "node:test";
import { articleUrl, slugFromFileName } from "../../src/content/article-url.ts";

test("ASCII file names become the slug, lowercased and hyphenated", () => {
  assert.equal(slugFromFileName("content/articles/bendi/peony-fair.md"), "peony-fair");
  assert.equal(slugFromFileName("content/articles/Peony_Fair 2026.md"), "peony-fair-2026");
  assert.equal(slugFromFileName("a/b/2021.11.22-meeting.md"), "2021-11-22-meeting");
});

test("non-ASCII file names get a stable 8-digit hash, never the ASCII part alone", () => {
  const a = slugFromFileName("content/articles/bendi/牡丹节开幕.md");
  const b = slugFromFileName("content/articles/bendi/牡丹节闭幕.md");
  assert.match(a, /^[0-9a-f]{8}$/);
  assert.notEqual(a, b);
  assert.equal(slugFromFileName("elsewhere/牡丹节开幕.md"), a, "the folder does not matter");
  assert.notEqual(slugFromFileName("2021-座谈会.md"), slugFromFileName("2021-调研会.md"));
  assert.match(slugFromFileName("2021-座谈会.md"), /^[0-9a-f]{8}$/);
});

test("a file name with nothing usable in it is hashed", () => {
  assert.match(slugFromFileName("---.md"), /^[0-9a-f]{8}$/);
});

test("URLs are /<channel>/<yyyy>/<MM>/<dd>/<slug>/", () => {
  assert.equal(articleUrl("bendi", "2021-11-22", "peony-fair"), "/bendi/2021/11/22/peony-fair/");
});
