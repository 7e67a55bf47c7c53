/**
 * A built fixture site opened in Chromium and served with its own `_headers`, as the CDN would
 * serve it, collecting every console error and warning, page error and failed request:
 *   const { page, problems, url } = await openUnderHeaders(t, browser, site);
 *   await page.goto(`${url}/search/?q=…`); … assert.deepEqual(problems, []);
 */
import type { TestContext } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { FixtureSite } from "./fixture-site.ts";
import { headersForUrl, parseHeadersFile } from "./headers-file.ts";
import { serveSite } from "./static-server.ts";

export async function openUnderHeaders(
  t: TestContext,
  browser: Browser,
  site: FixtureSite,
): Promise<{ page: Page; problems: string[]; url: string }> {
  const rules = parseHeadersFile(await site.file("_headers"));
  const server = await serveSite(site.outputDir, (pathname) => headersForUrl(rules, pathname));
  t.after(() => server.close());
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // The site has no favicon.ico (it links favicon.svg); Chromium asks for one regardless.
    if (message.location().url.endsWith("/favicon.ico")) return;
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems, url: server.url };
}
