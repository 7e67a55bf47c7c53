import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { forEachLimited } from "../../src/util/for-each-limited.ts";

test("runs every item with at most `limit` at once", async () => {
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
    peak = Math.max(peak, ++running);
    await sleep(5);
    running--;
    done.push(n);
  });
  assert.equal(peak, 3);
  assert.deepEqual(done.sort(), [1, 2, 3, 4, 5, 6, 7]);
});

test("after a failure starts nothing new, waits for the running ones, then throws the first error", async () => {
  const started: number[] = [];
  let running = 0;
  await assert.rejects(
    forEachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      running++;
      await sleep(n === 1 ? 1 : 10);
      running--;
      if (n === 1) throw new Error("upload 1 failed");
    }),
    /upload 1 failed/,
  );
  assert.deepEqual(started, [1, 2]);
  assert.equal(running, 0);
});
