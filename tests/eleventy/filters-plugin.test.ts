import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { authorUrl } from "../../src/content/name-key.ts";
import { templateFilters, templateGlobals } from "../../src/eleventy/filters-plugin.ts";
import { runEleventyOn } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

test("every filter and global is in Eleventy's Nunjucks environment, beside Eleventy's own", async (t) => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const run = await runEleventyOn(contentDir);
  t.after(() => rm(run.outputDir, { recursive: true, force: true }));
  for (const name of [...Object.keys(templateFilters), "url", "slugify"])
    assert.equal(typeof run.environment.getFilter(name), "function", name);
  for (const name of Object.keys(templateGlobals)) assert.ok(run.environment.getGlobal(name), name);
  assert.equal(run.environment.renderString("{{ '李明' | authorUrl }}", {}), authorUrl("李明"));
});
