import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { articleFiles, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";
import { openUnderHeaders } from "../helpers/site-under-headers.ts";

// 黄河 is in every article, one or two a year from 2021 to 2024: four half-year bundles and 2024-08-20, the newest day.
const ROWS: [string, string, string, string, string?][] = [
  ["bendi/y2021", "滩区迁建完工", "2021-05-10 09:00", "本报讯 黄河滩区迁建完工。"],
  ["tiyu/y2022", "沿河马拉松", "2022-10-03 08:00", "本报讯 黄河大堤马拉松开跑。", "体育"],
  ["bendi/y2023", "浮桥拆除", "2023-02-14 10:00", "本报讯 黄河浮桥拆除。"],
  ["bendi/y2024", "新桥合龙", "2024-08-20 16:30", "本报讯 黄河新桥合龙。"],
  ["tiyu/y2024b", "龙舟赛", "2024-06-10 09:00", "本报讯 黄河龙舟赛鸣锣。", "体育"],
];
/** Each article's URL by its file name: `/tiyu/2022/10/03/y2022/`. */
const URLS = Object.fromEntries(
  ROWS.map(([file, , date]) => {
    const [channel, slug] = file.split("/");
    return [slug!, `/${channel}/${date.slice(0, 10).replaceAll("-", "/")}/${slug}/`];
  }),
) as Record<string, string>;

let site: FixtureSite;
before(async () => {
  site = await buildFixture(articleFiles(ROWS), { SEARCH: "on" });
  assert.equal(site.exitCode, 0, site.stderr);
});

/** Runs a search on /search/ and returns the result links and the bundles the page fetched from. */
async function search(page: Page, url: string, params: Record<string, string>) {
  const bundles = new Set<string>();
  const listener = (request: { url(): string }) => {
    const bundle = /^\/pagefind\/(\d{4}-(?:h[12]|\d\d(?:-w[1-4]|-\d\d)?))\//.exec(
      new URL(request.url()).pathname,
    )?.[1];
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
  const { page, problems, url } = await openUnderHeaders(t, browser, site);

  const all = await search(page, url, { q: "黄河" });
  assert.deepEqual([...all.links].sort(), Object.values(URLS).sort());
  assert.deepEqual(all.bundles, ["2021-h1", "2022-h2", "2023-h1", "2024-08-20", "2024-h1"]);
  // The month list comes from the build, newest first, across every period.
  const months = await page
    .locator('select[name="月份"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.deepEqual(months, ["", "2024-08", "2024-06", "2023-02", "2022-10", "2021-05"]);

  // A channel filter applies in every bundle.
  const sports = await search(page, url, { q: "黄河", 栏目: "体育" });
  assert.deepEqual([...sports.links].sort(), [URLS.y2022, URLS.y2024b].sort());
  // A month loads only the bundle that holds it.
  const june = await search(page, url, { q: "黄河", 月份: "2024-06" });
  assert.deepEqual(june.links, [URLS.y2024b]);
  assert.deepEqual(june.bundles, ["2024-h1"]);
  // A phrase from one old article finds it alone.
  const old = await search(page, url, { q: "滩区迁建" });
  assert.deepEqual(old.links, [URLS.y2021]);
  assert.deepEqual(problems, []);
});
