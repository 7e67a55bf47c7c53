import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { ContentError } from "../../src/content/problems.ts";
import { bulkPages, renderBulkPages } from "../../src/pages/bulk-pages.ts";
import { makeArticle, testSite } from "../helpers/articles.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const build = { now: "2021-11-23T12:00:00+08:00", search: false, preview: false };

test("bulk pages are every article page, then every list page", () => {
  const site = testSite();
  const articles = [makeArticle({ channel: "bendi" }), makeArticle({ channel: "tiyu" })];
  const pages = bulkPages(articles, site, build);
  assert.deepEqual(
    pages.slice(0, 2).map((p) => [p.url, p.layout, p.source]),
    articles.map((a) => [a.url, "article.njk", a.file]),
  );
  assert.ok(pages.slice(2).every((p) => p.layout === "list.njk"));
  assert.ok(pages.some((p) => p.url === "/bendi/") && pages.some((p) => p.url === "/xianqu/"));
  assert.equal(new Set(pages.map((p) => p.url)).size, pages.length, "one page per URL");
});

test("a bulk page is written with its layout, and digested as written", async () => {
  const outputDir = await tempDir("heze-bulk-");
  const article = makeArticle({ title: "牡丹花开", html: "<p>正文</p>" });
  const [page] = bulkPages([article], testSite(), build);
  const rendered = await renderBulkPages([page!], { outputDir, siteDir: "_site" });
  const sitePath = `${article.url.slice(1)}index.html`;
  const text = await readFile(path.join(outputDir, sitePath), "utf8");
  const { document } = new JSDOM(text).window;
  assert.equal(document.querySelector("h1")?.textContent, "牡丹花开");
  assert.equal(rendered[sitePath]?.size, Buffer.byteLength(text));
});

test("a page the CSP would break is not written, and the problem names the article's file", async () => {
  const outputDir = await tempDir("heze-bulk-");
  const article = makeArticle({ html: '<p style="color:red">正文</p>' });
  const [page] = bulkPages([article], testSite(), build);
  await assert.rejects(renderBulkPages([page!], { outputDir, siteDir: "_site" }), (error: unknown) => {
    assert.ok(error instanceof ContentError);
    const [problem] = error.problems;
    assert.equal(problem?.file, article.file);
    assert.match(problem?.message ?? "", /^its page _site\/.*index\.html:\d+: style="…" attribute/);
    return true;
  });
});
