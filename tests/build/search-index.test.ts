import assert from "node:assert/strict";
import { readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations } from "../helpers/axe.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { snapshot } from "../helpers/file-tree.ts";
import {
  article,
  articleFiles,
  buildContent,
  buildFixture,
  runProject,
  writeFixture,
  type FixtureSite,
} from "../helpers/fixture-site.ts";
import { serveSite, type SiteServer } from "../helpers/static-server.ts";

// 琵琶 occurs in one article only; 备案 only in the footer (网站备案号) and 分享 only in the share bar.
const FILES = {
  "articles/bendi/pipa.md": article(
    { title: "民乐进社区", date: "2021-11-24 09:27" },
    "本报讯 社区文化中心举办民乐演出，一曲琵琶独奏赢得满堂喝彩。",
  ),
  "articles/bendi/bridge.md": article(
    { title: "新大桥通车", date: "2021-11-24 09:00" },
    "本报讯 连接两岸的新大桥今天通车，社区居民出行更方便。",
  ),
  "articles/tiyu/match.md": article(
    { title: "菏泽队夺冠", section: "体育", date: "2021-11-24 08:00" },
    "本报讯 菏泽队在省运会足球决赛中夺冠，社区球迷彻夜庆祝。",
  ),
};

/** Articles over three years: three half-years, 2022's first holding two, and the newest day. */
const YEARS = articleFiles([
  ["bendi/spring21", "春耕开始", "2021-03-02 08:00", "本报讯 黄河滩区春耕。"],
  ["bendi/winter21", "冬储白菜", "2021-12-30 08:00", "本报讯 黄河边储白菜。"],
  ["tiyu/run22", "沿河长跑", "2022-01-01 00:10", "本报讯 黄河大堤上的长跑比赛。", "体育"],
  ["bendi/flood22", "防汛演练", "2022-06-30 23:50", "本报讯 黄河防汛演练。"],
  ["bendi/peony23", "牡丹花开", "2023-07-01 00:00", "本报讯 黄河岸边牡丹开。"],
]);
const PERIODS = ["2023-07-01", "2022-h1", "2021-h2", "2021-h1"];

/**
 * The strictest policy search works under: Pagefind compiles WebAssembly ('wasm-unsafe-eval'). No
 * inline script or style. (img-src data: is what _headers allows; the search page needs no data: URL.)
 */
const SEARCH_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

const pageCount = async (site: FixtureSite, period: string) => {
  const entry = JSON.parse(await site.file(`pagefind/${period}/pagefind-entry.json`)) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
};

/** Builds a content folder with search and no build cache into `<its parent>/<name>`. */
async function buildCold(contentDir: string, name: string): Promise<string> {
  const outputDir = path.join(path.dirname(contentDir), name);
  const result = await runProject(["src/cli/build.ts"], {
    SEARCH: "on",
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: outputDir,
    HEZE_CACHE: "off",
  });
  assert.equal(result.exitCode, 0, result.stderr);
  return outputDir;
}

const cacheOf = (site: FixtureSite, period = "") =>
  path.join(path.dirname(site.contentDir), ".cache", "search", period);

let site: FixtureSite;
let server: SiteServer;
before(async () => {
  site = await buildFixture(FILES, { SEARCH: "on" });
  assert.equal(site.exitCode, 0, site.stderr);
  server = await serveSite(site.outputDir, () => ({ "content-security-policy": SEARCH_CSP }));
});
after(() => server?.close());

test("the build writes a Pagefind bundle of the article pages only, served locally", async () => {
  const bundle = await readdir(path.join(site.outputDir, "pagefind", "2021-11-24"));
  for (const file of ["pagefind.js", "pagefind-entry.json", "pagefind-worker.js"])
    assert.ok(bundle.includes(file), file);
  // Pagefind's own UIs are not used by the search page, so no period carries them.
  assert.deepEqual(
    bundle.filter((file) => /ui|highlight/.test(file)),
    [],
  );
  assert.equal(await pageCount(site, "2021-11-24"), 3);
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

test("one bundle per half-year, per month of the newest half-year and for the newest day, listed newest first with its months; the manifest and _headers describe them", async () => {
  const years = await buildFixture(YEARS, { SEARCH: "on" });
  assert.equal(years.exitCode, 0, years.stderr);
  const folders = (await readdir(path.join(years.outputDir, "pagefind"), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  assert.deepEqual(folders.sort().reverse(), PERIODS);
  assert.deepEqual(await Promise.all(PERIODS.map((period) => pageCount(years, period))), [1, 2, 1, 1]);
  assert.deepEqual(JSON.parse(await years.file("pagefind/periods.json")), {
    periods: [
      { bundle: "2023-07-01", months: ["2023-07"] },
      { bundle: "2022-h1", months: ["2022-06", "2022-01"] },
      { bundle: "2021-h2", months: ["2021-12"] },
      { bundle: "2021-h1", months: ["2021-03"] },
    ],
  });
  const manifest = JSON.parse(await years.file("build-manifest.json")) as { files: Record<string, unknown> };
  for (const period of PERIODS) assert.ok(manifest.files[`pagefind/${period}/pagefind-entry.json`], period);
  assert.ok(manifest.files["pagefind/periods.json"]);
  const headers = await years.file("_headers");
  // Every bundle under one rule, however many periods (Cloudflare Pages allows 100 rules).
  assert.deepEqual(headers.match(/^\/pagefind.*$/gm), ["/pagefind/*"]);
});

test("a warm build indexes only the period whose page changed, and writes the bytes a cold build writes", async () => {
  const contentDir = await writeFixture(YEARS);
  const first = await buildContent(contentDir, { SEARCH: "on" });
  assert.equal(first.exitCode, 0, first.stderr);
  assert.match(
    first.stdout,
    /search index: 4 period\(s\), 0 from the cache, indexed 2023-07-01 2022-h1 2021-h2 2021-h1/,
  );
  const entries = async () =>
    Object.fromEntries(await Promise.all(PERIODS.map(async (p) => [p, (await stat(cacheOf(first, p))).ino])));
  const before = await entries();

  // Nothing changed: the build has nothing to do (src/build/up-to-date.ts).
  const same = await buildContent(contentDir, { SEARCH: "on" });
  assert.match(same.stdout, /nothing changed since the last build/);
  // The same content built where the output is gone (CI's fresh checkout): every period from the cache.
  await rm(first.outputDir, { recursive: true });
  const restored = await buildContent(contentDir, { SEARCH: "on" });
  assert.match(restored.stdout, /search index: 4 period\(s\), 4 from the cache\n/);
  assert.deepEqual(await entries(), before);

  // An edit to the body of a 2022 article: only its half-year is indexed again.
  const file = path.join(contentDir, "articles/bendi/flood22.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("防汛演练。", "防汛演练，琵琶声中收工。"));
  const warm = await buildContent(contentDir, { SEARCH: "on" });
  assert.equal(warm.exitCode, 0, warm.stderr);
  assert.match(warm.stdout, /search index: 4 period\(s\), 3 from the cache, indexed 2022-h1\n/);
  const after = await entries();
  for (const period of PERIODS)
    if (period === "2022-h1") assert.notEqual(after[period], before[period]);
    else assert.equal(after[period], before[period], period);

  const cold = await buildCold(contentDir, "_cold");
  assert.deepEqual(await snapshot(warm.outputDir), await snapshot(cold));
  // A cold build of the same content twice gives the same bytes: Pagefind's output is deterministic.
  assert.deepEqual(await snapshot(await buildCold(contentDir, "_cold2")), await snapshot(cold));
});

test("a damaged cache entry is said in one line and rebuilt; the site is the cold build's", async () => {
  const contentDir = await writeFixture(YEARS);
  const first = await buildContent(contentDir, { SEARCH: "on" });
  assert.equal(first.exitCode, 0, first.stderr);
  const fragments = path.join(cacheOf(first, "2021-h2"), "bundle", "fragment");
  await truncate(path.join(fragments, (await readdir(fragments))[0]!), 10);
  await writeFile(path.join(cacheOf(first, "2022-h1"), "record.json"), "{ not json");
  await rm(first.outputDir, { recursive: true }); // so that the build has work to do

  const warm = await buildContent(contentDir, { SEARCH: "on" });
  assert.equal(warm.exitCode, 0, warm.stderr);
  const damaged = warm.stdout.split("\n").filter((line) => /damaged/.test(line));
  assert.equal(damaged.length, 2, warm.stdout);
  assert.equal(
    damaged[0],
    "heze-press: search cache of 2022-h1 is damaged (record.json is not a record); rebuilding it",
  );
  assert.match(
    damaged[1]!,
    /^heze-press: search cache of 2021-h2 is damaged \(fragment\/\S+ does not match its record\); rebuilding it$/,
  );
  assert.match(warm.stdout, /2 from the cache, indexed 2022-h1 2021-h2/);
  assert.deepEqual(await snapshot(warm.outputDir), await snapshot(await buildCold(contentDir, "_cold")));

  // The rebuilt entries are whole again.
  await rm(first.outputDir, { recursive: true });
  const again = await buildContent(contentDir, { SEARCH: "on" });
  assert.match(again.stdout, /4 from the cache\n/);
  assert.doesNotMatch(again.stdout, /damaged/);

  // JSON, but not a record: a file whose entry is not a size and a digest.
  const record = path.join(cacheOf(first, "2022-h1"), "record.json");
  const kept = JSON.parse(await readFile(record, "utf8")) as { files: Record<string, unknown> };
  kept.files[Object.keys(kept.files)[0]!] = { size: "12" };
  await writeFile(record, JSON.stringify(kept));
  await rm(first.outputDir, { recursive: true });
  const reshaped = await buildContent(contentDir, { SEARCH: "on" });
  assert.match(
    reshaped.stdout,
    /^heze-press: search cache of 2022-h1 is damaged \(record\.json is not a record\); rebuilding it$/m,
  );
});

test("without a build cache every period is indexed and nothing is kept", async () => {
  const contentDir = await writeFixture(YEARS);
  const output = await buildCold(contentDir, "_site");
  assert.equal((await readdir(path.join(output, "pagefind"))).length, PERIODS.length + 1);
  await assert.rejects(stat(path.join(path.dirname(contentDir), ".cache")), { code: "ENOENT" });
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
  assert.equal(await first.getAttribute("href"), "/bendi/2021/11/24/pipa/");
  assert.equal(await first.textContent(), "民乐进社区");

  // Pagefind's own search API, loaded in the page from the period's bundle.
  const BUNDLE: string = "/pagefind/2021-11-24/pagefind.js";
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
    "/tiyu/2021/11/24/match/",
    "/bendi/2021/11/24/bridge/",
    "/bendi/2021/11/24/pipa/",
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
