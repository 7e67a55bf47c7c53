import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import type { Article } from "../../src/content/article.ts";
import { ContentError } from "../../src/content/problems.ts";
import type { Site } from "../../src/content/site-data.ts";
import { nameKey } from "../../src/content/name-key.ts";
import { buildSiteLists } from "../../src/lists/site-lists.ts";
import { makeArticle, newestFirst, testSite } from "../helpers/articles.ts";

const NOW = DateTime.fromISO("2021-11-23T12:00:00.000+08:00", { setZone: true });

/** The articles with every property read counted, to see how much work a call does. */
function counted(articles: Article[]): { articles: Article[]; reads: () => number } {
  let reads = 0;
  const handler: ProxyHandler<Article> = {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver);
    },
  };
  return { articles: articles.map((a) => new Proxy(a, handler)), reads: () => reads };
}

/** `n` articles spread over the channels, 12 months, 40 authors and 30 tags. */
function corpus(n: number, site: Site): Article[] {
  return newestFirst(
    Array.from({ length: n }, (_, i) =>
      makeArticle(
        {
          date: `2021-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")} 08:00`,
          channel: site.channels[i % site.channels.length]!.slug,
          authors: [`作者${i % 40}`],
          tags: [`标签${i % 30}`, `标签${i % 7}`],
        },
        site,
      ),
    ),
  );
}

test("two names that would share an author or tag URL fail the build naming both files", () => {
  const hash = nameKey("李明");
  const articles = newestFirst([makeArticle({ authors: ["李明"] }), makeArticle({ tags: [hash] })]);
  assert.throws(
    () => buildSiteLists(articles, testSite(), NOW),
    (error: unknown) =>
      error instanceof ContentError &&
      error.problems.length === 1 &&
      error.problems[0]!.message.en.includes("李明") &&
      error.problems[0]!.message.en.includes(hash),
  );
});

test("the work per article does not grow with the corpus: lists stay O(N) as the site grows", () => {
  const site = testSite();
  const perArticle = (n: number) => {
    const { articles, reads } = counted(corpus(n, site));
    const lists = buildSiteLists(articles, site, NOW);
    assert.equal(lists.feet.size, n, "every article gets its foot");
    const onChannelPages = lists.pages.filter((p) => p.kind === "channel").flatMap((p) => p.items);
    assert.equal(new Set(onChannelPages).size, n, "every article is on its channel's pages");
    return reads() / n;
  };
  // An O(N²) step (a scan of the corpus per article) would read about ten times more per article.
  const small = perArticle(100);
  const large = perArticle(1000);
  assert.ok(
    large < small * 1.5,
    `${large.toFixed(1)} reads per article at 1,000, ${small.toFixed(1)} at 100`,
  );
});
