import assert from "node:assert/strict";
import { readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { get } from "node:http";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { JSDOM } from "jsdom";
import { launchBrowser } from "../helpers/browser.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";
import { freePort, startServerProcess } from "../helpers/server-process.ts";

/** Starts `npm run preview`'s entry point on a fixture. */
async function startPreviewProcess(t: TestContext, contentDir: string) {
  const outputDir = path.join(path.dirname(contentDir), "_preview");
  const env = {
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: outputDir,
    HEZE_CACHE: path.join(path.dirname(contentDir), ".cache"),
    HEZE_NOW: "2026-04-08 12:00",
  };
  const args = ["--port", String(await freePort())];
  const started = await startServerProcess(
    t,
    "src/cli/preview.ts",
    args,
    env,
    /preview: (http:\/\/127\.0\.0\.1:\d+)\//,
  );
  return { ...started, outputDir };
}

async function page(url: string): Promise<Document> {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return new JSDOM(await response.text()).window.document;
}

async function until(what: string, condition: () => Promise<boolean>, ms = 20_000): Promise<void> {
  for (const start = Date.now(); Date.now() - start < ms; await sleep(200)) {
    if (await condition()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("the preview shows drafts and scheduled articles with a banner and reloads on edits", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/live.md": article({ title: "已发稿件", date: "2026-04-08 09:00" }),
    "articles/bendi/draft.md": article({ title: "草稿稿件", date: "2026-04-08 10:00", draft: true }),
    "articles/bendi/later.md": article({ title: "定时稿件", date: "2026-04-09 06:00" }),
    "articles/bendi/bad.md": article({ date: "2021-13-45" }),
  });
  const preview = await startPreviewProcess(t, contentDir);

  const draft = await page(`${preview.url}/bendi/2026/04/08/draft/`);
  assert.match(draft.querySelector(".preview-banner")?.textContent ?? "", /草稿/);
  const later = await page(`${preview.url}/bendi/2026/04/09/later/`);
  assert.match(later.querySelector(".preview-banner")?.textContent ?? "", /定时发布.*2026-04-09 06:00/);
  const live = await page(`${preview.url}/bendi/2026/04/08/live/`);
  assert.equal(live.querySelector(".preview-banner"), null);

  // A file with errors is left out and listed on the preview's desk, not a dead server.
  const desk = await page(`${preview.url}/preview/`);
  assert.deepEqual(
    [...desk.querySelectorAll(".article-list a")].map((a) => a.textContent),
    ["定时稿件", "草稿稿件"],
  );
  assert.equal(desk.querySelector("h1")?.textContent, "预览台");
  // In Chinese, naming the field as written with its label; no library wording.
  const [listed] = [...desk.querySelectorAll(".preview-problems li")].map((li) => li.textContent ?? "");
  assert.match(
    listed!,
    /^错误：\S*bad\.md 第 5 行，字段 date（发表时间）：写的是 "2021-13-45"，不是有效日期；请写成 2021-11-22 09:27 这样的北京时间/,
  );
  assert.doesNotMatch(listed!, /expected|of type|invalid/);
  assert.match(preview.log(), /bad\.md:5:1: date（发表时间）：写的是 "2021-13-45"/);
  assert.doesNotMatch(preview.log(), /^\s+at /m, "no stack trace");

  // Pages get the live-reload script; the web editor never does (a reload would lose an edit).
  // Asked as a browser navigating there asks (the dev server adds the script to navigations only;
  // fetch() may not send that header).
  const html = (url: string) =>
    new Promise<string>((resolve, reject) => {
      get(`${preview.url}${url}`, { headers: { "sec-fetch-mode": "navigate" } }, async (response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of response) chunks.push(chunk as Buffer);
        resolve(Buffer.concat(chunks).toString("utf8"));
      }).on("error", reject);
    });
  assert.match(await html("/bendi/2026/04/08/live/"), /reload-client\.js/);
  for (const url of ["/admin/", "/admin/index.html"]) {
    const admin = await html(url);
    assert.match(admin, /decap-cms\.js/, url);
    assert.doesNotMatch(admin, /reload-client/, url);
  }

  // The preview builds no search index: /search/ says so, in Chinese, and loads nothing from /pagefind/.
  const search = await page(`${preview.url}/search/`);
  assert.match(
    search.querySelector(".search-off")?.textContent ?? "",
    /搜索索引在构建网站时生成（npm run build）/,
  );
  assert.equal(search.querySelector('script[src^="/pagefind/"], link[href^="/pagefind/"]'), null);

  // A favicon for clients that ask for /favicon.ico without reading the pages' <link rel="icon">.
  const icon = await fetch(`${preview.url}/favicon.ico`);
  assert.equal(icon.status, 200);
  assert.deepEqual([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)], [0, 0, 1, 0], "an ICO file");

  // Static files are served from their sources, not copied into the folder: Eleventy's copy removes
  // and writes each file again on every rebuild, and a page loaded meanwhile missed its stylesheet.
  const style = await fetch(`${preview.url}/css/site.css`);
  assert.equal(await style.text(), await readFile("public/css/site.css", "utf8"));
  assert.equal((await fetch(`${preview.url}/admin/decap-cms.js`, { method: "HEAD" })).status, 200);
  for (const copy of ["css/site.css", "favicon.ico", "admin/decap-cms.js"])
    await assert.rejects(stat(path.join(preview.outputDir, copy)), { code: "ENOENT" }, copy);

  // The web editor's 查看发布 (/preview/open/?file=…) leads from a file to its page, or says why not.
  const open = (file: string) =>
    fetch(`${preview.url}/preview/open/?file=${encodeURIComponent(file)}`, { redirect: "manual" });
  const opened = await open("bendi/later");
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), "/bendi/2026/04/09/later/");
  const broken = await open("bendi/bad");
  assert.equal(broken.status, 422);
  const notice = new JSDOM(await broken.text()).window.document;
  assert.equal(notice.querySelector("h1")?.textContent, "稿件有问题，预览中没有它的页面");

  // Editing the Markdown reloads the `articles` data: the open page changes without a manual reload.
  const browser = await launchBrowser(t);
  if (!browser) return;
  const editor = await browser.newPage();
  await editor.goto(`${preview.url}/admin/`);
  await editor.evaluate(() => Object.assign(window, { typedSoFar: "草稿" }));
  const tab = await browser.newPage();
  await tab.goto(`${preview.url}/bendi/2026/04/08/live/`);
  const file = path.join(contentDir, "articles/bendi/live.md");
  // A page that shows nothing of the edited article is not rendered again.
  const draftPage = path.join(preview.outputDir, "bendi/2026/04/08/draft/index.html");
  const draftWritten = (await stat(draftPage)).mtimeMs;
  await writeFile(file, (await readFile(file, "utf8")).replace("已发稿件", "改过的标题"));
  await tab.waitForFunction(() => document.querySelector("h1")?.textContent === "改过的标题", null, {
    timeout: 20_000,
  });
  const home = await page(`${preview.url}/`);
  assert.ok([...home.querySelectorAll("main a")].some((a) => a.textContent === "改过的标题"));
  // Bulk pages showing it are found by what they show, and rendered again: its channel's list.
  const channel = await page(`${preview.url}/bendi/`);
  assert.ok([...channel.querySelectorAll("main a")].some((a) => a.textContent === "改过的标题"));
  assert.equal((await stat(draftPage)).mtimeMs, draftWritten, "the draft's page was left as it was");
  assert.equal(
    await editor.evaluate(() => (window as unknown as { typedSoFar?: string }).typedSoFar),
    "草稿",
    "the rebuild did not reload the web editor",
  );

  // Touching a template rebuilds the pages too (content unchanged, so the repository is untouched).
  const built = path.join(preview.outputDir, "bendi/2026/04/08/live/index.html");
  const before = (await stat(built)).mtimeMs;
  const template = "templates/partials/byline.njk";
  const now = new Date();
  await utimes(template, now, now);
  await until("a rebuild after a template edit", async () => (await stat(built)).mtimeMs > before);

  // A mistake in the open article shows on its own page, in Chinese, not the last good version.
  await writeFile(file, (await readFile(file, "utf8")).replace("2026-04-08 09:00", "2026-04-31 09:00"));
  await tab.waitForFunction(
    () => document.querySelector("h1")?.textContent === "稿件有错误，预览未能更新",
    null,
    {
      timeout: 20_000,
    },
  );
  const problem = await tab.textContent(".preview-error .preview-problems");
  assert.match(
    problem ?? "",
    /live\.md:\d+ date（发表时间）：写的是 "2026-04-31 09:00"，不是有效的日期或时间；请写成 /,
  );
  assert.equal(await tab.$(".article-body"), null, "the stale article is gone");

  // Fixed with another date, the article moves: its page and the channel's list follow.
  await writeFile(file, (await readFile(file, "utf8")).replace("2026-04-31 09:00", "2026-04-07 09:00"));
  const moved = `${preview.url}/bendi/2026/04/07/live/`;
  await until("the article at its new date", async () => (await fetch(moved)).ok);
  const front = await page(`${preview.url}/bendi/`);
  assert.ok(
    [...front.querySelectorAll("main a")].some((a) => a.getAttribute("href") === "/bendi/2026/04/07/live/"),
  );

  assert.equal((await fetch(`${preview.url}/bendi/2026/04/08/live/`)).status, 404, "its old page is gone");

  // Deleted, it leaves the channel's list and its page (Eleventy's watcher alone rebuilds on no removal).
  await rm(file);
  await until("the channel's list without the deleted article", async () => {
    const list = await page(`${preview.url}/bendi/`);
    return ![...list.querySelectorAll("main a")].some((a) => a.textContent === "改过的标题");
  });
  assert.equal((await fetch(moved)).status, 404);
});

test("a preview started again takes unchanged pages from the build cache and shows what changed meanwhile", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article({ title: "甲稿件", date: "2026-04-08 09:00", tags: ["牡丹"] }),
    "articles/bendi/b.md": article({ title: "乙稿件", date: "2026-04-06 09:00", tags: ["牡丹"] }),
    "articles/shehui/c.md": article({
      title: "丙稿件",
      date: "2026-04-07 09:00",
      section: "社会热点",
      tags: ["黄河"],
    }),
    "articles/bendi/d.md": article({ title: "丁稿件", date: "2026-04-01 09:00" }),
  });
  const files = { a: "bendi/2026/04/08/a/index.html", c: "shehui/2026/04/07/c/index.html" };
  const inodes: Record<string, bigint>[] = [];
  for (const session of ["first", "second"]) {
    // Between the sessions, one article is edited and one deleted.
    if (session === "second") {
      await writeFile(
        path.join(contentDir, "articles/bendi/a.md"),
        article({ title: "甲稿件(改)", date: "2026-04-08 09:00", tags: ["牡丹"] }),
      );
      await rm(path.join(contentDir, "articles/bendi/b.md"));
    }
    await t.test(`${session} session`, async (st) => {
      const preview = await startPreviewProcess(st, contentDir);
      // Saved as soon as it serves, while its watchers get ready: shown all the same.
      const dFile = path.join(contentDir, "articles/bendi/d.md");
      const dTitle = `丁稿件(${session})`;
      await writeFile(dFile, (await readFile(dFile, "utf8")).replace(/^title: .*$/m, `title: "${dTitle}"`));
      const a = await page(`${preview.url}/bendi/2026/04/08/a/`);
      assert.equal(a.querySelector("h1")?.textContent, session === "first" ? "甲稿件" : "甲稿件(改)");
      // The deleted article's page is not left over from the first session.
      const b = await fetch(`${preview.url}/bendi/2026/04/06/b/`);
      assert.equal(b.status, session === "first" ? 200 : 404);
      const ino = async (file: string) =>
        (await stat(path.join(preview.outputDir, file), { bigint: true })).ino;
      await until("the title saved as the preview started", async () => {
        const d = await page(`${preview.url}/bendi/2026/04/01/d/`);
        return d.querySelector("h1")?.textContent === dTitle;
      });
      inodes.push({ a: await ino(files.a), c: await ino(files.c) });
    });
  }
  assert.equal(inodes[1]!.c, inodes[0]!.c, "the unchanged page is the cache's copy, not rendered again");
  assert.notEqual(inodes[1]!.a, inodes[0]!.a, "the edited article's page is rendered again");
});

test("a page still loading when a rebuild ends catches up on it, though it missed the reload", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/live.md": article({ title: "已发稿件", date: "2026-04-08 09:00" }),
  });
  const preview = await startPreviewProcess(t, contentDir);
  const browser = await launchBrowser(t);
  if (!browser) return;
  const tab = await browser.newPage();
  // The page is served, but Eleventy's reload client (which opens the socket) is held back until the
  // rebuild has ended and sent its reload to nobody: a slow load, or a reload under way.
  const released = Promise.withResolvers<void>();
  await tab.route("**/.11ty/reload-client.js*", async (route) => {
    await released.promise;
    await route.continue();
  });
  await tab.goto(`${preview.url}/bendi/2026/04/08/live/`, { waitUntil: "commit" });
  await tab.waitForSelector("h1");
  const written = async () =>
    ((await (await fetch(`${preview.url}/preview/written.json`)).json()) as { written: number }).written;
  const before = await written();
  const file = path.join(contentDir, "articles/bendi/live.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("已发稿件", "改过的标题"));
  await until("the rebuild after the edit", async () => (await written()) > before);
  assert.equal(await tab.textContent("h1"), "已发稿件", "the page was served before the rebuild");
  released.resolve();
  await tab.waitForFunction(() => document.querySelector("h1")?.textContent === "改过的标题", null, {
    timeout: 20_000,
  });
});
