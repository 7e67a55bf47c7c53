import assert from "node:assert/strict";
import fs from "node:fs";
import fsp, { rm } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { createBuildContext } from "../../src/build/build-context.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { writeAssets } from "../../src/build/write-assets.ts";
import { writeHeadersFile } from "../../src/build/headers-file.ts";
import { writeScheduleFile } from "../../src/build/schedule-file.ts";
import { ContentError } from "../../src/content/problems.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

/**
 * Counts, until the test ends, the files read with fs's readFileSync or fs/promises' readFile whose
 * path ends so.
 */
function countReads(t: TestContext, ...endings: string[]): Map<string, number> {
  const counts = new Map(endings.map((ending) => [ending, 0]));
  const count = <Read extends object>(read: Read): Read =>
    ((file: unknown, ...rest: unknown[]) => {
      for (const ending of endings)
        if (String(file).endsWith(ending)) counts.set(ending, counts.get(ending)! + 1);
      return (read as unknown as (...args: unknown[]) => unknown)(file, ...rest);
    }) as unknown as Read;
  const originals = { sync: fs.readFileSync, promised: fsp.readFile };
  fs.readFileSync = count(originals.sync);
  fsp.readFile = count(originals.promised);
  syncBuiltinESMExports();
  t.after(() => {
    fs.readFileSync = originals.sync;
    fsp.readFile = originals.promised;
    syncBuiltinESMExports();
  });
  return counts;
}

test("a production build reads site.yaml once and plans the asset names once", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article({ title: "甲", tags: ["牡丹"], aliases: ["/old/a.htm"] }),
    "articles/bendi/b.md": article({ title: "乙", date: "2021-11-20 08:00", expires: "2021-11-21 08:00" }),
  });
  const outputDir = path.join(path.dirname(contentDir), "_site");
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const options = readBuildOptions({
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: outputDir,
    HEZE_NOW: "2021-11-23 12:00",
    SEARCH: "off",
    // No cache: one would hold the plan, and hashes site.yaml for its key.
    HEZE_CACHE: "off",
  });
  const reads = countReads(t, "site.yaml", path.join("public", "css", "site.css"));
  await buildSite(options, [[writeScheduleFile, writeAssets], [writeHeadersFile]]);
  assert.equal(reads.get("site.yaml"), 1);
  assert.equal(
    reads.get(path.join("public", "css", "site.css")),
    1,
    "the stylesheet is read once, to name it",
  );
});

test("a content error is thrown while making the context, before anything is written", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article(),
    "articles/bendi/b.md": article({ date: "2021-13-45" }),
  });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  await assert.rejects(createBuildContext(readBuildOptions({ HEZE_CONTENT: contentDir })), (error) => {
    assert.ok(error instanceof ContentError);
    assert.deepEqual(
      error.problems.map((p) => [path.basename(p.file), p.field]),
      [["b.md", "date"]],
    );
    return true;
  });
});
