import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.ts";
import { article, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";
import { openUnderHeaders } from "../helpers/site-under-headers.ts";

let site: FixtureSite;

before(async () => {
  site = await buildFixture(
    {
      "articles/bendi/peony.md": article({ title: "牡丹节开幕" }, "菏泽日报讯 曹州牡丹园今日迎来盛花期。"),
      "articles/tiyu/run.md": article(
        { title: "马拉松", section: "体育" },
        "菏泽日报讯 万人奔跑在赵王河畔。",
      ),
    },
    { SEARCH: "on" },
  );
  assert.equal(site.exitCode, 0, site.stderr);
});

test("in Chromium the article page works under the _headers CSP: the share QR opens, no violation", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems, url } = await openUnderHeaders(t, browser, site);
  const response = await page.goto(`${url}/bendi/2021/11/22/peony/`);
  const headers = response!.headers();
  assert.match(headers["content-security-policy"]!, /script-src 'self'/);
  assert.doesNotMatch(headers["content-security-policy"]!, /'unsafe-inline'/);
  assert.equal(headers["x-content-type-options"], "nosniff");
  assert.ok(headers["referrer-policy"]);

  await page.click(".share-wechat summary");
  await page.waitForSelector(".qr-code svg path", { timeout: 5000 });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "article-under-csp.png") });
  assert.deepEqual(problems, []);

  // The policy is live: a script added inline is refused and reported.
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.body.dataset.inlineRan = 'yes'";
    document.body.append(script);
    return document.body.dataset.inlineRan ?? "no";
  });
  assert.equal(ran, "no");
  await page.waitForTimeout(100);
  assert.ok(
    problems.some((p) => /Content Security Policy/i.test(p)),
    problems.join("\n"),
  );
});

test("in Chromium site search works under the _headers CSP", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems, url } = await openUnderHeaders(t, browser, site);
  await page.goto(`${url}/search/?q=${encodeURIComponent("牡丹")}`);
  const first = page.locator(".search-list a").first();
  await first.waitFor({ timeout: 10_000 });
  assert.equal(new URL((await first.getAttribute("href"))!, url).pathname, "/bendi/2021/11/22/peony/");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "search-under-csp.png") });
  assert.deepEqual(problems, []);
});

test("in Chromium the web editor opens its login under its own CSP", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { page, problems, url } = await openUnderHeaders(t, browser, site);
  const response = await page.goto(`${url}/admin/`);
  assert.match(response!.headers()["content-security-policy"]!, /script-src 'self' 'unsafe-eval'/);
  await page.getByText("GitHub").first().waitFor({ timeout: 10_000 });
  // On the CDN the editor's probe for the newsroom machine's local proxy is refused, by design.
  const proxyProbe = /127\.0\.0\.1:8081/;
  assert.deepEqual(
    problems.filter((p) => !proxyProbe.test(p)),
    [],
  );
});
