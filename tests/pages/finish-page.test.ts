import assert from "node:assert/strict";
import { test } from "node:test";
import { pageFinisher } from "../../src/pages/finish-page.ts";

const assetNames = {
  renamed: new Map([["css/site.css", "css/site.0123456789.css"]]),
  baseUrl: "https://www.heze.cn",
};

test("a page is written with the hashed asset names of a build, the plain ones in the preview", () => {
  const page = '<link rel="stylesheet" href="/css/site.css">';
  assert.deepEqual(pageFinisher({ siteDir: "_site", assetNames })("index.html", page), {
    html: '<link rel="stylesheet" href="/css/site.0123456789.css">',
  });
  assert.deepEqual(pageFinisher({ siteDir: "_site" })("index.html", page), { html: page });
});

test("an HTML page the CSP refuses is not finished: the problem names the page, or the article's file", () => {
  const finish = pageFinisher({ siteDir: "_site" });
  const page = '<p>一</p>\n<p style="color:red">二</p>';
  const bare = finish("bendi/index.html", page);
  assert.ok(bare.problems);
  assert.equal(bare.problems[0]?.file, "_site/bendi/index.html");
  assert.equal(bare.problems[0]?.line, 2);
  const article = finish("bendi/2021/11/22/a/index.html", page, "content/articles/bendi/a.md");
  assert.ok(article.problems);
  assert.equal(article.problems[0]?.file, "content/articles/bendi/a.md");
  assert.equal(article.problems[0]?.line, undefined);
  assert.match(
    article.problems[0]?.message.en ?? "",
    /^its page _site\/bendi\/2021\/11\/22\/a\/index\.html:2: /,
  );
  assert.deepEqual(finish("feed.xml", page), { html: page }, "only HTML pages obey the CSP");
});
