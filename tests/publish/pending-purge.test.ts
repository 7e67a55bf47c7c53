import assert from "node:assert/strict";
import { test } from "node:test";
import { formatPendingPurge, parsePendingPurge } from "../../src/publish/pending-purge.ts";

test("no stored list means nothing is pending", () => {
  assert.deepEqual(parsePendingPurge(undefined), []);
});

test("a list is written once per path, sorted, as one JSON line, and reads back the same", () => {
  const text = formatPendingPurge(["tiyu/index.html", "bendi/index.html", "tiyu/index.html", "index.html"]);
  assert.ok(text.endsWith("}\n"));
  assert.deepEqual(JSON.parse(text), {
    version: 1,
    paths: ["bendi/index.html", "index.html", "tiyu/index.html"],
  });
  assert.deepEqual(parsePendingPurge(text), ["bendi/index.html", "index.html", "tiyu/index.html"]);
  assert.deepEqual(parsePendingPurge(formatPendingPurge([])), []);
  assert.deepEqual(parsePendingPurge(formatPendingPurge(["新闻/首页.html"])), ["新闻/首页.html"]);
});

test("anything that is not a version-1 list of paths is unreadable, never a partial list", () => {
  for (const text of [
    "",
    "not json",
    '{"version":1,"paths":["a.html"]', // cut short by an interrupted upload
    "null",
    "[]",
    '{"paths":["a.html"]}',
    '{"version":2,"paths":["a.html"]}',
    '{"version":"1","paths":["a.html"]}',
    '{"version":1}',
    '{"version":1,"paths":"a.html"}',
    '{"version":1,"paths":["a.html",7]}',
  ])
    assert.equal(parsePendingPurge(text), "unreadable", text);
});
