import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations } from "../helpers/axe.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { article, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";
import { serveSite, type SiteServer } from "../helpers/static-server.ts";

// 琵琶 occurs in one article only; 备案 only in the footer (网站备案号) and 分享 only in the share bar.
const FILES = {
  "articles/bendi/pipa.md": article(
    { title: "民乐进社区", date: "2021-11-22 09:27" },
    "本报讯 社区文化中心举办民乐演出，一曲琵琶独奏赢得满堂喝彩。",
  ),
  "articles/bendi/bridge.md": article(
    { title: "新大桥通车", date: "2021-11-21 09:27" },
    "本报讯 连接两岸的新大桥今天通车，社区居民出行更方便。",
  ),
  "articles/tiyu/match.md": article(
    { title: "菏泽队夺冠", section: "体育", date: "2021-11-20 20:00" },
    "本报讯 菏泽队在省运会足球决赛中夺冠，社区球迷彻夜庆祝。",
  ),
};

/**
 * The strictest policy search works under: Pagefind compiles WebAssembly ('wasm-unsafe-eval'). No
 * inline script or style. (img-src data: is what _headers allows; the search page needs no data: URL.)
 */
const SEARCH_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

let site: FixtureSite;
let server: SiteServer;
before(async () => {
  site = await buildFixture(FILES, { SEARCH: "on" });
  assert.equal(site.exitCode, 0, site.stderr);
  server = await serveSite(site.outputDir, () => ({ "content-security-policy": SEARCH_CSP }));
});
after(() => server?.close());

test("the build writes a Pagefind bundle of the article pages only, served locally", async () => {
  const bundle = await readdir(path.join(site.outputDir, "pagefind"));
  for (const file of ["pagefind.js", "pagefind-entry.json"]) assert.ok(bundle.includes(file), file);
  const entry = JSON.parse(await site.file("pagefind/pagefind-entry.json")) as {
    languages: Record<string, { page_count: number }>;
  };
  assert.deepEqual(
    Object.values(entry.languages).map((l) => l.page_count),
    [3],
  );
  const search = await site.page("/search/");
  const scripts = [...search.querySelectorAll("script[src]")].map((s) => s.getAttribute("src") ?? "");
  // One script, the site's own, which loads Pagefind's API from /pagefind/.
  assert.equal(scripts.length, 1);
  assert.match(scripts[0]!, /^\/js\/search\.[0-9a-f]{10}\.js$/, "under its content-hashed name");
  // No inline script: every other script element is JSON-LD data.
  for (const script of search.querySelectorAll("script:not([src])"))
    assert.equal(script.getAttribute("type"), "application/ld+json");
});

test("SEARCH=off builds the site without an index", async () => {
  const off = await buildFixture(FILES, { SEARCH: "off" });
  assert.equal(off.exitCode, 0, off.stderr);
  await assert.rejects(readdir(path.join(off.outputDir, "pagefind")), { code: "ENOENT" });
});

test("in Chromium under a strict CSP, a Chinese word from one article finds it first; footer and share-bar words find nothing", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const page = await browser.newPage();
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(message.text());
  });
  // Requests cut short by leaving a page (net::ERR_ABORTED) are not failures of the site.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") failures.push(`${request.url()} failed: ${reason}`);
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url)) failures.push(`request to another host: ${request.url()}`);
  });

  // The header search box leads to the search page, which runs the query.
  await page.goto(`${server.url}/`);
  await page.fill("#search-box-q", "琵琶");
  await page.press("#search-box-q", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  const first = page.locator(".search-list a").first();
  await first.waitFor();
  assert.equal(await first.getAttribute("href"), "/bendi/2021/11/22/pipa/");
  assert.equal(await first.textContent(), "民乐进社区");

  // Pagefind's own search API, loaded in the page from the site's bundle.
  const BUNDLE: string = "/pagefind/pagefind.js";
  const count = (query: string) =>
    page.evaluate(
      async ([bundle, q]) => {
        const pagefind = await import(bundle!);
        const result = await pagefind.search(q);
        return result.results.length as number;
      },
      [BUNDLE, query],
    );
  assert.equal(await count("琵琶"), 1);
  assert.equal(await count("社区"), 3);
  assert.equal(await count("备案"), 0);
  assert.equal(await count("分享"), 0);

  // Channel and month are filters; the publication time is a sort key.
  const filtered = await page.evaluate(async (bundle) => {
    const pagefind = await import(bundle);
    const sorted = await pagefind.search("社区", { sort: { date: "asc" } });
    const urls = await Promise.all(
      sorted.results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url),
    );
    const sports = await pagefind.search("社区", { filters: { 栏目: "体育" } });
    return { filters: await pagefind.filters(), urls, sports: sports.results.length };
  }, BUNDLE);
  assert.deepEqual(filtered.filters, { 栏目: { 本地要闻: 2, 体育: 1 }, 月份: { "2021-11": 3 } });
  assert.deepEqual(filtered.urls, [
    "/tiyu/2021/11/20/match/",
    "/bendi/2021/11/21/bridge/",
    "/bendi/2021/11/22/pipa/",
  ]);
  assert.equal(filtered.sports, 1);

  await page.goto(`${server.url}/search/?q=${encodeURIComponent("备案")}`);
  await page.getByText("未找到").waitFor();
  assert.equal(await page.locator(".search-list li").count(), 0);
  assert.deepEqual(failures, []);

  // The search page with results, the homepage and a channel front pass axe-core's WCAG 2 AA rules
  // (checked without the CSP, which would refuse the checker's own script) and fit a 375 px screen.
  const audit = await (await browser.newContext({ bypassCSP: true })).newPage();
  await audit.setViewportSize({ width: 375, height: 800 });
  for (const url of [`/search/?q=${encodeURIComponent("琵琶")}`, "/", "/bendi/"]) {
    await audit.goto(`${server.url}${url}`);
    if (url.startsWith("/search/")) await audit.locator(".search-list a").first().waitFor();
    assert.deepEqual(await axeViolations(audit), [], url);
    const overflow = await audit.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow} px at 375 px`);
  }
});
