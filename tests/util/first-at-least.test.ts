import assert from "node:assert/strict";
import { test } from "node:test";
import { firstAtLeast } from "../../src/util/first-at-least.ts";

test("firstAtLeast finds where a value is, or would go, in a sorted list", () => {
  assert.equal(firstAtLeast([1, 3, 3, 7], 3), 1);
  assert.equal(firstAtLeast([1, 3, 3, 7], 4), 3);
  assert.equal(firstAtLeast([1, 3, 3, 7], 0), 0);
  assert.equal(firstAtLeast([1, 3, 3, 7], 8), 4);
  assert.equal(firstAtLeast([], 1), 0);
  assert.equal(firstAtLeast(["a/", "b/x", "c"], "b/"), 1);
  // Every position of every list up to 12 items agrees with a linear scan.
  for (let length = 0; length <= 12; length++) {
    const list = Array.from({ length }, (_, i) => 2 * i);
    for (let value = -1; value <= 2 * length; value++) {
      const scanned = list.findIndex((item) => item >= value);
      assert.equal(firstAtLeast(list, value), scanned < 0 ? length : scanned);
    }
  }
});
