import assert from "node:assert/strict";
import { cp, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { CORE_SCHEMA, load } from "js-yaml";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.ts";
import { compactText } from "../helpers/dom.ts";
import { buildContent, runProject } from "../helpers/fixture-site.ts";
import { freePort, startServerProcess } from "../helpers/server-process.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const NOW = "2026-04-09 12:00";

/** `npm run editor` on a content folder: preview plus Decap's local proxy, both on free ports. */
async function startEditor(t: TestContext, contentDir: string): Promise<string> {
  const env = {
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: path.join(path.dirname(contentDir), "_preview"),
    HEZE_EDITOR_PORT: String(await freePort()),
    HEZE_NOW: NOW,
  };
  const args = ["--port", String(await freePort())];
  const announces = /heze-press editor: (http:\/\/127\.0\.0\.1:\d+\/admin\/)/;
  return (await startServerProcess(t, "src/cli/editor.ts", args, env, announces)).url;
}

/** Front matter and body of an article file. */
function splitArticle(text: string): { data: Record<string, unknown>; body: string } {
  const [, yaml, ...body] = text.split(/^---\n/m);
  return {
    data: load(yaml!, { schema: CORE_SCHEMA }) as Record<string, unknown>,
    body: body.join("---\n").trim(),
  };
}

async function waitForFile(dir: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = await readdir(dir, { recursive: true }).catch(() => []);
    const md = files.find((f) => f.endsWith(".md"));
    if (md) return path.join(dir, md);
    await sleep(200);
  }
  throw new Error(`no article appeared under ${dir}`);
}

test("web editor: create an article in 本地要闻 and edit another through /admin/", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  // A copy of the sample content: the repository's content/ is never touched.
  const root = await tempDir("heze-editor-");
  const contentDir = path.join(root, "content");
  await cp("content", contentDir, { recursive: true });
  const peony = path.join(contentDir, "articles/bendi/2026/peony-fair-opens.md");
  const original = splitArticle(await readFile(peony, "utf8"));
  const admin = await startEditor(t, contentDir);

  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
    timezoneId: "Asia/Shanghai",
  });
  const external: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1:")) external.push(request.url());
  });
  await page.goto(admin);
  await page.getByRole("button", { name: "登录" }).click(); // the local proxy needs no account
  await page.locator('a[href="#/collections/articles/new"]').click();
  await page.locator("[id^=title-field]").fill("菏泽市召开网上编辑测试会");
  await page.locator("[id^=author-field]").fill("李明");
  await page.locator("[id^=source-field]").fill("菏泽日报");
  await page.locator("[id^=date-field]").fill("2026-04-08T09:30");
  await page.locator("[id^=section-field]").fill("本地要闻");
  await page.keyboard.press("Enter");
  await page.locator("[contenteditable=true]").click();
  await page.keyboard.type("本报讯 这是通过网页编辑器写的稿件。");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "web-editor-new.png"), fullPage: true });
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByText("立即发布").click();
  await page.getByText("已发布").waitFor();

  // The new file: under the year and month of its date, named for its UTC time, valid, and it builds.
  const created = await waitForFile(path.join(contentDir, "articles/2026/04"));
  assert.equal(path.basename(created), "20260408-013000.md");
  const { data, body } = splitArticle(await readFile(created, "utf8"));
  assert.deepEqual(data, {
    title: "菏泽市召开网上编辑测试会",
    author: ["李明"],
    source: "菏泽日报",
    date: "2026-04-08 09:30",
    section: "本地要闻",
  });
  assert.equal(body, "本报讯 这是通过网页编辑器写的稿件。");
  const check = await runProject(["src/cli/check.ts"], { HEZE_CONTENT: contentDir, HEZE_NOW: NOW });
  assert.equal(check.exitCode, 0, check.stdout);
  assert.match(check.stdout, /heze-press check: no problems in \d+ articles/);
  const site = await buildContent(contentDir, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2026/04/08/20260408-013000/");
  assert.equal(doc.querySelector("h1")?.textContent, "菏泽市召开网上编辑测试会");
  assert.equal(compactText(doc.querySelector(".breadcrumb")), "您当前位置:中国菏泽网>本地要闻>正文");
  assert.match(compactText(doc.querySelector(".byline")), /作者:李明来源:菏泽日报发表时间:2026-04-0809:30/);
  assert.equal(doc.querySelector('.channel-nav a[aria-current="page"]')?.textContent, "本地要闻");
  assert.ok(doc.querySelector(".share-bar") && doc.querySelector(".site-footer"));

  // Editing an existing article changes only the edited field (the YAML may be re-laid out).
  await page.locator('a[href="#/collections/articles"]').first().click();
  await page.locator('a[href="#/collections/articles/entries/bendi/2026/peony-fair-opens"]').click();
  const editor = page.locator("[id^=editor-field]");
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>("[id^=editor-field]")?.value === "赵磊",
  );
  await editor.fill("孙丽");
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByText("立即发布").click();
  await page.getByText("已发布").waitFor();
  let edited = original;
  for (let i = 0; i < 50 && edited.data.editor !== "孙丽"; i++, await sleep(200)) {
    edited = splitArticle(await readFile(peony, "utf8"));
  }
  assert.deepEqual(edited.data, { ...original.data, editor: "孙丽" });
  assert.equal(edited.body, original.body);
  assert.deepEqual(external, [], "the editor loads nothing from another host");
});
