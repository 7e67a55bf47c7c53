import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { entryList, RECENT_ENTRIES, type ChannelName } from "../../src/cms/entry-list.ts";
import { article } from "../helpers/fixture-site.ts";

const FOLDER = { folder: "content/articles", extension: "md", depth: 3 };

/** The list of a repository, closed (its watchers stopped) after the test. */
function listOf(t: TestContext, root: string, channelName?: ChannelName) {
  const entries = entryList(root, channelName);
  t.after(() => entries.close());
  return entries.list;
}

/** A repository folder with content/articles/<file> for each entry; removed after the test. */
async function repo(t: TestContext, files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "heze-entry-list-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, "content/articles", file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return root;
}

const paths = (entries: { file: { path: string } }[]) => entries.map((e) => e.file.path);

test("the list is newest first by 发表时间 in Beijing time, whatever the form of the date", async (t) => {
  const root = await repo(t, {
    "bendi/2026/a.md": article({ date: "2026-04-08 09:30" }),
    "shehui/2026/b.md": article({ date: "2026-04-08T02:00:00Z" }), // 10:00 in Beijing: newest
    "c.md": article({ date: "2026-04-08 09:30:00" }), // same minute as a.md: by path
    "bendi/2026/bad.md": article({ date: "2021-13-45" }), // no real date: last
    "bendi/2026/notes.txt": "not an article",
  });
  const entries = listOf(t, root)(FOLDER);
  assert.deepEqual(paths(entries), [
    "content/articles/shehui/2026/b.md",
    "content/articles/bendi/2026/a.md",
    "content/articles/c.md",
    "content/articles/bendi/2026/bad.md",
  ]);
});

test("each entry is its front matter only, with decap-server's hash of the whole file as id", async (t) => {
  const text = article({ title: "标题" }, "正文很长。".repeat(1000));
  const root = await repo(t, { "a.md": text });
  const [entry] = listOf(t, root)(FOLDER);
  assert.equal(entry?.data, text.slice(0, text.indexOf("\n---\n") + 5));
  assert.doesNotMatch(entry?.data ?? "", /正文/);
  assert.match(entry?.file.id ?? "", /^[0-9a-f]{64}$/);
});

test("the list stops at the latest RECENT_ENTRIES; a search finds older ones by every word", async (t) => {
  const files: Record<string, string> = {};
  for (let n = 0; n < RECENT_ENTRIES + 5; n++) {
    const day = String(1 + (n % 28)).padStart(2, "0");
    const month = String(1 + Math.floor(n / 28)).padStart(2, "0");
    files[`a${n}.md`] = article({ title: `稿件 第${n}期`, date: `2025-${month}-${day} 08:00` });
  }
  const root = await repo(t, files);
  const list = listOf(t, root);
  const latest = list(FOLDER);
  assert.equal(latest.length, RECENT_ENTRIES);
  assert.equal(latest[0]?.file.path, `content/articles/a${RECENT_ENTRIES + 4}.md`);
  assert.ok(!paths(latest).includes("content/articles/a0.md"), "the oldest is not listed");

  assert.deepEqual(paths(list({ ...FOLDER, all: true, search: "稿件  第0期" })), ["content/articles/a0.md"]);
  assert.deepEqual(paths(list({ ...FOLDER, all: true, search: "第0期 没有" })), []);
  assert.equal(list({ ...FOLDER, all: true, search: "稿件" }).length, RECENT_ENTRIES);
  assert.equal(list({ ...FOLDER, all: true }).length, RECENT_ENTRIES + 5);
});

test("an edited, added or removed file, or a new folder, shows in a later list", async (t) => {
  const root = await repo(t, {
    "a.md": article({ title: "旧标题", date: "2026-04-08 09:30" }),
    "b.md": article({ date: "2026-04-07 09:30" }),
  });
  const list = listOf(t, root);
  assert.equal(list(FOLDER).length, 2);
  const articles = path.join(root, "content/articles");
  await writeFile(path.join(articles, "a.md"), article({ title: "新标题", date: "2026-04-01 09:30" }));
  await writeFile(path.join(articles, "c.md"), article({ date: "2026-04-09 09:30" }));
  await rm(path.join(articles, "b.md"));
  // As the web editor saves a new article: a new channel and year folder, then the file.
  await mkdir(path.join(articles, "tiyu/2026"), { recursive: true });
  await writeFile(path.join(articles, "tiyu/2026/d.md"), article({ date: "2026-04-10 09:30" }));
  const expected = ["content/articles/tiyu/2026/d.md", "content/articles/c.md", "content/articles/a.md"];
  let entries = list(FOLDER);
  // The watcher reports changes a moment later.
  for (let i = 0; i < 100 && JSON.stringify(paths(entries)) !== JSON.stringify(expected); i++) {
    await sleep(50);
    entries = list(FOLDER);
  }
  assert.deepEqual(paths(entries), expected);
  assert.match(entries[2]?.data ?? "", /新标题/);
});

test("a folder that appears after the first list is listed", async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), "heze-entry-list-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  const list = listOf(t, root);
  assert.deepEqual(list(FOLDER), []);
  await mkdir(path.join(root, "content/articles/bendi"), { recursive: true });
  await writeFile(path.join(root, "content/articles/bendi/a.md"), article());
  assert.deepEqual(paths(list(FOLDER)), ["content/articles/bendi/a.md"]);
});

test("a folder outside the repository is refused; a missing one is an empty list", async (t) => {
  const root = await repo(t, {});
  const list = listOf(t, root);
  assert.throws(() => list({ ...FOLDER, folder: "../elsewhere" }), /outside the repository/);
  assert.deepEqual(list({ ...FOLDER, folder: "content/nothing" }), []);
  assert.deepEqual(list({ ...FOLDER, folder: "content" }), [], "site.yaml is not an md file");
});

test("a channel written as its slug is listed by its name; the file is not touched", async (t) => {
  const root = await repo(t, {
    "a.md": article({ section: "shehui", date: "2026-04-08 09:30" }),
    "b.md": "---\ntitle: 乙\nsection: 'bendi'\ndate: 2026-04-07 09:30\n---\n正文\n",
    "c.md": article({ section: "本地要闻", date: "2026-04-06 09:30" }),
    "d.md": article({ section: "nosuch", date: "2026-04-05 09:30" }),
  });
  const names: Record<string, string> = { shehui: "社会热点", bendi: "本地要闻" };
  const sections = listOf(
    t,
    root,
    (slug) => names[slug],
  )(FOLDER).map((e) => /^section: (.*)$/m.exec(e.data)?.[1]);
  assert.deepEqual(sections, ["社会热点", "本地要闻", '"本地要闻"', '"nosuch"']);
  assert.match(await readFile(path.join(root, "content/articles/a.md"), "utf8"), /section: "shehui"/);
});
