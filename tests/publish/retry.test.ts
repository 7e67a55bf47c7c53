import assert from "node:assert/strict";
import { test } from "node:test";
import { isTransient, withRetry } from "../../src/publish/retry.ts";

const httpError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

test("5xx, throttling and dropped connections are transient; auth and missing buckets are not", () => {
  assert.ok(isTransient(httpError("ServiceUnavailable", 503)));
  assert.ok(isTransient(httpError("Unknown", 500)));
  assert.ok(isTransient(httpError("SlowDown", 429)));
  assert.ok(isTransient(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })));
  assert.ok(!isTransient(httpError("InvalidAccessKeyId", 403)));
  assert.ok(!isTransient(httpError("NoSuchBucket", 404)));
  assert.ok(!isTransient("not an error"));
});

test("withRetry retries transient failures with backoff, and gives up on the others at once", async () => {
  let calls = 0;
  const retries: number[] = [];
  const result = await withRetry(
    async () => {
      if (++calls < 3) throw httpError("InternalError", 500);
      return "done";
    },
    { attempts: 5, baseDelayMs: 1, onRetry: (_, attempt) => retries.push(attempt) },
  );
  assert.equal(result, "done");
  assert.deepEqual(retries, [1, 2]);

  // A permanent error is not retried; a transient one is, until the attempts run out.
  for (const [error, attempts, expected] of [
    [httpError("AccessDenied", 403), 5, 1],
    [httpError("SlowDown", 503), 3, 3],
  ] as const) {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw error;
    };
    await assert.rejects(withRetry(failing, { attempts, baseDelayMs: 1 }), error);
    assert.equal(calls, expected, error.name);
  }
});
