import assert from "node:assert/strict";
import { test } from "node:test";
import { judgeLink, sitePath, type LinkIndex } from "../../src/check/internal-links.ts";
import { authorUrl, tagUrl } from "../../src/content/name-key.ts";
import { loadSite } from "../../src/content/site-data.ts";

const site = await loadSite("content");
const index: LinkIndex = {
  site,
  articles: new Map([
    ["/bendi/2021/11/22/live/", "live"],
    ["/bendi/2021/11/23/draft/", "draft"],
    ["/bendi/2021/11/24/gone/", "expired"],
  ]),
  aliases: new Map([["/news/old.htm", "/bendi/2021/11/22/live/"]]),
  listPages: new Set([authorUrl("李明"), tagUrl("牡丹")]),
};
const judge = (href: string) => {
  const pathname = sitePath(href, site);
  return pathname === undefined ? "not ours" : judgeLink(pathname, index);
};

test("links that resolve, and links that are not the site's to judge, pass", () => {
  for (const href of [
    "/bendi/2021/11/22/live/",
    "/bendi/2021/11/22/live/index.html",
    "https://www.heze.cn/bendi/2021/11/22/live/#p2",
    "/bendi/",
    "/bendi/page/3/",
    "/bendi/feed.xml",
    authorUrl("李明"),
    tagUrl("牡丹"),
    "/search/?q=牡丹",
    "/2021/11/",
  ]) {
    assert.equal(judge(href), undefined, href);
  }
  for (const href of ["https://example.com/bendi/x/", "//cdn.example.com/x.js", "mailto:a@b.c", "#top"]) {
    assert.equal(judge(href), "not ours", href);
  }
  assert.deepEqual(judge("/media/a%20b.pdf"), { media: "/media/a b.pdf" });
});

test("broken links are errors; links that work but should not are warnings", () => {
  const cases: [string, "error" | "warning", RegExp][] = [
    ["/bendi/2021/11/22/nope/", "error", /no article or channel page has that URL/],
    ["/xinwen/2021/11/22/x/", "error", /there is no channel xinwen/],
    ["/bendi/other/", "error", /no article or channel page/],
    ["/author/nobody/", "error", /no live article has that author/],
    ["/tag/nothing/", "error", /no live article has that tag/],
    ["/bendi/2021/11/23/draft/", "warning", /not published yet \(draft\)/],
    ["/bendi/2021/11/24/gone/", "warning", /gone offline/],
    ["/news/old.htm", "warning", /an old URL; link to \/bendi\/2021\/11\/22\/live\/ instead/],
  ];
  for (const [href, severity, message] of cases) {
    const verdict = judge(href);
    assert.ok(verdict && typeof verdict === "object" && "severity" in verdict, href);
    assert.equal(verdict.severity, severity, href);
    assert.match(verdict.message.en, message);
  }
});
