import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { ContentError } from "../../src/content/problems.ts";
import { nameKey } from "../../src/content/name-key.ts";
import { buildSiteLists } from "../../src/lists/site-lists.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

const NOW = DateTime.fromISO("2021-11-23T12:00:00.000+08:00", { setZone: true });

test("two names that would share an author or tag URL fail the build naming both files", () => {
  const hash = nameKey("李明");
  const articles = newestFirst([makeArticle({ authors: ["李明"] }), makeArticle({ tags: [hash] })]);
  assert.throws(
    () => buildSiteLists(articles, testSite(), NOW),
    (error: unknown) =>
      error instanceof ContentError &&
      error.problems.length === 1 &&
      error.problems[0]!.message.includes("李明") &&
      error.problems[0]!.message.includes(hash),
  );
});

test("a 1,000-article corpus: every article has a foot and is listed on its channel's pages", () => {
  const site = testSite();
  const articles = newestFirst(
    Array.from({ length: 1000 }, (_, i) =>
      makeArticle({
        date: `2021-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")} 08:00`,
        channel: site.channels[i % site.channels.length]!.slug,
        authors: [`作者${i % 40}`],
        tags: [`标签${i % 30}`, `标签${i % 7}`],
      }),
    ),
  );
  const lists = buildSiteLists(articles, site, NOW);
  assert.equal(lists.feet.size, 1000);
  const onChannelPages = lists.pages.filter((p) => p.kind === "channel").flatMap((p) => p.items);
  assert.deepEqual([...new Set(onChannelPages.map((a) => a.url))].sort(), articles.map((a) => a.url).sort());
});
