import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.ts";
import { article, buildFixture } from "../helpers/fixture-site.ts";
import { headersForUrl, parseHeadersFile } from "../helpers/headers-file.ts";
import { serveSite } from "../helpers/static-server.ts";

test("in Chromium the article page works under the _headers CSP: the share QR opens, no violation", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const site = await buildFixture({ "articles/bendi/peony.md": article({ title: "牡丹节开幕" }) });
  assert.equal(site.exitCode, 0, site.stderr);
  const rules = parseHeadersFile(await site.file("_headers"));
  const server = await serveSite(site.outputDir, (pathname) => headersForUrl(rules, pathname));
  t.after(() => server.close());

  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // The site has no favicon yet (not a matter of headers); Chromium asks for one regardless.
    if (message.location().url.endsWith("/favicon.ico")) return;
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });

  const response = await page.goto(`${server.url}/bendi/2021/11/22/peony/`);
  const headers = response!.headers();
  assert.match(headers["content-security-policy"]!, /script-src 'self'/);
  assert.doesNotMatch(headers["content-security-policy"]!, /unsafe-inline/);
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
