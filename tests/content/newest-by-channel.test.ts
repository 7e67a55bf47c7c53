import assert from "node:assert/strict";
import { test } from "node:test";
import { newestByChannel } from "../../src/content/newest-by-channel.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

test("each channel's newest few, as grouping every article and cutting each list would give", () => {
  const site = testSite();
  // Most articles in 本地要闻, a few in 体育, none in the other channels.
  const articles = newestFirst(
    Array.from({ length: 40 }, (_, i) =>
      makeArticle({
        channel: i % 10 === 0 ? "tiyu" : "bendi",
        date: `2021-11-${String(1 + (i % 28)).padStart(2, "0")} ${String(i % 24).padStart(2, "0")}:00`,
      }),
    ),
  );
  for (const limit of [0, 1, 3, 6, 50]) {
    const newest = newestByChannel(articles, site.channels, limit);
    assert.deepEqual(
      [...newest.keys()],
      site.channels.map((c) => c.slug),
    );
    for (const channel of site.channels)
      assert.deepEqual(
        newest.get(channel.slug),
        articles.filter((a) => a.channel.slug === channel.slug).slice(0, limit),
        `${channel.slug}, ${limit}`,
      );
  }
});
