import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { joinedPrefix, listFiles } from "../../src/util/list-files.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("every file below a folder, as sorted POSIX paths relative to it", async () => {
  const dir = await tempDir("heze-list-");
  for (const file of ["index.html", "css/site.css", "bendi/2021/11/22/a/index.html", "bendi/index.html"]) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), "x");
  }
  assert.deepEqual(listFiles(dir), [
    "bendi/2021/11/22/a/index.html",
    "bendi/index.html",
    "css/site.css",
    "index.html",
  ]);
});

test("empty folders list nothing", async () => {
  const dir = await tempDir("heze-list-");
  await mkdir(path.join(dir, "empty/deeper"), { recursive: true });
  await writeFile(path.join(dir, "a.txt"), "a");
  assert.deepEqual(listFiles(dir), ["a.txt"]);
  assert.deepEqual(listFiles(path.join(dir, "empty")), []);
});

test("a missing folder is an error, not an empty site", () => {
  assert.throws(() => listFiles("/nonexistent/heze-site"), { code: "ENOENT" });
});

test("joinedPrefix + a listed path is what path.join gives, whatever the folder's spelling", () => {
  for (const dir of [
    "",
    ".",
    "./",
    "/",
    "content/articles",
    "content/articles/",
    "a/../b",
    "../up",
    "/tmp/x//y",
  ])
    for (const file of ["a.md", "bendi/a.md", "bendi/2021/稿件.md"])
      assert.equal(joinedPrefix(dir) + file, path.join(dir, file), `${dir} + ${file}`);
});
