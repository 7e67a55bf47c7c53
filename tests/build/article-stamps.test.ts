import assert from "node:assert/strict";
import { mkdir, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { stampArticleFiles } from "../../src/build/article-stamps.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("the article files, their stamps and the links met are the same found on a second thread or on this one", async () => {
  const articles = path.join(await tempDir("heze-stamps-"), "articles");
  for (const file of ["bendi/a.md", "bendi/2026/b.md", "shehui/c.md", "shehui/notes.txt"]) {
    await mkdir(path.dirname(path.join(articles, file)), { recursive: true });
    await writeFile(path.join(articles, file), `稿件 ${file}`);
  }
  await symlink(path.join(articles, "shehui"), path.join(articles, "bendi", "linked"));
  const here = await stampArticleFiles(articles, { threaded: false });
  const threaded = await stampArticleFiles(articles, { threaded: true });
  assert.deepEqual(threaded, here);
  assert.deepEqual(
    here.files.map((file) => path.relative(articles, file)),
    ["bendi/2026/b.md", "bendi/a.md", "shehui/c.md"],
  );
  assert.deepEqual(here.links, [path.join(articles, "bendi", "linked")], "a link is named, not followed");
  const { size, mtimeMs, ctimeMs, ino } = await stat(here.files[1]!);
  assert.deepEqual([...here.stats.subarray(4, 8)], [size, mtimeMs, ctimeMs, ino]);

  const none = path.join(articles, "none");
  assert.deepEqual(await stampArticleFiles(none, { threaded: true }), {
    files: [],
    links: [],
    stats: new Float64Array(),
  });
});

test("on two threads, every file's stamp is filled in, whichever thread took its run", async () => {
  const articles = path.join(await tempDir("heze-stamps-runs-"), "articles");
  const names = Array.from({ length: 2500 }, (_, i) => `c${i % 7}/a${String(i).padStart(4, "0")}.md`);
  for (const dir of new Set(names.map((name) => path.dirname(name))))
    await mkdir(path.join(articles, dir), { recursive: true });
  await Promise.all(names.map((name, i) => writeFile(path.join(articles, name), "稿".repeat(i % 50))));
  const { files, stats } = await stampArticleFiles(articles, { threaded: true });
  assert.equal(files.length, names.length);
  for (const [i, file] of files.entries()) {
    const { size, mtimeMs, ctimeMs, ino } = await stat(file);
    assert.deepEqual([...stats.subarray(4 * i, 4 * i + 4)], [size, mtimeMs, ctimeMs, ino], file);
  }
});
