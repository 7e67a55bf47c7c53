import assert from "node:assert/strict";
import { before, test } from "node:test";
import { authorUrl, nameKey, tagUrl } from "../../src/content/name-key.ts";
import { all, compactText } from "../helpers/dom.ts";
import { DISCOVERY_FILES, NOW } from "../helpers/discovery-fixture.ts";
import { article, buildFixture, type FixtureSite } from "../helpers/fixture-site.ts";

let site: FixtureSite;
before(async () => {
  site = await buildFixture(DISCOVERY_FILES, { HEZE_NOW: NOW });
  assert.equal(site.exitCode, 0, site.stderr);
});

const titles = (doc: Document, selector = ".article-list a") => all(doc, selector).map((a) => a.textContent);

test("the homepage shows each channel in order: top story with kicker and summary, a list, 更多", async () => {
  const doc = await site.page("/");
  const sections = all(doc, ".home-section");
  assert.deepEqual(
    sections.slice(0, 3).map((s) => s.querySelector("h2")?.textContent),
    ["本地要闻", "县区新闻", "社会热点"],
  );
  const bendi = sections[0]!;
  assert.equal(bendi.querySelector(".top-story h3 a")?.textContent, "牡丹节开幕");
  assert.equal(bendi.querySelector(".top-story .kicker")?.textContent, "花开盛世");
  assert.equal(bendi.querySelector(".top-story .top-summary")?.textContent, "第三十五届牡丹节开幕。");
  assert.deepEqual(titles(bendi as unknown as Document), ["曹州牡丹园扩建", "新大桥通车", "十月旧闻"]);
  assert.equal(bendi.querySelector(".more a")?.getAttribute("href"), "/bendi/");
  assert.equal(compactText(sections[1]!.querySelector(".list-empty")), "本栏目暂无稿件");
});

test("a channel front paginates from the oldest article: 上一页/下一页, 最新, numbers, rel=prev/next", async () => {
  const first = await site.page("/bendi/");
  assert.deepEqual(titles(first), ["牡丹节开幕", "曹州牡丹园扩建"]);
  assert.equal(first.querySelector(".pager-prev"), null);
  assert.equal(first.querySelector(".pager-next")?.textContent, "下一页");
  assert.equal(first.querySelector('link[rel="next"]')?.getAttribute("href"), "/bendi/page/1/");
  assert.equal(first.querySelector('link[rel="prev"]'), null);

  const second = await site.page("/bendi/page/1/");
  assert.deepEqual(titles(second), ["新大桥通车", "十月旧闻"]);
  assert.equal(second.querySelector(".pager-prev")?.getAttribute("href"), "/bendi/");
  assert.equal(second.querySelector(".pager-prev")?.textContent, "上一页");
  assert.equal(second.querySelector(".pager-next"), null);
  assert.equal(second.querySelector('link[rel="prev"]')?.getAttribute("href"), "/bendi/");
  assert.deepEqual(
    all(second, ".pager a, .pager span").map((e) => [e.textContent, e.getAttribute("href")]),
    [
      ["上一页", "/bendi/"],
      ["最新", "/bendi/"],
      ["1", null],
    ],
  );
  assert.equal(second.querySelector(".pager [aria-current=page]")?.textContent, "1");
  assert.equal(second.querySelector("title")?.textContent, "本地要闻(第1页)_中国菏泽网");
  assert.equal(second.querySelector(".channel-nav [aria-current=page]")?.textContent, "本地要闻");
});

test("an empty channel still has a front that says so", async () => {
  const doc = await site.page("/xianqu/");
  assert.equal(doc.querySelector("h1")?.textContent, "县区新闻");
  assert.equal(compactText(doc.querySelector(".list-empty")), "本栏目暂无稿件");
  assert.equal(doc.querySelector(".pager"), null);
});

test("authors, tags and months have paginated pages at ASCII URLs", async () => {
  const author = await site.page(authorUrl("李明"));
  assert.equal(author.querySelector("h1")?.textContent, "作者：李明");
  assert.deepEqual(titles(author), ["菏泽队夺冠", "牡丹节开幕"]);
  assert.deepEqual(titles(await site.page(`${authorUrl("李明")}page/1/`)), ["曹州牡丹园扩建", "马拉松开跑"]);

  const tag = await site.page(tagUrl("牡丹"));
  assert.equal(tag.querySelector("h1")?.textContent, "标签：牡丹");
  assert.deepEqual(titles(tag), ["菏泽队夺冠", "牡丹节开幕"]);
  // Numbered pages are full: the oldest page shares 牡丹节开幕 with the front.
  assert.deepEqual(titles(await site.page(`${tagUrl("牡丹")}page/1/`)), ["牡丹节开幕", "曹州牡丹园扩建"]);

  const month = await site.page("/archive/2021/11/");
  assert.deepEqual(
    all(month, ".day-heading time").map((t) => t.getAttribute("datetime")),
    ["2021-11-22"],
  );
  assert.deepEqual(titles(month), ["菏泽队夺冠", "牡丹节开幕"]);
  const month1 = await site.page("/archive/2021/11/page/1/");
  assert.deepEqual(
    all(month1, ".day-heading").map((h) => h.textContent),
    ["11月20日", "11月1日"],
  );
  const archive = await site.page("/archive/");
  assert.deepEqual(
    all(archive, ".archive-months a").map((a) => a.getAttribute("href")),
    ["/archive/2021/11/", "/archive/2021/10/"],
  );
});

test("an article links its authors and lists 上一篇/下一篇 and related articles", async () => {
  const doc = await site.page("/bendi/2021/11/21/garden/");
  assert.deepEqual(
    all(doc, ".byline-author a").map((a) => [a.textContent, a.getAttribute("href")]),
    [["李明", authorUrl("李明")]],
  );
  assert.equal(doc.querySelector(".sequence-older a")?.getAttribute("href"), "/bendi/2021/11/20/bridge/");
  assert.equal(doc.querySelector(".sequence-newer a")?.getAttribute("href"), "/bendi/2021/11/22/peony/");
  assert.deepEqual(
    all(doc, ".article-tags a").map((a) => [a.textContent, a.getAttribute("href")]),
    [["牡丹", tagUrl("牡丹")]],
  );
  // Related articles are earlier ones: nothing tagged 牡丹 was published before this one.
  assert.equal(doc.querySelector(".related"), null);
  // Any channel counts: the later 体育 article lists both 本地要闻 articles tagged 牡丹, newest first.
  const match = await site.page("/tiyu/2021/11/22/match/");
  assert.deepEqual(titles(match, ".related a"), ["牡丹节开幕", "曹州牡丹园扩建"]);
  assert.deepEqual(titles(match, ".related .list-meta"), [
    "本地要闻 2021-11-22 09:27",
    "本地要闻 2021-11-21 08:00",
  ]);
  const untagged = await site.page("/bendi/2021/10/05/old/");
  assert.equal(untagged.querySelector(".related"), null);
  assert.equal(untagged.querySelector(".sequence-older"), null);
});

test("the 404 page wears the site chrome and is kept out of search engines", async () => {
  const doc = await site.page("/404.html");
  assert.equal(doc.querySelector("h1")?.textContent, "页面不存在");
  assert.ok(doc.querySelector(".masthead .channel-nav"));
  assert.ok(doc.querySelector(".site-footer"));
  assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
  assert.equal(doc.querySelector('link[rel="canonical"]'), null);
});

test("every page has the header search box, a GET form to /search/", async () => {
  for (const url of ["/", "/bendi/", "/bendi/2021/11/21/garden/", "/404.html"]) {
    const form = (await site.page(url)).querySelector("form[role=search]");
    assert.equal(form?.getAttribute("action"), "/search/", url);
    assert.equal(form?.querySelector("input[name=q]")?.getAttribute("type"), "search");
  }
  const search = await site.page("/search/");
  assert.equal(
    compactText(search.querySelector(".search-off")),
    "本次构建未生成搜索索引，站内搜索暂不可用。",
  );
});

test("two names that would share an author or tag URL fail the build, naming both files", async () => {
  const clash = await buildFixture(
    {
      "articles/bendi/a.md": article({ author: "李明" }),
      "articles/bendi/b.md": article({ title: "另一篇", date: "2021-11-23 09:00", tags: [nameKey("李明")] }),
    },
    { HEZE_LANG: "en" },
  );
  assert.equal(clash.exitCode, 1);
  assert.match(
    clash.stderr,
    /b\.md:7:1: tags: the name [0-9a-f]{10} gets the same author\/tag URL as 李明 \(in .*a\.md\)/,
  );
  assert.match(clash.stderr, /build failed: 1 error\(s\) in content/);
});
