import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { JSDOM } from "jsdom";
import { ContentError } from "../../src/content/problems.ts";
import { sitemapFiles } from "../../src/discovery/sitemaps.ts";
import { bulkPages, renderBulkPages, type BulkPage } from "../../src/pages/bulk-pages.ts";
import { RenderedInputs } from "../../src/pages/rendered-inputs.ts";
import { pageVariable } from "../../src/pages/template-data.ts";
import { runEleventyOn, type EleventyRun } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";
import { makeArticle } from "../helpers/articles.ts";

const NOW = { HEZE_NOW: "2026-04-08 12:00" };
let run: EleventyRun;

before(async () => {
  const contentDir = await writeFixture({
    "articles/bendi/live.md": article({
      title: "在线稿件",
      date: "2026-04-08 09:00",
      aliases: ["/old/live.htm"],
    }),
    "articles/bendi/gone.md": article({
      title: "过期稿件",
      date: "2026-04-01 09:00",
      expires: "2026-04-08 00:00",
    }),
  });
  // The 已下线 layout, rendered by Eleventy as a page of its own at the expired article's URL: the
  // bulk renderer then writes the same URL, so Eleventy's text and the file can be compared.
  run = await runEleventyOn(contentDir, {
    env: NOW,
    configure(config, { corpus }) {
      config.addTemplate("both-ways.njk", '{% extends "templates/layouts/offline.njk" %}', {
        permalink: "/bendi/2026/04/01/gone/",
        gone: corpus.offline[0],
      });
    },
  });
});
after(() => rm(run.outputDir, { recursive: true, force: true }));

/** The bulk pages of the fixture as a production build has them. */
const fixturePages = () =>
  bulkPages(run.context.globals, {
    offline: run.context.corpus.offline,
    redirects: run.context.corpus.redirects,
    unlisted: [],
    broken: [],
  });

test("bulk pages: each live article, each list page, each 已下线 notice, each old URL and each sitemap file, once", () => {
  const pages = fixturePages();
  const urls = (layout: string) => pages.filter((p) => p.layout === layout).map((p) => p.url);
  assert.deepEqual(urls("article.njk"), ["/bendi/2026/04/08/live/"]);
  assert.deepEqual(urls("offline.njk"), ["/bendi/2026/04/01/gone/"]);
  assert.deepEqual(urls("redirect.njk"), ["/old/live.htm"]);
  assert.deepEqual(urls("sitemap.njk"), ["/sitemaps/sitemap-1.xml"]);
  assert.ok(urls("list.njk").includes("/bendi/") && urls("list.njk").includes("/xianqu/"));
  assert.equal(new Set(pages.map((p) => p.url)).size, pages.length, "one page per URL");
});

test("a layout renders the same through Eleventy and through the bulk renderer", async () => {
  const url = "/bendi/2026/04/01/gone/";
  const byEleventy = run.rendered.get(url);
  assert.ok(byEleventy, "Eleventy rendered the layout as a page");
  const byBulk = await readFile(path.join(run.outputDir, "bendi/2026/04/01/gone/index.html"), "utf8");
  assert.equal(byBulk, byEleventy);
  assert.equal(new JSDOM(byBulk).window.document.querySelector("h1")?.textContent, "已下线");
});

test("bulk pages render with Eleventy's own environment: its filters, ours, and page of Eleventy's shape", () => {
  const page = pageVariable("/bendi/", "templates/layouts/list.njk", "/tmp/out");
  const text = run.environment.renderString(
    "{{ '/bendi/' | url }}|{{ 'Peony Fair 2026' | slugify }}|{{ '/a/' | absoluteUrl(site.baseUrl) }}|{{ page.outputPath }}",
    { ...run.context.globals, page },
  );
  assert.equal(text, `/bendi/|peony-fair-2026|${run.context.site.baseUrl}/a/|/tmp/out/bendi/index.html`);
});

test("a page the CSP would break is not written, and the problem names the article's file", async () => {
  const bad = makeArticle({ html: '<p style="color:red">正文</p>' });
  const globals = { ...run.context.globals, articles: [bad], lists: { ...run.context.lists, pages: [] } };
  const pages = bulkPages(globals, { offline: [], redirects: [], unlisted: [], broken: [] });
  const outputDir = path.join(run.outputDir, "csp");
  await assert.rejects(
    renderBulkPages(pages, globals, run.environment, { outputDir, siteDir: "_site" }),
    (error: unknown) => {
      assert.ok(error instanceof ContentError);
      const [problem] = error.problems;
      assert.equal(problem?.file, bad.file);
      assert.match(problem?.message.en ?? "", /^its page _site\/.*index\.html:\d+: style="…" attribute/);
      return true;
    },
  );
});

test("with the preview's memory, unchanged pages are skipped and a refused page is tried again", async () => {
  const { globals } = run.context;
  const pages = fixturePages();
  const inputs = new RenderedInputs<BulkPage>();
  const outputDir = path.join(run.outputDir, "memory");
  const first = await renderBulkPages(
    pages,
    globals,
    run.environment,
    { outputDir, siteDir: "_site" },
    { lastInputs: inputs },
  );
  assert.equal(Object.keys(first).length, pages.length);
  const again = await renderBulkPages(
    pages,
    globals,
    run.environment,
    { outputDir, siteDir: "_site" },
    { lastInputs: inputs },
  );
  assert.deepEqual(again, {}, "nothing changed, nothing rendered");

  const bad = makeArticle({ html: '<p style="color:red">正文</p>' });
  const withBad = { ...globals, articles: [bad], lists: { ...globals.lists, pages: [] } };
  const badPages = bulkPages(withBad, { offline: [], redirects: [], unlisted: [], broken: [] });
  for (let attempt = 1; attempt <= 2; attempt++)
    await assert.rejects(
      renderBulkPages(
        badPages,
        withBad,
        run.environment,
        { outputDir, siteDir: "_site" },
        { lastInputs: inputs },
      ),
      ContentError,
      `attempt ${attempt}: the refused page is rendered, and refused, again`,
    );
});

test("a list page's inputs stay the same when its list only grows by pages elsewhere", () => {
  const { globals } = run.context;
  const listPage = globals.lists.pages.find((p) => p.pager.url === "/bendi/")!;
  const inputsWith = (count: number) => {
    const grown = { ...listPage, pager: { ...listPage.pager, count } };
    const withGrown = { ...globals, articles: [], lists: { ...globals.lists, pages: [grown] } };
    const pages = bulkPages(withGrown, { offline: [], redirects: [], unlisted: [], broken: [] });
    return pages.find((p) => p.url === "/bendi/")!.inputs;
  };
  assert.deepEqual(inputsWith(412), inputsWith(413), "412 or 413 pages: the page shows the same");
  assert.notDeepEqual(inputsWith(1), inputsWith(2), "one page or two: the pager appears");
});

test("a full sitemap file depends on the articles up to its newest; the last, with the fronts, on all", () => {
  const { globals } = run.context;
  const urls = [1, 2, 3].map((n) => ({ loc: `/bendi/a${n}/`, published: n * 1000 }));
  const sitemaps = sitemapFiles([...urls, { loc: "/" }], 2);
  const withFiles = { ...globals, articles: [], lists: { ...globals.lists, pages: [], sitemaps } };
  const pages = bulkPages(withFiles, { offline: [], redirects: [], unlisted: [], broken: [] });
  assert.deepEqual(
    pages.map((page) => [page.url, page.layout, page.dependsUpTo]),
    [
      ["/sitemaps/sitemap-1.xml", "sitemap.njk", 2000],
      ["/sitemaps/sitemap-2.xml", "sitemap.njk", undefined],
    ],
  );
});
