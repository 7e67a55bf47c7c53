import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { parseShard } from "../../src/build-options.ts";
import { article, buildContent, writeFixture } from "../helpers/fixture-site.ts";

async function digest(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(
      path.relative(dir, file),
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return files;
}

test("a build split over processes writes exactly what one process writes", async () => {
  const files = Object.fromEntries(
    Array.from({ length: 7 }, (_, i) => [
      `articles/${i % 2 ? "tiyu" : "bendi"}/a${i}.md`,
      article({ title: `稿件${i}`, section: i % 2 ? "体育" : "本地要闻", date: `2021-11-2${i} 09:27` }),
    ]),
  );
  const contentDir = await writeFixture(files);
  const single = await buildContent(contentDir, { HEZE_SHARDS: "1" });
  assert.equal(single.exitCode, 0, single.stderr);
  const one = await digest(single.outputDir);
  const split = await buildContent(contentDir, { HEZE_SHARDS: "3" });
  assert.equal(split.exitCode, 0, split.stderr);
  assert.deepEqual(await digest(split.outputDir), one);
  assert.ok(one.size > 7);
});

test("content errors in a split build are reported once, plainly", async () => {
  const contentDir = await writeFixture({
    "articles/bendi/good.md": article(),
    "articles/bendi/bad.md": article({ date: "2021-11-31 09:00" }),
  });
  const result = await buildContent(contentDir, { HEZE_SHARDS: "2" });
  assert.equal(result.exitCode, 1);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.filter((line) => line.includes("bad.md")).length, 1, result.stderr);
  assert.match(lines[0] ?? "", /bad\.md:5:1: date: got "2021-11-31 09:00": not a real date/);
});

test("HEZE_SHARD is i/n with i < n", () => {
  assert.deepEqual(parseShard(undefined), { index: 0, count: 1 });
  assert.deepEqual(parseShard("1/2"), { index: 1, count: 2 });
  assert.throws(() => parseShard("2/2"), /expected i\/n/);
  assert.throws(() => parseShard("x"), /expected i\/n/);
});
