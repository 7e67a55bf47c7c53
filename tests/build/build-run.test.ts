import assert from "node:assert/strict";
import { test } from "node:test";
import { createBuildContext } from "../../src/build/build-context.ts";
import { readBuildOptions } from "../../src/build/build-options.ts";
import { BuildRun } from "../../src/build/build-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

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
