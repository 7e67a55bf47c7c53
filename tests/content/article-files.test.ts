import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { findArticleFiles } from "../../src/content/article-files.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("article files are the .md files below the folder, each as path.join(dir, file) gives it", async () => {
  const root = await tempDir("heze-article-files-");
  const files = ["top.md", "bendi/a.md", "bendi/2026/新闻 稿.md", "shehui/.hidden.md", "shehui/b.md.txt"];
  for (const file of files) {
    await mkdir(path.join(root, "articles", path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, "articles", file), "x");
  }
  const cwd = process.cwd();
  try {
    process.chdir(root);
    // The folder as it may be written: absolute, with a trailing slash, relative, with dots, or `.`.
    for (const dir of [
      path.join(root, "articles"),
      `${root}/articles/`,
      "articles",
      "./articles",
      "articles/bendi/..",
    ]) {
      const expected = listFiles(dir)
        .filter((file) => file.endsWith(".md"))
        .map((file) => path.join(dir, file));
      assert.equal(expected.length, 4);
      assert.deepEqual((await findArticleFiles(dir)).files, expected, dir);
    }
    process.chdir(path.join(root, "articles"));
    assert.deepEqual((await findArticleFiles(".")).files, [
      "bendi/2026/新闻 稿.md",
      "bendi/a.md",
      "shehui/.hidden.md",
      "top.md",
    ]);
  } finally {
    process.chdir(cwd);
  }
  assert.deepEqual(await findArticleFiles(path.join(root, "none")), { files: [], links: [] });
});
