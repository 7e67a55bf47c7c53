import assert from "node:assert/strict";
import { test } from "node:test";
import { atomFeeds, FEED_ENTRIES } from "../../src/discovery/atom-feeds.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

const NOW = "2021-12-01T00:00:00+08:00";

test("the site feed and one feed per channel, latest 50, updated from the newest change", () => {
  const site = testSite();
  const articles = newestFirst([
    ...Array.from({ length: 60 }, (_, i) =>
      makeArticle({ date: `2021-11-01 ${String(i % 24).padStart(2, "0")}:${String(i).padStart(2, "0")}` }),
    ),
    makeArticle({ date: "2021-10-01 08:00", updated: "2021-11-30 10:00", channel: "tiyu" }),
  ]);
  const feeds = atomFeeds(articles, site, NOW);
  assert.deepEqual(
    feeds.map((f) => f.url),
    ["/feed.xml", ...site.channels.map((c) => `/${c.slug}/feed.xml`)],
  );
  const [all, bendi] = feeds;
  assert.equal(all!.entries.length, FEED_ENTRIES);
  assert.equal(all!.entries[0], articles[0]);
  assert.equal(bendi!.alternate, "/bendi/");
  const tiyu = feeds.find((f) => f.url === "/tiyu/feed.xml")!;
  assert.equal(tiyu.updated, "2021-11-30T10:00:00+08:00");
  // An empty channel's feed takes the site's newest change; an empty site, the build time.
  assert.equal(feeds.find((f) => f.url === "/xianqu/feed.xml")!.updated, all!.updated);
  assert.equal(atomFeeds([], site, NOW)[1]!.updated, NOW);
});
