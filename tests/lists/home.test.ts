import assert from "node:assert/strict";
import { test } from "node:test";
import { HOME_PER_CHANNEL, homePage, homeSections, LEAD_WINDOW, PHOTO_LIMIT } from "../../src/lists/home.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

test("the homepage has each channel in site order: top story, then a short list", () => {
  const site = testSite();
  const articles = newestFirst([
    ...Array.from({ length: 12 }, (_, i) => makeArticle({ date: `2021-11-${10 + i} 09:00` })),
    makeArticle({ channel: "tiyu", title: "体育稿" }),
  ]);
  const sections = homeSections(articles, site);
  assert.deepEqual(
    sections.map((s) => s.channel.slug),
    site.channels.map((c) => c.slug),
  );
  const bendi = sections[0]!;
  assert.equal(bendi.top?.published.day, "2021-11-21");
  assert.equal(bendi.rest.length, HOME_PER_CHANNEL - 1);
  assert.equal(bendi.url, "/bendi/");
  assert.equal(sections.find((s) => s.channel.slug === "tiyu")!.top?.title, "体育稿");
  assert.equal(sections.find((s) => s.channel.slug === "xianqu")!.top, undefined);
});

const photo = { src: "/img/x-960.webp", width: 960, height: 640, variants: [], alt: "照片" };

test("the lead is the newest article with a photo among the newest; the strip holds the next photos", () => {
  const site = testSite();
  const plain = Array.from({ length: 3 }, (_, i) => makeArticle({ date: `2021-11-2${i} 09:00` }));
  const pictured = Array.from({ length: PHOTO_LIMIT + 3 }, (_, i) =>
    makeArticle({ date: `2021-10-${String(10 + i).padStart(2, "0")} 09:00`, image: photo }),
  );
  const articles = newestFirst([...plain, ...pictured]);
  const home = homePage(articles, site);
  assert.equal(home.lead, articles[3], "the newest article with a photo, though three plain ones are newer");
  assert.equal(home.photos.length, PHOTO_LIMIT);
  assert.ok(!home.photos.includes(home.lead!));
  assert.ok(home.photos.every((a) => a.image));
  assert.deepEqual(home.photos, articles.slice(4, 4 + PHOTO_LIMIT), "newest first");
  assert.equal(home.sections.length, site.channels.length);
});

test("without a photo among the newest, the newest article leads, without a photo", () => {
  const site = testSite();
  const articles = newestFirst([
    ...Array.from({ length: LEAD_WINDOW }, (_, i) => makeArticle({ date: `2021-11-${10 + i} 09:00` })),
    makeArticle({ date: "2021-01-01 09:00", image: photo }),
  ]);
  const home = homePage(articles, site);
  assert.equal(home.lead, articles[0]);
  assert.equal(home.photos.length, 1);
  assert.deepEqual(homePage([], site), { lead: undefined, photos: [], sections: homeSections([], site) });
});
