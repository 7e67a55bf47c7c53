import assert from "node:assert/strict";
import { test } from "node:test";
import { archiveMonths, buildListPages, groupDays } from "../../src/lists/list-pages.ts";
import { authorUrl, tagUrl } from "../../src/content/name-key.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

const site = testSite({ pageSize: 2 });
const articles = newestFirst([
  makeArticle({ date: "2021-11-22 09:00", authors: ["李明", "王芳"], tags: ["牡丹"] }),
  makeArticle({ date: "2021-11-22 10:00", authors: ["李明"] }),
  makeArticle({ date: "2021-11-21 08:00", channel: "tiyu", authors: ["李明"], tags: ["牡丹", "足球"] }),
  makeArticle({ date: "2021-10-31 23:59", authors: ["王芳"] }),
]);
const pages = buildListPages(articles, site);
const urls = pages.map((p) => p.pager.url);

test("every channel gets a front, empty ones included, then pages numbered from the oldest", () => {
  const bendi = pages.filter((p) => p.kind === "channel" && p.channel?.slug === "bendi");
  assert.deepEqual(
    bendi.map((p) => p.pager.url),
    ["/bendi/", "/bendi/page/1/"],
  );
  assert.deepEqual(
    bendi[1]!.items.map((a) => a.published.display),
    ["2021-11-22 09:00", "2021-10-31 23:59"],
  );
  assert.deepEqual(
    bendi[0]!.items.map((a) => a.published.display),
    ["2021-11-22 10:00", "2021-11-22 09:00"],
  );
  const xianqu = pages.filter((p) => p.channel?.slug === "xianqu");
  assert.equal(xianqu.length, 1);
  assert.deepEqual(xianqu[0]!.items, []);
  assert.equal(
    pages.filter((p) => p.kind === "channel" && p.pager.number === undefined).length,
    site.channels.length,
  );
});

test("authors and tags get pages at their ASCII URLs, newest first", () => {
  assert.ok(urls.includes(authorUrl("李明")));
  assert.ok(urls.includes(`${authorUrl("李明")}page/1/`));
  const tag = pages.find((p) => p.pager.url === tagUrl("牡丹"))!;
  assert.equal(tag.title, "标签：牡丹");
  assert.deepEqual(
    tag.items.map((a) => a.published.display),
    ["2021-11-22 09:00", "2021-11-21 08:00"],
  );
  assert.ok(urls.every((url) => /^[\x21-\x7e]+$/.test(url)));
});

test("month archives group each page by Beijing day", () => {
  const november = pages.find((p) => p.pager.url === "/archive/2021/11/")!;
  assert.equal(november.title, "2021年11月");
  assert.deepEqual(
    november.days!.map((d) => [d.label, d.items.length]),
    [["11月22日", 2]],
  );
  const page1 = pages.find((p) => p.pager.url === "/archive/2021/11/page/1/")!;
  assert.deepEqual(
    page1.days!.map((d) => d.day),
    ["2021-11-22", "2021-11-21"],
  );
  assert.deepEqual(
    november.crumbs.map((c) => c.name),
    [site.name, "归档", "2021年11月"],
  );
  assert.deepEqual(
    page1.crumbs.map((c) => [c.name, c.url]),
    [
      [site.name, "/"],
      ["归档", "/archive/"],
      ["2021年11月", "/archive/2021/11/"],
      ["第1页", undefined],
    ],
  );
  assert.deepEqual(archiveMonths(articles), [
    { title: "2021年11月", url: "/archive/2021/11/", count: 3 },
    { title: "2021年10月", url: "/archive/2021/10/", count: 1 },
  ]);
});

test("no URL is produced twice", () => {
  assert.equal(new Set(urls).size, urls.length);
});

test("groupDays keeps the order it is given", () => {
  assert.deepEqual(
    groupDays(articles).map((d) => d.day),
    ["2021-11-22", "2021-11-21", "2021-10-31"],
  );
});
