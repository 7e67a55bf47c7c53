import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { describeFile } from "../../src/hosting/describe-file.ts";
import { asKeptPagesIndex, KeptPages, NO_KEPT_PAGES, type PageInputs } from "../../src/pages/kept-pages.ts";
import type { RenderedPages } from "../../src/pages/page-writer.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const page = (url: string, shows: string): PageInputs => ({ url, layout: "list.njk", inputs: [shows] });

/** Writes each page's text under `dir` as the renderer would, and notes it in `rendered`. */
async function render(dir: string, pages: [PageInputs, string][], rendered: RenderedPages): Promise<void> {
  for (const [{ url }, text] of pages) {
    const file = path.join(dir, url.slice(1), "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    rendered[`${url.slice(1)}index.html`] = describeFile(Buffer.from(text));
  }
}

test("a page kept by one build is linked by the next from its copy, and a changed page is rendered", async () => {
  const root = await tempDir("heze-kept-pages-");
  const copies = path.join(root, "cache", "pages");
  const a = page("/bendi/", "第 1 页");
  const b = page("/tags/x/", "标签 x");

  const first = new KeptPages(copies, NO_KEPT_PAGES, "key 1");
  const firstRendered: RenderedPages = {};
  assert.deepEqual(first.reuse([a, b], path.join(root, "one"), firstRendered), [a, b]);
  await render(
    path.join(root, "one"),
    [
      [a, "频道"],
      [b, "标签"],
    ],
    firstRendered,
  );
  const index = await first.keep(path.join(root, "one"), firstRendered);
  assert.deepEqual(index.paths, ["bendi/index.html", "tags/x/index.html"]);
  assert.deepEqual(asKeptPagesIndex(JSON.parse(JSON.stringify(index))), index);
  assert.equal(listFiles(copies).length, 2);

  // The next build: a unchanged, b shows something else.
  const changedB = page("/tags/x/", "标签 x, 新稿");
  const second = new KeptPages(copies, index, "key 1");
  const secondRendered: RenderedPages = {};
  const toRender = second.reuse([a, changedB], path.join(root, "two"), secondRendered);
  assert.deepEqual(toRender, [changedB]);
  assert.equal(await readFile(path.join(root, "two", "bendi", "index.html"), "utf8"), "频道");
  assert.deepEqual(secondRendered["bendi/index.html"], firstRendered["bendi/index.html"]);
  assert.equal(second.summary, "reused 1 of 2 pages");
  await render(path.join(root, "two"), [[changedB, "标签, 新稿"]], secondRendered);
  const next = await second.keep(path.join(root, "two"), secondRendered);
  second.dropUnused();
  assert.equal(listFiles(copies).length, 2, "b's old copy is gone, its new one kept");
  assert.equal(next.sizes[1], Buffer.byteLength("标签, 新稿"));

  // Another key changes every fingerprint: nothing is reused.
  const third = new KeptPages(copies, next, "key 2");
  assert.equal(third.reuse([a, changedB], path.join(root, "three"), {}).length, 2);
  assert.equal(existsSync(path.join(root, "three", "bendi", "index.html")), false);
});

test("a page written again while the preview keeps its cache is left out, its copy not kept", async () => {
  const root = await tempDir("heze-kept-pages-");
  const copies = path.join(root, "cache", "pages");
  const output = path.join(root, "_preview");
  const a = page("/bendi/", "第 1 页");
  const b = page("/bendi/a/", "稿件 a");
  const kept = new KeptPages(copies, NO_KEPT_PAGES, "key");
  const rendered: RenderedPages = {};
  kept.reuse([a, b], output, rendered);
  await render(
    output,
    [
      [a, "频道"],
      [b, "旧标题"],
    ],
    rendered,
  );
  // An edit in place writes b again before the save links it: its copy would hold the new text
  // under the fingerprint of the old.
  await render(output, [[b, "新标题"]], {});
  const index = await kept.keep(output, rendered, undefined, new Set(["bendi/a/index.html"]));
  assert.deepEqual(index.paths, ["bendi/index.html"]);
  assert.equal(listFiles(copies).length, 1);
  const next = new KeptPages(copies, index, "key");
  assert.deepEqual(next.reuse([a, b], path.join(root, "next"), {}), [b], "b is rendered again");
});

test("an index whose columns do not agree is not one", () => {
  const row = { paths: ["a/index.html"], fingerprints: "f".repeat(64), sizes: [1], digests: "d".repeat(64) };
  assert.ok(asKeptPagesIndex(row));
  assert.equal(asKeptPagesIndex({ ...row, sizes: [] }), undefined);
  assert.equal(asKeptPagesIndex({ ...row, digests: "d".repeat(63) }), undefined);
  assert.equal(asKeptPagesIndex({ ...row, fingerprints: undefined }), undefined);
  assert.equal(asKeptPagesIndex({ entries: [] }), undefined);
});

test("a kept page whose inputs are older than every change keeps its fingerprint without making it", async () => {
  const root = await tempDir("heze-kept-pages-");
  const copies = path.join(root, "cache", "pages");
  const older = { ...page("/bendi/page/1/", "一月的稿件"), dependsUpTo: 100 };
  const newer = { ...page("/bendi/page/2/", "二月的稿件"), dependsUpTo: 200 };
  const first = new KeptPages(copies, NO_KEPT_PAGES, "key");
  const rendered: RenderedPages = {};
  first.reuse([older, newer], path.join(root, "one"), rendered);
  await render(
    path.join(root, "one"),
    [
      [older, "一月"],
      [newer, "二月"],
    ],
    rendered,
  );
  const index = await first.keep(path.join(root, "one"), rendered);

  // Both now show something else; the earliest change was published at 150: only the page that
  // depends on later articles is fingerprinted, and found changed.
  const shown = (p: PageInputs): PageInputs => ({ ...p, inputs: ["另一篇"] });
  const second = new KeptPages(copies, index, "key");
  const toRender = second.reuse([shown(older), shown(newer)], path.join(root, "two"), {}, undefined, 150);
  assert.deepEqual(
    toRender.map((p) => p.url),
    ["/bendi/page/2/"],
  );
  assert.equal(second.summary, "reused 1 of 2 pages (1 older than every change)");
  // Not once the change is earlier, nor for a page that was not kept, nor without a date.
  const third = new KeptPages(copies, index, "key");
  const unkept = { ...page("/bendi/page/3/", "三月"), dependsUpTo: 50 };
  const undated = { ...older, dependsUpTo: undefined };
  assert.equal(third.reuse([shown(older), unkept], path.join(root, "three"), {}, undefined, 100).length, 2);
  assert.equal(third.reuse([shown(undated)], path.join(root, "four"), {}, undefined, 150).length, 1);
  // Nor under another key (the search turned on or off): every fingerprint starts from it.
  const otherKey = new KeptPages(copies, index, "key, search on");
  assert.equal(otherKey.reuse([older], path.join(root, "five"), {}, undefined, 150).length, 1);
  assert.equal(otherKey.summary, "reused 0 of 1 pages");
});
