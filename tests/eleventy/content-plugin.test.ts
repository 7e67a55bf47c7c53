import assert from "node:assert/strict";
import { access, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { runEleventyOn } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

const FILES = {
  "articles/bendi/live.md": article({ title: "在线稿件", date: "2026-04-08 09:00", aliases: ["/old/live"] }),
  "articles/bendi/gone.md": article({
    title: "过期稿件",
    date: "2026-04-01 09:00",
    expires: "2026-04-08 00:00",
  }),
  "articles/bendi/draft.md": article({ title: "草稿", date: "2026-04-08 10:00", draft: true }),
};
const env = { HEZE_NOW: "2026-04-08 12:00" };
/** A page printing the global data the content plugin gives every template. */
const GLOBALS_PAGE =
  "{{ site.name }}|{{ build.now }}|{{ build.preview }}|{{ articles.length }}|{{ lists.home.sections.length }}|{{ previewDesk.length }}";

test("templates get the build context as global data, and the bulk pages are written", async (t) => {
  const contentDir = await writeFixture(FILES);
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const run = await runEleventyOn(contentDir, {
    env,
    configure: (config) => config.addTemplate("globals.njk", GLOBALS_PAGE, { permalink: "/globals.txt" }),
  });
  t.after(() => rm(run.outputDir, { recursive: true, force: true }));
  const channels = run.context.site.channels.length;
  assert.equal(
    run.rendered.get("/globals.txt"),
    `中国菏泽网|2026-04-08T12:00:00.000+08:00|false|1|${channels}|0`,
  );
  for (const file of [
    "bendi/2026/04/08/live/index.html",
    "bendi/2026/04/01/gone/index.html",
    "old/live/index.html",
    "bendi/index.html",
  ])
    await access(path.join(run.outputDir, file));
  await assert.rejects(access(path.join(run.outputDir, "bendi/2026/04/08/draft/index.html")));
  assert.ok(
    run.context.rendered["bendi/2026/04/08/live/index.html"],
    "bulk pages' digests are in the context",
  );
});

test("in the preview, drafts get pages and the desk lists them", async (t) => {
  const contentDir = await writeFixture(FILES);
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const run = await runEleventyOn(contentDir, {
    env,
    preview: true,
    configure: (config) => config.addTemplate("globals.njk", GLOBALS_PAGE, { permalink: "/globals.txt" }),
  });
  t.after(() => rm(run.outputDir, { recursive: true, force: true }));
  assert.match(run.rendered.get("/globals.txt") ?? "", /\|true\|1\|\d+\|1$/);
  await access(path.join(run.outputDir, "bendi/2026/04/08/draft/index.html"));
  await access(path.join(run.outputDir, "preview/index.html"));
});
