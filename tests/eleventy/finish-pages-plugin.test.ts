import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { findContentError } from "../../src/content/problems.ts";
import { runEleventyOn } from "../helpers/eleventy-run.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

test("Eleventy's pages get the hashed asset names in a build, the plain ones in the preview", async (t) => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const page = '<link rel="stylesheet" href="/css/site.css">';
  for (const preview of [false, true]) {
    const run = await runEleventyOn(contentDir, {
      preview,
      configure: (config) => config.addTemplate("styled.njk", page, { permalink: "/styled.html" }),
    });
    t.after(() => rm(run.outputDir, { recursive: true, force: true }));
    const expected = preview
      ? page
      : page.replace("css/site.css", run.context.assets!.renamed.get("css/site.css")!);
    assert.equal(run.rendered.get("/styled.html"), expected);
  }
});

test("an Eleventy page the CSP refuses fails the build, naming the page and line", async (t) => {
  const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  await assert.rejects(
    runEleventyOn(contentDir, {
      configure: (config) =>
        config.addTemplate("inline.njk", "<p>一</p>\n<script>alert(1)</script>", {
          permalink: "/inline.html",
        }),
    }),
    (error: unknown) => {
      const content = findContentError(error);
      assert.ok(content, String(error));
      assert.match(content.problems[0]?.file ?? "", /inline\.html$/);
      assert.equal(content.problems[0]?.line, 2);
      return true;
    },
  );
});
