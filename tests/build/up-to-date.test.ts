/**
 * What the up-to-date check finds of the article files (src/build/up-to-date.ts), as the build after
 * it reads them from `checked`: each file's digest (read, or the one noted for its stamp), its stamp
 * once it has settled, and git's blob id where that is the id of the digested bytes; a check that
 * finds nothing changed notes the stamps of the files it read. The whole check
 * (nothing changed, then a build) is exercised by tests/build/warm-build.test.ts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { DateTime } from "luxon";
import { sourceDigest } from "../../src/content/article.ts";
import type { BuildOptions } from "../../src/build/build-options.ts";
import { checkUpToDate, noteBuiltFrom, type Dates } from "../../src/build/up-to-date.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { sha256 } from "../../src/util/sha256.ts";
import { article } from "../helpers/fixture-site.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=编辑", "-c", "user.email=desk@heze.cn", ...args], {
    encoding: "utf8",
  }).trim();

const KEY = { code: "code", site: "site", media: "media", settings: "settings" };

/** A build's options for a site under `root`: content/, .cache/ and _site/ in it. */
const optionsIn = (root: string): BuildOptions => ({
  contentDir: path.join(root, "content"),
  outputDir: path.join(root, "_site"),
  cacheDir: path.join(root, ".cache", "img"),
  buildCache: path.join(root, ".cache"),
  now: DateTime.fromISO("2026-12-03T12:00:00+08:00"),
  search: false,
  preview: false,
  editorPort: 8081,
});

test("the check gives each file's digest, its stamp once settled and git's blob id; an edited file is read, the others not", async () => {
  const repo = await tempDir("heze-check-");
  const contentDir = path.join(repo, "content");
  const cacheDir = path.join(repo, ".cache");
  await mkdir(path.join(contentDir, "articles", "bendi"), { recursive: true });
  const file = (name: string) => path.join(contentDir, "articles", "bendi", name);
  await writeFile(file("a.md"), article({ title: "牡丹花开" }));
  await writeFile(file("b.md"), article({ title: "黄河滩区" }));
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "稿件");
  // A stamp is kept only for a file unchanged in the two seconds before it was hashed.
  await sleep(2100);
  const options = optionsIn(repo);
  const digest = (name: string) => sourceDigest(readFileSync(file(name)));
  const stamp = (name: string) => {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file(name));
    return [size, mtimeMs, ctimeMs, ino];
  };

  const first = await checkUpToDate(options, cacheDir, KEY);
  assert.ok(!first.upToDate, "nothing noted yet");
  const { checked } = first;
  assert.deepEqual(checked.listed.files, [file("a.md"), file("b.md")]);
  assert.equal(checked.read, 2, "with nothing noted, every file is read");
  assert.equal(checked.digestOf(file("a.md")), digest("a.md"));
  assert.deepEqual(checked.stampOf(file("a.md")), stamp("a.md"));
  assert.equal(checked.blobOf(file("a.md")), git(repo, "hash-object", file("a.md")));
  assert.equal(checked.digestOf(file("c.md")), undefined, "a file the check did not list");
  assert.equal(checked.stampOf(file("c.md")), null);
  assert.equal(checked.blobOf(file("c.md")), undefined);

  const dates: Dates = [false, 0, null];
  const files: [string, string, Dates][] = ["a.md", "b.md"].map((name) => [file(name), digest(name), dates]);
  noteBuiltFrom(options, cacheDir, KEY, { files, manifest: "" }, checked);
  await writeFile(file("b.md"), article({ title: "黄河滩区迁建" }));

  const second = await checkUpToDate(options, cacheDir, KEY);
  assert.ok(!second.upToDate, "a file was edited");
  const again = second.checked;
  assert.equal(again.read, 1, "only the edited file is read");
  assert.equal(again.digestOf(file("a.md")), digest("a.md"), "the noted digest, for the noted stamp");
  assert.equal(again.digestOf(file("b.md")), digest("b.md"), "the edited file's new bytes");
  assert.deepEqual(again.stampOf(file("a.md")), stamp("a.md"));
  assert.equal(again.stampOf(file("b.md")), null, "changed in the last two seconds: no stamp kept");
  assert.equal(again.blobOf(file("a.md")), git(repo, "hash-object", file("a.md")), "as noted");
  assert.equal(again.blobOf(file("b.md")), undefined, "git holds other bytes than the edited file's");
});

test("a check that finds nothing changed notes the stamps of the files it read, so the next reads none", async () => {
  const options = optionsIn(await tempDir("heze-check-"));
  const { contentDir, outputDir, buildCache: cacheDir = "" } = options;
  await mkdir(path.join(contentDir, "articles", "bendi"), { recursive: true });
  await mkdir(outputDir);
  const files = ["a.md", "b.md"].map((name) => path.join(contentDir, "articles", "bendi", name));
  for (const [i, file] of files.entries()) await writeFile(file, article({ title: `第${i + 1}篇` }));
  const manifest = '{"files":{}}\n';
  await writeFile(path.join(outputDir, MANIFEST_FILE), manifest);
  const first = await checkUpToDate(options, cacheDir, KEY);
  assert.ok(!first.upToDate, "nothing noted yet");
  const dates: Dates = [false, 0, null];
  const noted = files.map((file): [string, string, Dates] => [file, first.checked.digestOf(file)!, dates]);
  // Written just now: noted without stamps, as a build right after its files were written notes them.
  noteBuiltFrom(options, cacheDir, KEY, { files: noted, manifest: sha256(manifest) }, first.checked);
  await sleep(2100);

  const second = await checkUpToDate(options, cacheDir, KEY);
  assert.deepEqual(second, { upToDate: true, read: 2 }, "no stamp noted: both files are read");
  const third = await checkUpToDate(options, cacheDir, KEY);
  assert.deepEqual(third, { upToDate: true, read: 0 }, "their settled stamps were noted by the last check");
});
