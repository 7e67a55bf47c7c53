import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { article, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";
import { headersForUrl, parseHeadersFile } from "../helpers/headers-file.ts";
import { serveSite } from "../helpers/static-server.ts";

// 黄河 is in every article, one or two a year from 2021 to 2024: four half-year bundles and 2024-08.
const ARTICLES = {
  "articles/bendi/y2021.md": article(
    { title: "滩区迁建完工", date: "2021-05-10 09:00" },
    "本报讯 黄河滩区迁建完工。",
  ),
  "articles/tiyu/y2022.md": article(
    { title: "沿河马拉松", section: "体育", date: "2022-10-03 08:00" },
    "本报讯 黄河大堤马拉松开跑。",
  ),
  "articles/bendi/y2023.md": article(
    { title: "浮桥拆除", date: "2023-02-14 10:00" },
    "本报讯 黄河浮桥拆除。",
  ),
  "articles/bendi/y2024.md": article(
    { title: "新桥合龙", date: "2024-08-20 16:30" },
    "本报讯 黄河新桥合龙。",
  ),
  "articles/tiyu/y2024b.md": article(
    { title: "龙舟赛", section: "体育", date: "2024-06-10 09:00" },
    "本报讯 黄河龙舟赛鸣锣。",
  ),
};
const URLS = {
  y2021: "/bendi/2021/05/10/y2021/",
  y2022: "/tiyu/2022/10/03/y2022/",
  y2023: "/bendi/2023/02/14/y2023/",
  y2024: "/bendi/2024/08/20/y2024/",
  y2024b: "/tiyu/2024/06/10/y2024b/",
};

let site: FixtureSite;
before(async () => {
  site = await buildFixture(ARTICLES, { SEARCH: "on" });
  assert.equal(site.exitCode, 0, site.stderr);
});

/** Runs a search on /search/ and returns the result links and the bundles the page fetched from. */
async function search(page: Page, url: string, params: Record<string, string>) {
  const bundles = new Set<string>();
  const listener = (request: { url(): string }) => {
    const bundle = /^\/pagefind\/(\d{4}-(?:h[12]|\d\d))\//.exec(new URL(request.url()).pathname)?.[1];
    if (bundle) bundles.add(bundle);
  };
  page.on("request", listener);
  await page.goto(`${url}/search/?${new URLSearchParams(params)}`);
  await page.waitForFunction(() =>
    /：|未找到/.test(document.querySelector(".search-status")?.textContent ?? ""),
  );
  page.off("request", listener);
  const links = await page
    .locator(".search-list a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  return { links, bundles: [...bundles].sort() };
}

test("in Chromium under the _headers CSP, one query searches every year's bundle; filters work across them", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const rules = parseHeadersFile(await site.file("_headers"));
  const server = await serveSite(site.outputDir, (pathname) => headersForUrl(rules, pathname));
  t.after(() => server.close());
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.location().url.endsWith("/favicon.ico")) return;
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));

  const all = await search(page, server.url, { q: "黄河" });
  assert.deepEqual([...all.links].sort(), Object.values(URLS).sort());
  assert.deepEqual(all.bundles, ["2021-h1", "2022-h2", "2023-h1", "2024-08", "2024-h1"]);
  // The month list comes from the build, newest first, across every period.
  const months = await page
    .locator('select[name="月份"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.deepEqual(months, ["", "2024-08", "2024-06", "2023-02", "2022-10", "2021-05"]);

  // A channel filter applies in every bundle.
  const sports = await search(page, server.url, { q: "黄河", 栏目: "体育" });
  assert.deepEqual([...sports.links].sort(), [URLS.y2022, URLS.y2024b].sort());
  // A month loads only the bundle that holds it.
  const june = await search(page, server.url, { q: "黄河", 月份: "2024-06" });
  assert.deepEqual(june.links, [URLS.y2024b]);
  assert.deepEqual(june.bundles, ["2024-h1"]);
  // A phrase from one old article finds it alone.
  const old = await search(page, server.url, { q: "滩区迁建" });
  assert.deepEqual(old.links, [URLS.y2021]);
  assert.deepEqual(problems, []);
});
