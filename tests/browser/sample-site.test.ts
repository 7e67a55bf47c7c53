import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test, type TestContext } from "node:test";
import { JSDOM } from "jsdom";
import type { Browser, Page } from "playwright-core";
import { axeViolations } from "../helpers/axe.ts";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.ts";
import { buildSampleSite } from "../helpers/sample-site.ts";
import { serveSite, type SiteServer } from "../helpers/static-server.ts";

let site: Awaited<ReturnType<typeof buildSampleSite>>;
let server: SiteServer;

before(async () => {
  site = await buildSampleSite();
  assert.equal(site.exitCode, 0, site.stderr);
  server = await serveSite(site.outputDir);
});

after(async () => {
  // Cleanup first: closing the server waits for Chromium's keep-alive connections.
  await site?.cleanup();
  await server?.close();
});

const PEONY_FAIR = "/bendi/2026/04/08/peony-fair-opens/";

/** A page that collects console errors and failed requests. */
async function openPage(browser: Browser, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
  });
  return { page, problems };
}

interface Result {
  url: string;
  title: string;
  excerpt: string;
}

async function search(page: Page, query: string, extra = ""): Promise<Result[]> {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(
    () => !/正在搜索|请在上方/.test(document.querySelector(".search-status")?.textContent ?? "正在搜索"),
  );
  return page.$$eval(".search-list li", (items) =>
    items.map((li) => ({
      url: new URL(li.querySelector("a")!.href).pathname,
      title: li.querySelector("a")!.textContent ?? "",
      excerpt: li.querySelector(".search-excerpt")?.textContent ?? "",
    })),
  );
}

/** The reader-visible text of an article page as built. */
async function articleText(url: string): Promise<string> {
  const html = await site.file(path.join(url, "index.html"));
  return new JSDOM(html).window.document.querySelector("article")?.textContent ?? "";
}

test("search finds an article by a word only its headline holds, first, and the header box shows the query", async (t: TestContext) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems } = await openPage(browser);
  for (const [word, url] of [
    ["帷幕", "/wenhua/2026/11/25/local-opera-season/"],
    ["稳中有进", "/caijing/2026/10/28/q3-economy/"],
  ] as const) {
    // The word is in the headline and nowhere in the body.
    const doc = new JSDOM(await site.file(path.join(url, "index.html"))).window.document;
    assert.match(doc.querySelector("h1")!.textContent!, new RegExp(word));
    assert.doesNotMatch(doc.querySelector(".article-body")!.textContent!, new RegExp(word));
    const results = await search(page, word);
    assert.equal(results[0]?.url, url, `${word}: ${JSON.stringify(results)}`);
    assert.equal(await page.inputValue("#search-box-q"), word);
  }
  assert.deepEqual(problems, []);
});

test("a two-character Chinese query lists only articles holding it as a phrase", async (t: TestContext) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems } = await openPage(browser);
  for (const query of ["下穿", "牡丹", "王芳"]) {
    const results = await search(page, query);
    assert.ok(results.length > 0, query);
    for (const result of results) {
      assert.match(await articleText(result.url), new RegExp(query), `${query}: ${result.title}`);
      assert.match(
        result.excerpt,
        /^[^\s，。、；：！？,.;:!?]/u,
        `excerpt starts with punctuation: ${result.excerpt}`,
      );
    }
  }
  // The sample site has articles holding 下 and 穿 apart (穿梭, 试穿, 穿汉服): none is listed.
  const apart = ["/xianqu/2026/06/06/shanxian-wheat-harvest/", "/wenhua/2026/11/25/local-opera-season/"];
  for (const url of apart) assert.match(await articleText(url), /下[\s\S]*穿|穿[\s\S]*下/);
  const results = await search(page, "下穿");
  assert.deepEqual(
    results.map((r) => r.url),
    ["/shehui/2026/07/21/rainstorm-traffic-advisory/"],
  );
  assert.deepEqual(problems, []);
});

test("search filters by channel and month, and the page passes axe with best practices", async (t: TestContext) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems } = await openPage(browser);
  const all = await search(page, "牡丹");
  const local = await search(
    page,
    "牡丹",
    `&${encodeURIComponent("栏目")}=${encodeURIComponent("本地要闻")}`,
  );
  assert.ok(local.length > 0 && local.length < all.length);
  for (const r of local) assert.match(r.url, /^\/bendi\//);
  assert.equal(await page.inputValue('select[name="栏目"]'), "本地要闻");
  // The month choices come from the index; picking one and 筛选 narrows the list.
  await page.selectOption('select[name="月份"]', "2026-04");
  await page.click(".search-filters button");
  await page.waitForURL(/%E6%9C%88%E4%BB%BD=2026-04/);
  await page.waitForSelector(".search-list li");
  const april = await page.$$eval(".search-list li a", (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  assert.deepEqual(april, [PEONY_FAIR]);
  assert.deepEqual(await axeViolations(page, { bestPractice: true }), []);
  assert.deepEqual(problems, []);
});

test("homepage, article and search at 375 and 1280 px: no sideways scroll, screenshots saved", async (t: TestContext) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  for (const width of [375, 1280]) {
    const { page, problems } = await openPage(browser, width);
    for (const [name, url] of [
      ["home", "/"],
      ["article", PEONY_FAIR],
      ["search", `/search/?q=${encodeURIComponent("牡丹")}`],
    ] as const) {
      await page.goto(server.url + url, { waitUntil: "networkidle" });
      if (name === "search") await page.waitForSelector(".search-list li");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width}px`);
      await page.screenshot({
        path: path.join(ARTIFACTS_DIR, `sample-${name}-${width}.png`),
        fullPage: true,
      });
      assert.deepEqual(await axeViolations(page), [], `${name} at ${width}px`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("list dates stay in one place: beside the title at 1280 px, under it at 375 px", async (t: TestContext) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  for (const [width, under] of [
    [1280, false],
    [375, true],
  ] as const) {
    const { page } = await openPage(browser, width);
    await page.goto(`${server.url}/bendi/`);
    const places = await page.$$eval(".article-list li", (items) =>
      items.map((li) => {
        const title = li.querySelector("a")!.getBoundingClientRect();
        const meta = li.querySelector(".list-meta")!.getBoundingClientRect();
        return meta.top >= title.bottom - 1;
      }),
    );
    assert.ok(places.length >= 3);
    assert.deepEqual(
      places,
      places.map(() => under),
      `at ${width}px`,
    );
    await page.close();
  }
});
