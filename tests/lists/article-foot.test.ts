import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { articleFeet, RELATED_LIMIT } from "../../src/lists/article-foot.ts";
import { makeArticle, newestFirst } from "../helpers/articles.ts";

test("related: any channel, a shared tag, earlier articles only, newest first, at most 5", () => {
  const self = makeArticle({ date: "2021-11-20 08:00", tags: ["牡丹", "文旅"] });
  const peony = Array.from({ length: 7 }, (_, i) =>
    makeArticle({ date: `2021-11-${String(2 + i).padStart(2, "0")} 08:00`, tags: ["牡丹"] }),
  );
  const tourism = makeArticle({ date: "2021-11-15 08:00", tags: ["文旅"], channel: "shendu" });
  const otherChannel = makeArticle({ date: "2021-11-12 08:00", channel: "tiyu", tags: ["牡丹"] });
  const later = makeArticle({ date: "2021-11-30 08:00", tags: ["牡丹"] });
  const untagged = makeArticle({ date: "2021-12-02 08:00" });
  const all = [self, ...peony, tourism, otherChannel, later, untagged];
  const feet = articleFeet(newestFirst(all));
  const related = feet.get(self.url)!.related;
  assert.equal(related.length, RELATED_LIMIT);
  assert.deepEqual(
    related.map((a) => a.published.day),
    ["2021-11-15", "2021-11-12", "2021-11-08", "2021-11-07", "2021-11-06"],
  );
  assert.ok(related.includes(tourism) && related.includes(otherChannel), "other channels count");
  assert.ok(!related.includes(self) && !related.includes(later), "only earlier articles");
  assert.deepEqual(feet.get(untagged.url)!.related, []);
  // The later article's list is made of earlier ones, self first.
  assert.equal(feet.get(later.url)!.related[0], self);
  // The oldest tagged article has nothing earlier.
  assert.deepEqual(feet.get(peony[0]!.url)!.related, []);
});

test("an article's related list does not change when newer articles arrive", () => {
  const articles = Array.from({ length: 12 }, (_, i) =>
    makeArticle({
      date: `2021-11-${String(1 + i).padStart(2, "0")} 08:00`,
      channel: ["bendi", "shendu", "tiyu"][i % 3],
      tags: i % 2 ? ["牡丹"] : ["牡丹", "文旅"],
    }),
  );
  const before = articleFeet(newestFirst(articles.slice(0, 8)));
  const after = articleFeet(newestFirst(articles));
  for (const article of articles.slice(0, 8)) {
    assert.deepEqual(after.get(article.url)!.related, before.get(article.url)!.related, article.url);
  }
});

test("previous and next follow publication order within the channel", () => {
  const older = makeArticle({ date: "2021-11-01 08:00" });
  const middle = makeArticle({ date: "2021-11-02 08:00" });
  const elsewhere = makeArticle({ date: "2021-11-02 09:00", channel: "tiyu" });
  const newer = makeArticle({ date: "2021-11-03 08:00" });
  const feet = articleFeet(newestFirst([older, middle, elsewhere, newer]));
  assert.equal(feet.get(middle.url)!.older, older);
  assert.equal(feet.get(middle.url)!.newer, newer);
  assert.equal(feet.get(older.url)!.older, undefined);
  assert.equal(feet.get(newer.url)!.newer, undefined);
  assert.equal(feet.get(elsewhere.url)!.older, undefined);
});

test("related are, for any corpus, the newest earlier articles sharing a tag", () => {
  const TAGS = ["牡丹", "文旅", "民生", "体育"];
  const corpus = fc.array(fc.tuple(fc.subarray(TAGS), fc.constantFrom("bendi", "tiyu")), { maxLength: 40 });
  fc.assert(
    fc.property(corpus, (specs) => {
      const articles = specs.map(([tags, channel], i) =>
        makeArticle({ date: `2021-11-01 08:${String(i).padStart(2, "0")}`, tags, channel }),
      );
      const sorted = newestFirst(articles);
      const feet = articleFeet(sorted);
      sorted.forEach((article, i) => {
        const expected = sorted
          .slice(i + 1)
          .filter((other) => other.tags.some((tag) => article.tags.includes(tag)))
          .slice(0, RELATED_LIMIT);
        assert.deepEqual(feet.get(article.url)!.related, expected);
      });
    }),
  );
});
