import assert from "node:assert/strict";
import { test } from "node:test";
import { groupBy } from "../../src/util/group-by.ts";

test("groups keep the order in which groups and items were first seen; an item may join several", () => {
  const groups = groupBy(["a1", "b1", "a2", "ab"], (s) => (s === "ab" ? ["a", "b"] : [s[0]!]));
  assert.deepEqual(
    [...groups],
    [
      ["a", ["a1", "a2", "ab"]],
      ["b", ["b1", "ab"]],
    ],
  );
  assert.equal(groupBy([1, 2], () => []).size, 0, "an item without keys is in no group");
});
