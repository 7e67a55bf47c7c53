import assert from "node:assert/strict";
import { test } from "node:test";
import { HOME_PER_CHANNEL, homeSections } from "../../src/lists/home.ts";
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
