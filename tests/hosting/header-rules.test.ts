import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CACHE_DOCUMENT,
  CACHE_IMMUTABLE,
  cacheControlFor,
  contentTypeFor,
  headersFor,
} from "../../src/hosting/header-rules.ts";

test("hashed assets are immutable; pages, feeds, search entry files and root files are short-lived", () => {
  for (const file of [
    "css/site.3fa2c01b9e.css",
    "js/share.0c51d2e8a4.js",
    "img/ab12-960.webp",
    "fonts/a.1.woff2",
  ]) {
    assert.equal(cacheControlFor(file), CACHE_IMMUTABLE, file);
  }
  assert.equal(cacheControlFor("pagefind/fragment/zh_1a2b.pf_fragment"), CACHE_IMMUTABLE);
  for (const file of [
    "index.html",
    "feed.xml",
    "sitemap.xml",
    "bendi/index.html",
    "pagefind/pagefind.js",
    "css",
  ]) {
    assert.equal(cacheControlFor(file), CACHE_DOCUMENT, file);
  }
  assert.equal(cacheControlFor("build-manifest.json"), "no-cache");
});

test("every file gets the strict CSP and the other security headers; the editor its own CSP", () => {
  const page = headersFor("bendi/2021/11/22/a/index.html");
  assert.match(page["Content-Security-Policy"]!, /script-src 'self'/);
  assert.doesNotMatch(page["Content-Security-Policy"]!, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(page["X-Content-Type-Options"], "nosniff");
  assert.equal(page["Referrer-Policy"], "strict-origin-when-cross-origin");
  const editor = headersFor("admin/index.html")["Content-Security-Policy"]!;
  assert.notEqual(editor, page["Content-Security-Policy"]);
  assert.doesNotMatch(editor.match(/script-src[^;]*/)![0], /unsafe-inline/);
});

test("text is served as UTF-8; binaries by their type; unknown files as bytes", () => {
  const expected = {
    "a/index.html": "text/html; charset=utf-8",
    "feed.xml": "application/xml; charset=utf-8",
    "css/site.1.css": "text/css; charset=utf-8",
    "js/share.1.js": "text/javascript; charset=utf-8",
    "build-manifest.json": "application/json; charset=utf-8",
    _redirects: "text/plain; charset=utf-8",
    "img/a-960.webp": "image/webp",
    "pagefind/wasm.zh.pagefind": "application/octet-stream",
  };
  for (const [file, type] of Object.entries(expected)) assert.equal(contentTypeFor(file), type, file);
});
