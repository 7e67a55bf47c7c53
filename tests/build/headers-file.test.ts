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
    "/pagefind/*",
    "/search/*",
  ]);
});

test("the search bundles take one rule, however many periods there are", () => {
  const periods = Array.from({ length: 40 }, (_, i) => `${2000 + i}-h1`);
  const bundles = periods.flatMap((period) =>
    [
      "pagefind.js",
      "pagefind-entry.json",
      "wasm.unknown.pagefind",
      "fragment/zh_1.pf_fragment",
      "index/zh_2.pf_index",
      "filter/zh_3.pf_filter",
    ].map((file) => `pagefind/${period}/${file}`),
  );
  const files = [...FILES, "pagefind/periods.json", ...bundles].sort();
  const rules = headerRules(files);
  assert.ok(rules.length < 100, `${rules.length} rules`);
  assert.deepEqual(
    rules.filter((rule) => rule.pattern.startsWith("/pagefind")).map((rule) => rule.pattern),
    ["/pagefind/*"],
  );
  assertOneRulePerUrl(parseHeadersFile(formatHeaderRules(rules)), files);
});

test("every URL of every file matches exactly one rule, which carries that file's headers, but the search bundles'", () => {
  const rules = parseHeadersFile(formatHeaderRules(headerRules(FILES)));
  assertOneRulePerUrl(rules, FILES);
  const cache = (url: string) => rules.find((rule) => matches(rule.pattern, url))!.headers["Cache-Control"];
  assert.equal(cache("/css/site.1111111111.css"), CACHE_IMMUTABLE);
  assert.equal(cache("/bendi/2021/11/22/a/"), CACHE_DOCUMENT);
  // The search bundles share one rule (see headers-file.ts), with the short cache.
  assert.equal(cache("/pagefind/fragment/zh_1a2b.pf_fragment"), CACHE_DOCUMENT);
});
