import assert from "node:assert/strict";
import { test } from "node:test";
import { pageVariable, sitePathOf } from "../../src/pages/template-data.ts";

test("a page URL is written to its index.html, any other URL to its own file", () => {
  assert.equal(sitePathOf("/"), "index.html");
  assert.equal(sitePathOf("/bendi/"), "bendi/index.html");
  assert.equal(sitePathOf("/feed.xml"), "feed.xml");
  assert.equal(sitePathOf("/news/2021-11/22/content_1.htm"), "news/2021-11/22/content_1.htm");
});

test("the page variable has Eleventy's shape: url, input and output paths, extension, date", () => {
  const date = new Date("2021-11-22T01:27:00Z");
  assert.deepEqual(pageVariable("/bendi/2021/11/22/a/", "content/articles/bendi/a.md", "/out", date), {
    url: "/bendi/2021/11/22/a/",
    inputPath: "content/articles/bendi/a.md",
    outputPath: "/out/bendi/2021/11/22/a/index.html",
    outputFileExtension: "html",
    templateSyntax: "njk",
    date,
  });
  assert.equal("date" in pageVariable("/old.htm", "templates/layouts/redirect.njk", "/out"), false);
  assert.equal(pageVariable("/old.htm", "x", "/out").outputFileExtension, "htm");
});
