import assert from "node:assert/strict";
import { test } from "node:test";
import { uploadGroups } from "../../src/publish/upload-order.ts";

test("binary assets, text assets, pages deepest first, then feeds, root files and the search bundles' list", () => {
  const groups = uploadGroups([
    "sitemap.xml",
    "index.html",
    "bendi/feed.xml",
    "css/site.1.css",
    "img/abc-960.webp",
    "bendi/2021/11/22/a/index.html",
    "bendi/index.html",
    "pagefind/2026-11/pagefind-entry.json",
    "pagefind/2026-11/index/zh_1.pf_index",
    "pagefind/periods.json",
    "robots.txt",
    "404.html",
    "favicon.svg",
    "_headers",
  ]);
  assert.deepEqual(groups, [
    ["img/abc-960.webp", "pagefind/2026-11/index/zh_1.pf_index"],
    ["css/site.1.css", "favicon.svg", "pagefind/2026-11/pagefind-entry.json"],
    ["bendi/2021/11/22/a/index.html"],
    ["bendi/index.html"],
    ["404.html", "index.html"],
    // The list of search bundles names a period's bundle only once its files are all there.
    ["_headers", "bendi/feed.xml", "pagefind/periods.json", "robots.txt", "sitemap.xml"],
  ]);
});
