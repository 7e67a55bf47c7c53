import assert from "node:assert/strict";
import { cp, readFile, readdir, stat, writeFile } from "node:fs/promises";
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
    HEZE_CACHE: path.join(path.dirname(contentDir), ".cache"),
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

async function waitForFile(file: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await stat(file).catch(() => undefined)) return;
    await sleep(200);
  }
  const found = await readdir(path.dirname(path.dirname(file)), { recursive: true }).catch(() => []);
  throw new Error(`${file} did not appear; found ${found.join(", ")}`);
}

/** Beijing wall-clock time of an instant, as the newsroom writes it: `2026-11-30 10:30`. */
function beijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

test("web editor: create an article in 本地要闻 and edit another through /admin/", async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  // A copy of the sample content: the repository's content/ is never touched.
  const root = await tempDir("heze-editor-");
  const contentDir = path.join(root, "content");
  await cp("content", contentDir, { recursive: true });
  // This article names its channel by slug, as the README allows.
  const canteen = path.join(contentDir, "articles/shehui/2026/community-canteen.md");
  await writeFile(canteen, (await readFile(canteen, "utf8")).replace("section: 社会热点", "section: shehui"));
  const original = splitArticle(await readFile(canteen, "utf8"));
  assert.equal(original.data.section, "shehui");
  const admin = await startEditor(t, contentDir);

  // An editor abroad: the browser's zone and language are not Beijing's, the editor's times still are.
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
    timezoneId: "America/Los_Angeles",
    locale: "en-US",
  });
  const external: string[] = [];
  const failed: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1:")) external.push(request.url());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(admin);
  await page.getByRole("button", { name: "登录" }).click(); // the local proxy needs no account

  // The list: newest first, each with its Beijing 发表时间 as the newsroom writes it.
  const entries = page.locator('a[href^="#/collections/articles/entries/"]');
  await entries.first().waitFor();
  const summaries = await entries.allTextContents();
  const times = summaries.map((text) => /(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(text)?.[1] ?? text);
  assert.equal(times.length, 16);
  assert.deepEqual(times, [...times].sort().reverse(), "newest first");
  assert.match(summaries[0]!, /^地方戏曲演出季拉开帷幕（文化 2026-11-25 20:00）$/);
  // The article whose file names its channel by slug is listed by the channel's name too.
  assert.ok(summaries.includes("社区长者食堂开到家门口（社会热点 2026-10-12 12:10）"), summaries.join("\n"));

  // A new article: 作者, 来源 and 发表时间 start as npm run new has them (now, in Beijing).
  await page.locator('a[href="#/collections/articles/new"]').click();
  const field = (name: string) => page.locator(`[id^=${name}-field]`);
  const before = Date.now();
  await field("date").waitFor();
  const defaultTime = await field("date").inputValue();
  assert.ok([beijing(before), beijing(Date.now())].includes(defaultTime), defaultTime);
  assert.equal(await field("source").inputValue(), "菏泽日报");
  assert.equal(await field("author").inputValue(), "本报记者");
  await field("title").fill("菏泽市召开网上编辑测试会");
  await field("section").selectOption({ label: "本地要闻" });
  // A time that does not exist is refused in Chinese, and nothing is written.
  await field("date").fill("2026-13-45 10:00");
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByText("立即发布").click();
  await page.getByText("请填写北京时间，格式如 2026-11-30 10:30").waitFor();
  assert.deepEqual((await readdir(path.join(contentDir, "articles/bendi/2026"))).sort(), [
    "old-neighbourhood-renewal.md",
    "peony-fair-opens.md",
    "zhaowang-river-bridge.md",
  ]);
  // 07:30 on New Year's Day in Beijing is still 2025 in UTC and in Los Angeles.
  await field("date").fill("2026-01-01 07:30");
  await page.locator("[contenteditable=true]").click();
  await page.keyboard.type("本报讯 这是通过网页编辑器写的稿件。");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "web-editor-new.png"), fullPage: true });
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByText("立即发布").click();
  await page.getByText("已发布").waitFor();

  // The new file: in its channel's folder and Beijing year, an ASCII name from its Beijing time.
  const created = path.join(contentDir, "articles/bendi/2026/2026-01-01-07-30.md");
  await waitForFile(created);
  const { data, body } = splitArticle(await readFile(created, "utf8"));
  assert.deepEqual(data, {
    title: "菏泽市召开网上编辑测试会",
    author: ["本报记者"],
    source: "菏泽日报",
    date: "2026-01-01 07:30",
    section: "bendi",
  });
  assert.equal(body, "本报讯 这是通过网页编辑器写的稿件。");
  const url = "/bendi/2026/01/01/2026-01-01-07-30/";

  // 查看发布 opens the article's page in the preview (rebuilt by the watcher after the save). Decap
  // shows it for an article it has just created once the article is opened again (the preview no
  // longer reloads /admin/ by itself, which used to lose what an editor was typing).
  await page.waitForFunction(() => location.hash.includes("/entries/"), null, { timeout: 30_000 });
  // Opened again once the preview has rebuilt (its page is served), not while it rebuilds.
  const built = new URL(url, admin).href;
  for (
    const start = Date.now();
    !(await fetch(built).then(
      (r) => r.ok,
      () => false,
    ));
    await sleep(200)
  )
    assert.ok(Date.now() - start < 30_000, `the preview never served ${url}`);
  const view = page.getByRole("link", { name: "查看发布" });
  for (let opened = 1; !(await view.isVisible()); opened++) {
    assert.ok(opened <= 5, "查看发布 shows once the new article is opened again");
    await page.reload();
    await view.waitFor({ timeout: 10_000 }).catch(() => {});
  }
  assert.match(
    (await view.getAttribute("href")) ?? "",
    /\/preview\/open\/\?file=bendi\/2026\/2026-01-01-07-30$/,
  );
  const [tab] = await Promise.all([page.waitForEvent("popup"), view.click()]);
  await tab.waitForURL((address) => address.pathname === url);
  for (
    let i = 0;
    i < 100 &&
    (await tab
      .locator("h1")
      .textContent()
      .catch(() => "")) !== "菏泽市召开网上编辑测试会";
    i++
  ) {
    await sleep(300);
    await tab.reload();
  }
  assert.equal(await tab.locator("h1").textContent(), "菏泽市召开网上编辑测试会");
  await tab.close();

  const check = await runProject(["src/cli/check.ts"], { HEZE_CONTENT: contentDir, HEZE_NOW: NOW });
  assert.equal(check.exitCode, 0, check.stdout);
  const site = await buildContent(contentDir, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page(url);
  assert.equal(doc.querySelector("h1")?.textContent, "菏泽市召开网上编辑测试会");
  assert.equal(compactText(doc.querySelector(".breadcrumb")), "您当前位置:中国菏泽网>本地要闻>正文");
  assert.match(
    compactText(doc.querySelector(".byline")),
    /作者:本报记者来源:菏泽日报发表时间:2026-01-0107:30/,
  );
  assert.equal(doc.querySelector('.channel-nav a[aria-current="page"]')?.textContent, "本地要闻");

  // An article whose 栏目 is a slug (shehui) shows it by name; editing another field keeps the slug.
  await page.locator('a[href="#/collections/articles"]').first().click();
  await page.locator('a[href="#/collections/articles/entries/shehui/2026/community-canteen"]').click();
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>("[id^=editor-field]")?.value === "孙丽",
  );
  const section = field("section");
  assert.equal(
    await section.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
    "社会热点",
  );
  assert.equal(await field("date").inputValue(), "2026-10-12 12:10");
  await field("editor").fill("赵磊");
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByText("立即发布").click();
  await page.getByText("已发布").waitFor();
  let edited = original;
  for (let i = 0; i < 50 && edited.data.editor !== "赵磊"; i++, await sleep(200)) {
    edited = splitArticle(await readFile(canteen, "utf8"));
  }
  assert.deepEqual(edited.data, { ...original.data, editor: "赵磊" });
  assert.equal(edited.body, original.body);

  assert.deepEqual(external, [], "the editor loads nothing from another host");
  assert.deepEqual(failed, [], "no request fails (a favicon included)");
});
