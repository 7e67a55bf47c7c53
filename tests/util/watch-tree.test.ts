import assert from "node:assert/strict";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { watchTree } from "../../src/util/watch-tree.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** Waits until `heard` holds every path of `expected` (or fails after 5 s), then empties it. */
async function hears(heard: Set<string>, expected: string[]): Promise<void> {
  for (let waited = 0; !expected.every((file) => heard.has(file)); waited += 20) {
    if (waited > 5000) assert.fail(`heard ${[...heard].join(", ") || "nothing"}, not ${expected.join(", ")}`);
    await sleep(20);
  }
  heard.clear();
}

test("every change below the folder is reported once it settles, new folders included", async (t) => {
  const root = await tempDir("heze-watch-tree-");
  const at = (...parts: string[]) => path.join(root, ...parts);
  await mkdir(at("articles", "bendi"), { recursive: true });
  await writeFile(at("articles", "bendi", "a.md"), "甲");
  await writeFile(at("site.yaml"), "name: 中国菏泽网");
  const heard = new Set<string>();
  const reports: string[] = [];
  const watcher = watchTree(root, (file) => (heard.add(file), reports.push(file)));
  t.after(() => watcher.close());

  // A file written in several pieces is reported once.
  await writeFile(at("articles", "bendi", "a.md"), "甲，");
  await writeFile(at("articles", "bendi", "a.md"), "甲，改");
  await hears(heard, [at("articles", "bendi", "a.md")]);
  assert.equal(reports.length, 1);

  await writeFile(at("site.yaml"), "name: 菏泽日报");
  await hears(heard, [at("site.yaml")]);

  // A new folder with a file already in it: the file is reported and the folder watched from now on.
  await mkdir(at("articles", "tiyu", "2026"), { recursive: true });
  await writeFile(at("articles", "tiyu", "2026", "b.md"), "乙");
  await hears(heard, [at("articles", "tiyu", "2026", "b.md")]);
  await writeFile(at("articles", "tiyu", "2026", "b.md"), "乙，改");
  await hears(heard, [at("articles", "tiyu", "2026", "b.md")]);

  // Removed and renamed files and folders are reported by their old and new names.
  await rename(at("articles", "bendi", "a.md"), at("articles", "bendi", "c.md"));
  await hears(heard, [at("articles", "bendi", "a.md"), at("articles", "bendi", "c.md")]);
  await rm(at("articles", "tiyu"), { recursive: true });
  await hears(heard, [at("articles", "tiyu")]);

  // A file that came and went between two looks (sed -i's temporary file) is not reported.
  await writeFile(at("articles", "bendi", "sedX4f2"), "甲");
  await rename(at("articles", "bendi", "sedX4f2"), at("articles", "bendi", "c.md"));
  await hears(heard, [at("articles", "bendi", "c.md")]);
  assert.ok(!reports.some((file) => file.includes("sedX4f2")));

  // Hidden files (an editor's swap file) are not reported.
  await writeFile(at("articles", "bendi", ".c.md.swp"), "");
  await writeFile(at("articles", "bendi", "d.md"), "丁");
  await hears(heard, [at("articles", "bendi", "d.md")]);
  assert.ok(!reports.some((file) => file.endsWith(".swp")));

  watcher.close();
  await writeFile(at("articles", "bendi", "d.md"), "丁，改");
  await sleep(200);
  assert.equal(heard.size, 0, "nothing after close");
});
