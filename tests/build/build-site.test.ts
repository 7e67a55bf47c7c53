import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { parseBuildManifest } from "../../src/hosting/build-manifest.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { article, buildContent, buildFixture } from "../helpers/fixture-site.ts";
import { snapshot } from "../helpers/file-tree.ts";

/** What the build left beside the output: staging or previous folders must not outlive a build. */
async function leftovers(outputDir: string): Promise<string[]> {
  const names = await readdir(path.dirname(outputDir));
  return names.filter((name) => name.startsWith(`${path.basename(outputDir)}.`));
}

test("a build failing on a bad article leaves the previous site byte-identical", async () => {
  const site = await buildFixture({ "articles/bendi/good.md": article({ title: "好稿件" }) });
  assert.equal(site.exitCode, 0, site.stderr);
  const before = await snapshot(site.outputDir);
  assert.ok(before.size > 5);

  await writeFile(path.join(site.contentDir, "articles/bendi/bad.md"), article({ date: "2021-13-45" }));
  await writeFile(path.join(site.contentDir, "articles/bendi/good.md"), article({ title: "改过的标题" }));
  const failed = await buildContent(site.contentDir);
  assert.equal(failed.exitCode, 1);
  assert.match(failed.stderr, /bad\.md.*date/);
  assert.deepEqual(await snapshot(site.outputDir), before);
  assert.deepEqual(await leftovers(site.outputDir), []);
});

test("a build failing in an after-build step, once every page is written, changes nothing; the next is as a cold one", async (t) => {
  const site = await buildFixture({ "articles/bendi/good.md": article({ title: "好稿件" }) });
  assert.equal(site.exitCode, 0, site.stderr);
  const before = await snapshot(site.outputDir);
  await writeFile(path.join(site.contentDir, "articles/bendi/good.md"), article({ title: "改过的标题" }));

  const saved = { ...process.env };
  t.after(() => {
    process.env = saved;
  });
  Object.assign(process.env, {
    HEZE_CONTENT: site.contentDir,
    HEZE_OUTPUT: site.outputDir,
    HEZE_CACHE: path.join(path.dirname(site.contentDir), ".cache"),
    SEARCH: "off",
  });
  let pagesWritten = 0;
  const failing = {
    name: "failing step",
    async run(dir: string) {
      pagesWritten = listFiles(dir).filter((f) => f.endsWith(".html")).length;
      throw new Error("disk full");
    },
  };
  await assert.rejects(buildSite(readBuildOptions(), [[failing]]), /disk full/);
  assert.ok(pagesWritten >= 2, "the step ran on a complete staging folder");
  assert.deepEqual(await snapshot(site.outputDir), before);
  assert.deepEqual(await leftovers(site.outputDir), []);

  // The cache was kept beside the failing step: what it holds is right for its inputs, so the next
  // build, warm from it, writes what a cold build of the same content writes.
  const warm = await buildContent(site.contentDir);
  assert.equal(warm.exitCode, 0, warm.stderr);
  assert.match(warm.stdout, /build cache: reused 1 of 1 articles/);
  const cold = await buildContent(site.contentDir, {
    HEZE_OUTPUT: path.join(path.dirname(site.outputDir), "cold"),
    HEZE_CACHE: "off",
  });
  assert.deepEqual(await snapshot(warm.outputDir), await snapshot(cold.outputDir));
});

test("a site of over 1,000 pages is written on the second thread, each page as the manifest says", async () => {
  const files = Object.fromEntries(
    Array.from({ length: 1000 }, (_, i) => [
      `articles/bendi/a${i}.md`,
      article({ title: `稿件${i}`, date: `2021-11-${String(1 + (i % 28)).padStart(2, "0")} 09:27` }),
    ]),
  );
  const site = await buildFixture(files);
  assert.equal(site.exitCode, 0, site.stderr);
  const manifest = parseBuildManifest(await site.file(MANIFEST_FILE));
  const pages = Object.keys(manifest.files).filter((file) => file.startsWith("bendi/2021/"));
  assert.equal(pages.length, 1000);
  const snapshotNow = await snapshot(site.outputDir);
  for (const [file, entry] of Object.entries(manifest.files))
    assert.equal(snapshotNow.get(file), entry.sha256, file);
  const doc = await site.page("/bendi/2021/11/05/a4/");
  assert.equal(doc.querySelector("h1")?.textContent, "稿件4");
});
