import assert from "node:assert/strict";
import { test } from "node:test";
import { articleFeet, RELATED_LIMIT } from "../../src/lists/article-foot.ts";
import { makeArticle, newestFirst } from "../helpers/articles.ts";

test("related: same channel, a shared tag, newest first, at most 5, never itself", () => {
  const self = makeArticle({ date: "2021-11-01 08:00", tags: ["牡丹", "文旅"] });
  const peony = Array.from({ length: 7 }, (_, i) =>
    makeArticle({ date: `2021-11-${String(2 + i).padStart(2, "0")} 08:00`, tags: ["牡丹"] }),
  );
  const tourism = makeArticle({ date: "2021-11-30 08:00", tags: ["文旅"] });
  const otherChannel = makeArticle({ date: "2021-12-01 08:00", channel: "tiyu", tags: ["牡丹"] });
  const untagged = makeArticle({ date: "2021-12-02 08:00" });
  const feet = articleFeet(newestFirst([self, ...peony, tourism, otherChannel, untagged]));
  const related = feet.get(self.url)!.related;
  assert.equal(related.length, RELATED_LIMIT);
  assert.deepEqual(
    related.map((a) => a.published.day),
    ["2021-11-30", "2021-11-08", "2021-11-07", "2021-11-06", "2021-11-05"],
  );
  assert.ok(!related.includes(self));
  assert.deepEqual(feet.get(untagged.url)!.related, []);
  assert.deepEqual(feet.get(otherChannel.url)!.related, []);
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
