import assert from "node:assert/strict";
import { test } from "node:test";
import { uploadGroups } from "../../src/publish/upload-order.ts";

test("binary assets, text assets, pages deepest first, then feeds and root files", () => {
  const groups = uploadGroups([
    "sitemap.xml",
    "index.html",
    "bendi/feed.xml",
    "css/site.1.css",
    "img/abc-960.webp",
    "bendi/2021/11/22/a/index.html",
    "bendi/index.html",
    "pagefind/pagefind-entry.json",
    "pagefind/index/zh_1.pf_index",
    "robots.txt",
    "404.html",
    "favicon.svg",
    "_headers",
  ]);
  assert.deepEqual(groups, [
    ["img/abc-960.webp", "pagefind/index/zh_1.pf_index"],
    ["css/site.1.css", "favicon.svg", "pagefind/pagefind-entry.json"],
    ["bendi/2021/11/22/a/index.html"],
    ["bendi/index.html"],
    ["404.html", "index.html"],
    ["_headers", "bendi/feed.xml", "robots.txt", "sitemap.xml"],
  ]);
});
