import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { axeViolations } from "../helpers/axe.ts";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.ts";
import { article, testPhoto, buildFixture } from "../helpers/fixture-site.ts";
import { serveSite } from "../helpers/static-server.ts";

const URL_PATH = "/bendi/2021/11/22/browser-demo/";

const body = `菏泽日报讯 这是一段用于浏览器测试的正文，检查窄屏下页面不出现横向滚动。

## 数据一览

| 指标 | 数值 | 说明 |
| --- | --- | --- |
| 接待游客 | 80000 | 一个很长很长很长很长很长很长很长很长很长很长很长很长的说明文字 |

![航拍牡丹园](/media/field.jpg "牡丹园航拍 摄影 李明")

**看点：**一个没有空格的长链接 https://www.heze.cn/a/very/long/path/that/should/not/overflow/the/narrow/screen/at/all/index.html 也不应撑破页面。`;

test("the article page works in Chromium at 375 px and 1200 px", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const photo = await testPhoto(1600, 1000);
  const site = await buildFixture({
    "media/field.jpg": photo,
    "media/lead.jpg": photo,
    "articles/bendi/browser-demo.md": article(
      {
        kicker: "引题：花开盛世",
        title: "第三十五届菏泽国际牡丹文化旅游节开幕 百余个品种次第绽放",
        subtitle: "首日接待游客逾八万人次",
        editor: "赵磊",
        image: "/media/lead.jpg",
        image_alt: "牡丹园全景",
        image_caption: "牡丹园全景 摄影 王芳",
        updated: "2021-11-22 15:00",
      },
      body,
    ),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const server = await serveSite(site.outputDir);
  t.after(() => server.close());

  for (const width of [375, 1200]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const consoleErrors: string[] = [];
    const external: string[] = [];
    const failed: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const requested: string[] = [];
    page.on("request", (request) => {
      requested.push(request.url());
      if (!request.url().startsWith(server.url)) external.push(request.url());
    });
    page.on("requestfailed", (request) => failed.push(request.url()));
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(server.url + URL_PATH, { waitUntil: "networkidle" });
    // Lazy images load once scrolled into view: scroll through so that they are requested too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at ${width}px`);

    // A table's first column keeps short labels on one line, even at 375 px (its text's line boxes).
    const labelLines = await page
      .locator(".article-body tbody td")
      .first()
      .evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    assert.equal(labelLines, 1, "接待游客 on one line");

    // The QR library loads only when 微信 is first opened; Esc closes the panel.
    const qrScript = () => requested.some((url) => /\/js\/qrcode[.\w]*\.js$/.test(url));
    assert.ok(!qrScript(), "no QR library before 微信 is opened");
    await page.getByText("微信", { exact: true }).click();
    const qr = page.locator(".qr-code svg");
    await qr.waitFor({ state: "visible" });
    assert.ok(qrScript(), "the QR library loaded on opening");
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 100, "the QR code is drawn at a scannable size");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(".share-wechat").getAttribute("open"), null, "Esc closes the QR panel");
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "SUMMARY");
    await page.getByText("微信", { exact: true }).click();
    await qr.waitFor({ state: "visible" });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `article-${width}.png`), fullPage: true });

    // Accessibility: axe-core's WCAG 2 A and AA rules find nothing.
    assert.deepEqual(await axeViolations(page), [], "accessibility violations");

    assert.deepEqual(consoleErrors, [], "console errors");
    assert.deepEqual(external, [], "requests to other hosts");
    assert.deepEqual(failed, [], "failed requests");
    await page.close();
  }
});
