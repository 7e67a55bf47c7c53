/**
 * Git's word on the article files (src/build/git-blobs.ts): the blob id of each file whose working
 * copy is the one in git's index, and nothing for a file edited since, one git does not track, or a
 * folder outside any work tree. The ids are compared with `git hash-object`'s.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { cleanBlobIds, gitBlobId } from "../../src/build/git-blobs.ts";
import { article } from "../helpers/fixture-site.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=编辑", "-c", "user.email=desk@heze.cn", ...args], {
    encoding: "utf8",
  }).trim();

test("files git holds clean have their blob ids; a file edited since, or one git does not track, has none", async () => {
  const repo = await tempDir("heze-git-");
  const articles = path.join(repo, "content", "articles");
  await mkdir(path.join(articles, "bendi"), { recursive: true });
  const file = (name: string) => path.join(articles, name);
  await writeFile(file("bendi/clean.md"), article({ title: "牡丹花开" }));
  await writeFile(file("bendi/edited.md"), article({ title: "黄河滩区" }));
  await writeFile(path.join(repo, "outside.md"), article());
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "稿件");
  await writeFile(file("bendi/edited.md"), article({ title: "黄河滩区迁建" }));
  await writeFile(file("bendi/new.md"), article({ title: "新稿" }));

  const blobs = await cleanBlobIds(articles);
  assert.deepEqual([...blobs.keys()], [file("bendi/clean.md")], "only the clean file under the folder");
  assert.equal(blobs.get(file("bendi/clean.md")), git(repo, "hash-object", file("bendi/clean.md")));
});

test("a relative folder gives the paths path.join gives", async () => {
  const repo = await tempDir("heze-git-");
  await mkdir(path.join(repo, "articles"));
  await writeFile(path.join(repo, "articles", "a.md"), article());
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "稿件");
  const relative = path.relative(process.cwd(), path.join(repo, "articles"));
  assert.deepEqual([...(await cleanBlobIds(relative)).keys()], [path.join(relative, "a.md")]);
});

test("outside a git work tree there is no answer", async () => {
  const dir = await tempDir("heze-nogit-");
  await writeFile(path.join(dir, "a.md"), article());
  assert.equal((await cleanBlobIds(dir)).size, 0);
  assert.equal((await cleanBlobIds(path.join(dir, "missing"))).size, 0);
});

test("gitBlobId gives git's id for the bytes, Chinese text included, in SHA-1 and SHA-256 repositories", async () => {
  for (const format of ["sha1", "sha256"]) {
    const repo = await tempDir("heze-git-");
    git(repo, "init", "-q", `--object-format=${format}`);
    const file = path.join(repo, "a.md");
    await writeFile(file, article({ title: "菏泽日报" }, "正文".repeat(500)));
    const id = git(repo, "hash-object", file);
    assert.equal(gitBlobId(await readFile(file), id.length), id, format);
  }
});
