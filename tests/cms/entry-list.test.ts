import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { entryList, RECENT_ENTRIES } from "../../src/cms/entry-list.ts";
import { article } from "../helpers/fixture-site.ts";

const FOLDER = { folder: "content/articles", extension: "md", depth: 3 };

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
  const entries = entryList(root)(FOLDER);
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
  const [entry] = entryList(root)(FOLDER);
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
  const list = entryList(root);
  const latest = list(FOLDER);
  assert.equal(latest.length, RECENT_ENTRIES);
  assert.equal(latest[0]?.file.path, `content/articles/a${RECENT_ENTRIES + 4}.md`);
  assert.ok(!paths(latest).includes("content/articles/a0.md"), "the oldest is not listed");

  assert.deepEqual(paths(list({ ...FOLDER, all: true, search: "稿件  第0期" })), ["content/articles/a0.md"]);
  assert.deepEqual(paths(list({ ...FOLDER, all: true, search: "第0期 没有" })), []);
  assert.equal(list({ ...FOLDER, all: true, search: "稿件" }).length, RECENT_ENTRIES);
  assert.equal(list({ ...FOLDER, all: true }).length, RECENT_ENTRIES + 5);
});

test("an edited, added or removed file shows in the next list", async (t) => {
  const root = await repo(t, {
    "a.md": article({ title: "旧标题", date: "2026-04-08 09:30" }),
    "b.md": article({ date: "2026-04-07 09:30" }),
  });
  const list = entryList(root);
  assert.equal(list(FOLDER).length, 2);
  const a = path.join(root, "content/articles/a.md");
  await writeFile(a, article({ title: "新标题", date: "2026-04-01 09:30" }));
  const later = new Date(Date.now() + 5000);
  await utimes(a, later, later);
  await writeFile(path.join(root, "content/articles/c.md"), article({ date: "2026-04-09 09:30" }));
  await rm(path.join(root, "content/articles/b.md"));
  const entries = list(FOLDER);
  assert.deepEqual(paths(entries), ["content/articles/c.md", "content/articles/a.md"]);
  assert.match(entries[1]?.data ?? "", /新标题/);
});

test("a folder outside the repository is refused; a missing one is an empty list", async (t) => {
  const root = await repo(t, {});
  const list = entryList(root);
  assert.throws(() => list({ ...FOLDER, folder: "../elsewhere" }), /outside the repository/);
  assert.deepEqual(list({ ...FOLDER, folder: "content/nothing" }), []);
});
