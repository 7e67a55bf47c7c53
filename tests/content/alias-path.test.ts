import assert from "node:assert/strict";
import { test } from "node:test";
import { normaliseAlias } from "../../src/content/alias-path.ts";

const problemOf = (alias: string) => {
  const normal = normaliseAlias(alias);
  assert.ok("problem" in normal, `${alias} was accepted as ${JSON.stringify(normal)}`);
  return normal.problem.en;
};

test("spellings of one path share one normal form: escapes decoded, . segments dropped", () => {
  const bendi = { url: "/bendi/", permalink: "/bendi/", file: "bendi/index.html" };
  for (const spelling of ["/bendi/", "/./bendi/", "/bendi/.", "/bendi/./", "/%62endi/"])
    assert.deepEqual(normaliseAlias(spelling), bendi, spelling);
});

test("the URL stays %-encoded while the permalink and file are decoded", () => {
  assert.deepEqual(normaliseAlias("/news/%E6%96%B0.htm"), {
    url: "/news/%E6%96%B0.htm",
    permalink: "/news/新.htm",
    file: "news/新.htm",
  });
  assert.deepEqual(normaliseAlias("/news/新.htm"), normaliseAlias("/news/%E6%96%B0.htm"));
  assert.deepEqual(normaliseAlias("/old page.htm"), {
    url: "/old%20page.htm",
    permalink: "/old page.htm",
    file: "old page.htm",
  });
  assert.deepEqual(normaliseAlias("/100%25.htm"), {
    url: "/100%25.htm",
    permalink: "/100%.htm",
    file: "100%.htm",
  });
});

test("a path without a file extension is written as a folder's index page", () => {
  assert.deepEqual(normaliseAlias("/old/page"), {
    url: "/old/page",
    permalink: "/old/page/",
    file: "old/page/index.html",
  });
  assert.equal((normaliseAlias("/v1.2/page") as { file: string }).file, "v1.2/page/index.html");
});

test("escapes that break out of the path or would need escaping are refused with a reason", () => {
  assert.match(problemOf("/old%ZZ.htm"), /malformed %-escape/);
  assert.match(problemOf("/old%E6.htm"), /malformed %-escape/);
  assert.match(problemOf("old/page.htm"), /starting with \//);
  assert.match(problemOf("/a/../b"), /\.\. segment/);
  assert.match(problemOf("/%2e%2e/x"), /\.\. segment/);
  assert.match(problemOf("/a//b"), /empty segment/);
  assert.match(problemOf("//evil.example/x"), /empty segment/);
  for (const unsafe of [
    '/a"b',
    "/a%3Cb",
    "/a>b",
    "/a\\b",
    "/a|b",
    "/a*b",
    "/show.php?id=1",
    "/a#top",
    "/a`b",
  ])
    assert.match(problemOf(unsafe), /once %-escapes are decoded it holds/, unsafe);
  assert.match(problemOf("/a%0Bb"), /control character/);
  assert.match(problemOf("/a%7Fb"), /control character/);
});

test("a decoded line break or tab never reaches a redirect file name", () => {
  for (const alias of ["/a%0Ab", "/a%0Db", "/a%09b"]) assert.ok("problem" in normaliseAlias(alias), alias);
});
