import assert from "node:assert/strict";
import { before, test } from "node:test";
import { all } from "../helpers/dom.ts";
import { article, buildFixture, testPhoto, type FixtureSite } from "../helpers/fixture-site.ts";

let site: FixtureSite;

before(async () => {
  const photo = await testPhoto(1200, 800);
  const pictured = (n: number, fields: Record<string, unknown>) =>
    article({ image: `/media/p${n}.jpg`, image_alt: `照片${n}`, ...fields });
  site = await buildFixture({
    "media/p1.jpg": photo,
    "media/p2.jpg": photo,
    "media/p3.jpg": photo,
    "articles/bendi/lead.md": pictured(1, { title: "头条稿件", kicker: "引题", date: "2021-11-22 09:00" }),
    "articles/tiyu/run.md": pictured(2, { title: "马拉松开跑", section: "体育", date: "2021-11-21 09:00" }),
    "articles/bendi/bridge.md": pictured(3, { title: "新大桥通车", date: "2021-11-20 09:00" }),
    "articles/bendi/plain.md": article({ title: "没有照片的最新稿件", date: "2021-11-22 10:00" }),
  });
  assert.equal(site.exitCode, 0, site.stderr);
});

test("the homepage leads with the newest photo story across the top, loaded first", async () => {
  const doc = await site.page("/");
  const lead = doc.querySelector(".home-lead")!;
  assert.equal(lead.querySelector("h2 a")?.textContent, "头条稿件");
  assert.equal(lead.querySelector(".kicker")?.textContent, "引题");
  const img = lead.querySelector("img")!;
  assert.equal(img.getAttribute("alt"), "照片1");
  assert.equal(img.getAttribute("fetchpriority"), "high");
  assert.equal(img.getAttribute("loading"), null);
  // The lead comes before the photo strip and the channels.
  const order = [".home-lead", ".photo-strip", ".home-channels"].map((s) => doc.querySelector(s)!);
  assert.ok(order[0]!.compareDocumentPosition(order[1]!) & 4);
  assert.ok(order[1]!.compareDocumentPosition(order[2]!) & 4);
});

test("a strip of the other photo stories, then channels with thumbnails where a story has a photo", async () => {
  const doc = await site.page("/");
  assert.equal(doc.querySelector(".photo-strip h2")?.textContent, "图片新闻");
  assert.deepEqual(
    all(doc, ".photo-strip li a").map((a) => [a.textContent, a.getAttribute("href")]),
    [
      ["马拉松开跑", "/tiyu/2021/11/21/run/"],
      ["新大桥通车", "/bendi/2021/11/20/bridge/"],
    ],
  );
  for (const img of all(doc, ".photo-strip img")) assert.equal(img.getAttribute("loading"), "lazy");
  const sections = all(doc, ".home-channels > .home-section");
  assert.equal(sections.length, 8);
  const [bendi] = sections;
  // 本地要闻's top story is the plain newest one: no thumbnail; 体育's has one.
  assert.equal(bendi!.querySelector(".top-story h3 a")?.textContent, "没有照片的最新稿件");
  assert.equal(bendi!.querySelector(".top-story img"), null);
  const tiyu = sections.find((s) => s.querySelector("h2")?.textContent === "体育")!;
  assert.equal(tiyu.querySelector(".top-story .thumb img")?.getAttribute("alt"), "照片2");
  assert.equal(tiyu.querySelector(".more a")?.getAttribute("href"), "/tiyu/");
});

test("every page's footer links the archive", async () => {
  for (const url of ["/", "/bendi/", "/bendi/2021/11/22/lead/", "/search/", "/404.html"]) {
    const links = all(await site.page(url), ".site-footer a").map((a) => a.getAttribute("href"));
    assert.ok(links.includes("/archive/"), url);
  }
});

test("the homepage stays one modest page", async () => {
  const bytes = Buffer.byteLength(await site.file("index.html"));
  assert.ok(bytes < 40_000, `${bytes} bytes`);
});
