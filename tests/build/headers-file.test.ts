import assert from "node:assert/strict";
import { test } from "node:test";
import { formatHeaderRules, headerRules } from "../../src/build/headers-file.ts";
import { CACHE_DOCUMENT, CACHE_IMMUTABLE } from "../../src/hosting/header-rules.ts";
import { assertOneRulePerUrl, matches, parseHeadersFile } from "../helpers/headers-file.ts";

const FILES = [
  "index.html",
  "404.html",
  "feed.xml",
  "build-manifest.json",
  "css/site.1111111111.css",
  "js/share.2222222222.js",
  "bendi/index.html",
  "bendi/feed.xml",
  "bendi/2021/11/22/a/index.html",
  "search/index.html",
  "pagefind/pagefind.js",
  "pagefind/pagefind-entry.json",
  "pagefind/pagefind.zh_3a4b.pf_meta",
  "pagefind/fragment/zh_1a2b.pf_fragment",
  "pagefind/index/zh_5c6d.pf_index",
  "admin/index.html",
  "admin/config.yml",
];

test("folders whose files agree become one splat rule; mixed folders are split", () => {
  const patterns = headerRules([...FILES].sort()).map((rule) => rule.pattern);
  assert.deepEqual(patterns, [
    "/404.html",
    "/build-manifest.json",
    "/feed.xml",
    "/",
    "/index.html",
    "/admin/*",
    "/bendi/*",
    "/css/*",
    "/js/*",
    "/pagefind/pagefind-entry.json",
    "/pagefind/pagefind.js",
    "/pagefind/pagefind.zh_3a4b.pf_meta",
    "/pagefind/fragment/*",
    "/pagefind/index/*",
    "/search/*",
  ]);
});

test("every URL of every file matches exactly one rule, which carries that file's headers", () => {
  const rules = parseHeadersFile(formatHeaderRules(headerRules(FILES)));
  assertOneRulePerUrl(rules, FILES);
  const cache = (url: string) => rules.find((rule) => matches(rule.pattern, url))!.headers["Cache-Control"];
  assert.equal(cache("/pagefind/fragment/zh_1a2b.pf_fragment"), CACHE_IMMUTABLE);
  assert.equal(cache("/pagefind/pagefind.js"), CACHE_DOCUMENT);
});
