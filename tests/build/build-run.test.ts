import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { createBuildContext } from "../../src/build/build-context.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { BuildRun } from "../../src/build/build-run.ts";
import type { BulkPage } from "../../src/pages/bulk-pages.ts";
import { article, writeFixture, type FixtureFiles } from "../helpers/fixture-site.ts";

test("a production run keeps its context; the preview's makes a fresh one for each rebuild", async () => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  const options = readBuildOptions({ HEZE_CONTENT: contentDir, HEZE_NOW: "2021-11-23 12:00" });
  const context = await createBuildContext(options);
  const production = new BuildRun(options, context);
  assert.equal(await production.refresh(), context);
  assert.equal(await production.context(), context);

  const preview = new BuildRun({ ...options, preview: true });
  const first = await preview.refresh();
  const second = await preview.refresh();
  assert.notEqual(first, second);
  assert.equal(await preview.context(), second);
  assert.equal(first.assets, undefined, "the preview keeps plain asset names");
  assert.ok(context.assets?.renamed.has("css/site.css"));
});

test("the preview changes an edited article in place while it stands where it stood, and reads afresh when it moves", async () => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article({ title: "原标题", date: "2021-11-22 09:27", tags: ["牡丹"] }),
    "articles/bendi/b.md": article({ title: "另一篇", date: "2021-11-21 09:27", tags: ["牡丹"] }),
  });
  const options = readBuildOptions({
    HEZE_CONTENT: contentDir,
    HEZE_NOW: "2021-11-23 12:00",
    HEZE_CACHE: "off",
  });
  const run = new BuildRun({ ...options, preview: true });
  const first = await run.refresh();
  const edited = first.corpus.articles.find((a) => a.title === "原标题")!;
  const file = path.join(contentDir, "articles/bendi/a.md");
  // The article's page, and a page that does not show it.
  const page = (url: string, shown: unknown): BulkPage => ({
    url,
    layout: "article.njk",
    data: {},
    images: [],
    inputs: ["article.njk", shown],
  });
  const other = first.corpus.articles.find((a) => a !== edited)!;
  run.renderedInputs.changed(page("/page/", edited));
  run.renderedInputs.changed(page("/other/", other));
  run.renderedInputs.settle();
  assert.ok(!run.renderedInputs.changed(page("/page/", edited)), "unchanged");
  run.renderedInputs.settle();

  await writeFile(
    file,
    article({ title: "新标题", date: "2021-11-22 09:27", tags: ["牡丹"] }, "改写的正文。"),
  );
  run.articlesEdited([file]);
  const second = await run.refresh();
  assert.equal(second, first, "the same context, lists and all");
  assert.equal(edited.title, "新标题");
  assert.match(edited.html, /改写的正文/);
  assert.ok(second.lists.pages.some((listPage) => listPage.items.includes(edited)));
  // Only the pages showing it render again, found without making every page.
  const ofEdit = run.pagesOfEdit();
  assert.deepEqual(
    ofEdit?.map((p) => p.url),
    ["/page/"],
  );
  assert.ok(run.renderedInputs.changed(ofEdit[0]!), "the page showing it renders again");
  assert.deepEqual(run.renderedInputs.settle(), [], "the pages not rendered stand");
  assert.ok(!run.renderedInputs.changed(page("/page/", edited)), "once");

  await writeFile(file, article({ title: "新标题", date: "2021-11-20 09:27", tags: ["牡丹"] }));
  run.articlesEdited([file]);
  const third = await run.refresh();
  assert.notEqual(third, first, "a new date moves it in the lists: read afresh");
  assert.deepEqual(
    third.corpus.articles.map((a) => a.url),
    ["/bendi/2021/11/21/b/", "/bendi/2021/11/20/a/"],
  );
});

test("the preview's lists carry no sitemap files; a production build's do", async () => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  const options = readBuildOptions({
    HEZE_CONTENT: contentDir,
    HEZE_NOW: "2021-11-23 12:00",
    HEZE_CACHE: "off",
  });
  assert.equal((await new BuildRun({ ...options, preview: true }).refresh()).lists.sitemaps.length, 0);
  assert.equal((await createBuildContext(options)).lists.sitemaps.length, 1);
});

/** A preview's run on a fixture (without a build cache), its first build's context made. */
async function startedPreview(files: FixtureFiles) {
  const contentDir = await writeFixture(files);
  const options = readBuildOptions({
    HEZE_CONTENT: contentDir,
    HEZE_NOW: "2021-11-23 12:00",
    HEZE_CACHE: "off",
  });
  const run = new BuildRun({ ...options, preview: true });
  await run.refresh();
  run.ended(); // as the preview says once it has handed its content to Eleventy's watcher
  return { run, contentDir };
}

test("while the preview keeps its build cache, an edit in place goes first and is left out; a fresh read waits", async (t) => {
  const { run, contentDir } = await startedPreview({
    "articles/bendi/a.md": article({ title: "甲", date: "2021-11-22 09:27" }),
  });
  const first = await run.context();
  const kept = first.corpus.articles[0]!;
  const file = path.join(contentDir, "articles/bendi/a.md");
  await writeFile(file, article({ title: "甲（改）", date: "2021-11-22 09:27" }));

  const steps: string[] = [];
  let leftOut: Set<unknown> | undefined;
  run.keepCacheMeanwhile(async (between, changed) => {
    for (const part of ["articles", "pages"]) {
      await between();
      steps.push(`${part} kept`);
    }
    leftOut = changed.articles;
  });
  run.articlesEdited([file]);
  assert.equal(await run.refresh(), first, "changed in place");
  steps.push("edited in place");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(steps, ["edited in place"], "the save pauses while the edit is built");
  run.ended(); // as Eleventy's watch says once the rebuild is written
  await run.cacheKept;
  assert.deepEqual(steps, ["edited in place", "articles kept", "pages kept"]);
  assert.equal(kept.title, "甲（改）");
  assert.ok(leftOut?.has(kept), "the save leaves the edited article out");
  assert.equal(run.pagesChangedWhileSaving, undefined, "nothing is noted once the save is done");

  const saved = Promise.withResolvers<void>();
  run.keepCacheMeanwhile(async (between) => {
    await between();
    await saved.promise;
    steps.push("cache kept");
  });
  const read = run.refresh().then(() => steps.push("read afresh"));
  await new Promise((resolve) => setTimeout(resolve, 20));
  saved.resolve();
  await read;
  assert.deepEqual(steps.slice(-2), ["cache kept", "read afresh"]);

  const said = t.mock.method(console, "error", () => {});
  run.keepCacheMeanwhile(async () => {
    throw new Error("no space left on device");
  });
  await run.cacheKept;
  assert.match(String(said.mock.calls[0]?.arguments[0]), /build cache not kept: no space left on device/);
  assert.ok(await run.refresh(), "the preview goes on without it");
});
