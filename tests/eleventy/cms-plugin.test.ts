import assert from "node:assert/strict";
import { access, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { load } from "js-yaml";
import { runEleventyOn } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

test("/admin/ carries Decap's bundle (in the preview, copied by Eleventy) and a config.yml generated for this content folder", async (t) => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const run = await runEleventyOn(contentDir, { preview: true });
  t.after(() => rm(run.outputDir, { recursive: true, force: true }));
  await access(path.join(run.outputDir, "admin/decap-cms.js"));
  const config = load(await readFile(path.join(run.outputDir, "admin/config.yml"), "utf8")) as {
    collections: { name: string; folder: string }[];
  };
  assert.ok(
    config.collections.some((c) => c.folder === "content/articles"),
    JSON.stringify(config.collections),
  );
});
