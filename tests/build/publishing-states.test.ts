import assert from "node:assert/strict";
import { access } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { all, compactText } from "../helpers/dom.ts";
import { article, buildFixture } from "../helpers/fixture-site.ts";

const NOW = { HEZE_NOW: "2026-04-08T12:00:00+08:00" };
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

test("drafts, embargoes, expiry, corrections and aliases in a production build", async () => {
  const site = await buildFixture(
    {
      "articles/bendi/live.md": article({
        date: "2026-04-08 09:00",
        updated: "2026-04-08 10:00",
        corrections: [
          { time: "2026-04-08 11:30", text: "第二段中“八万人次”应为“八千人次”。" },
          { time: "2026-04-08 10:30", text: "更正了作者姓名。" },
        ],
        aliases: ["/news/2021-11/22/content_12345.htm", "/old/page", "/old/dir/"],
      }),
      "articles/bendi/draft.md": article({ title: "草稿稿件", date: "2026-04-08 08:00", draft: true }),
      "articles/bendi/embargoed.md": article({ title: "定时稿件", date: "2026-04-09 06:00" }),
      "articles/bendi/later.md": article({ title: "更晚的定时稿件", date: "2026-04-10 06:00" }),
      "articles/bendi/gone.md": article({
        title: "已过期稿件",
        date: "2026-04-01 09:00",
        expires: "2026-04-08 00:00",
        aliases: ["/news/gone.htm"],
      }),
    },
    NOW,
  );
  assert.equal(site.exitCode, 0, site.stderr);

  // Only the live article is listed (homepage, channel front, feeds, sitemaps) or has a page.
  const articleLinks = (doc: Document) => [
    ...new Set(
      all(doc, "main a")
        .map((a) => a.getAttribute("href") ?? "")
        .filter((href) => /^\/bendi\/\d{4}\//.test(href)),
    ),
  ];
  assert.deepEqual(articleLinks(await site.page("/")), ["/bendi/2026/04/08/live/"]);
  assert.deepEqual(articleLinks(await site.page("/bendi/")), ["/bendi/2026/04/08/live/"]);
  const xmlUrls = async (file: string) => {
    const doc = new JSDOM(await site.file(file), { contentType: "application/xml" }).window.document;
    return [
      ...all(doc, "loc").map((loc) => loc.textContent),
      ...all(doc, "entry > link").map((l) => l.getAttribute("href")),
    ];
  };
  const live = "https://www.heze.cn/bendi/2026/04/08/live/";
  assert.deepEqual(await xmlUrls("feed.xml"), [live]);
  assert.deepEqual(await xmlUrls("bendi/feed.xml"), [live]);
  const sitemaps = (await xmlUrls("sitemap.xml")).map((url) => new URL(url!).pathname);
  const listed = (await Promise.all(sitemaps.map(xmlUrls))).flat();
  assert.ok(listed.includes(live), listed.join(" "));
  assert.deepEqual(
    listed.filter((url) => /draft|embargoed|later|gone/.test(url ?? "")),
    [],
  );
  for (const url of ["/bendi/2026/04/08/draft/", "/bendi/2026/04/09/embargoed/"]) {
    assert.equal(await exists(path.join(site.outputDir, url, "index.html")), false, url);
  }

  // The embargo schedule is printed and written for CI.
  assert.match(site.stdout, /next embargo lifts at 2026-04-09 06:00/);
  assert.deepEqual(JSON.parse(await site.file("next-embargo.json")), {
    nextEmbargo: "2026-04-09T06:00:00+08:00",
    nextExpiry: null,
    nextRebuild: "2026-04-09T06:00:00+08:00",
  });

  // Expired: the URL answers with a 已下线 notice in the site chrome, and nothing of the article.
  const gone = await site.page("/bendi/2026/04/01/gone/");
  assert.equal(gone.querySelector("h1")?.textContent, "已下线");
  assert.ok(gone.querySelector(".masthead") && gone.querySelector(".site-footer"));
  assert.equal(gone.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
  assert.doesNotMatch(compactText(gone.body), /已过期稿件/);

  // Corrections: a 更正 box at the end, oldest first, and the byline's update time is the latest one.
  const page = await site.page("/bendi/2026/04/08/live/");
  assert.deepEqual(
    all(page, ".corrections li").map((li) => compactText(li)),
    ["2026-04-0810:30更正了作者姓名。", "2026-04-0811:30第二段中“八万人次”应为“八千人次”。"],
  );
  assert.equal(
    page.querySelector(".byline-updated time")?.getAttribute("datetime"),
    "2026-04-08T11:30:00+08:00",
  );
  const ld = all(page, 'script[type="application/ld+json"]').map((el) => JSON.parse(el.textContent ?? "{}"));
  const news = ld.flatMap((item) => item["@graph"] ?? [item]).find((item) => item["@type"] === "NewsArticle");
  assert.equal(news?.dateModified, "2026-04-08T11:30:00+08:00");
  assert.equal(page.querySelector(".preview-banner"), null);
  const order = all(page, ".article > *").map((el) => el.className);
  assert.ok(order.indexOf("corrections") > order.indexOf("article-body"), order.join(" "));

  // Aliases: a redirect page at each old URL, the expired article's pointing at its notice.
  const cases = [
    ["news/2021-11/22/content_12345.htm", "/bendi/2026/04/08/live/"],
    ["old/page/index.html", "/bendi/2026/04/08/live/"],
    ["old/dir/index.html", "/bendi/2026/04/08/live/"],
    ["news/gone.htm", "/bendi/2026/04/01/gone/"],
  ];
  for (const [file, to] of cases) {
    const doc = await site.page(`/${file}`);
    assert.equal(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=${to}`);
    assert.equal(
      doc.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      `https://www.heze.cn${to}`,
    );
    assert.equal(doc.querySelector("a")?.getAttribute("href"), to);
    assert.equal(doc.querySelector("script"), null);
  }
});

test("an alias that is a live URL or another article's alias fails the build naming the line", async () => {
  const site = await buildFixture(
    {
      "articles/bendi/a.md": article({ aliases: ["/bendi/2021/11/22/b/", "/old.htm"] }),
      "articles/bendi/b.md": article({ aliases: ["/old.htm"] }),
      "articles/bendi/c.md": article({ aliases: ["/bendi/"] }),
      "articles/bendi/d.md": article({ aliases: ["/news/show.php?id=1"] }),
    },
    { HEZE_LANG: "en" },
  );
  assert.equal(site.exitCode, 1);
  const lines = site.stderr.split("\n");
  const find = (re: RegExp) => lines.find((line) => re.test(line));
  assert.ok(
    find(/a\.md:7:1: aliases: old URL \/bendi\/2021\/11\/22\/b\/ is a live URL of .*b\.md/),
    site.stderr,
  );
  assert.ok(find(/b\.md:7:1: aliases: old URL \/old\.htm is also an alias of .*a\.md/), site.stderr);
  assert.ok(find(/c\.md:7:1: aliases: old URL \/bendi\/ is a live URL of the site/), site.stderr);
  assert.ok(find(/d\.md:7:1: aliases\.0: got "\/news\/show\.php\?id=1"/), site.stderr);
  assert.doesNotMatch(site.stderr, /\n\s+at /, "no stack trace");
});
