import assert from "node:assert/strict";
import { test } from "node:test";
import { authorUrl, findKeyCollisions, nameKey, tagUrl } from "../../src/content/name-key.ts";

test("a name that is already a slug keeps it; any other name is hashed to 10 hex digits", () => {
  assert.equal(nameKey("xinhua"), "xinhua");
  assert.match(nameKey("李明"), /^[0-9a-f]{10}$/);
  assert.match(nameKey("Xinhua"), /^[0-9a-f]{10}$/);
  assert.equal(nameKey("李明"), nameKey("李明"));
  assert.equal(authorUrl("李明"), `/author/${nameKey("李明")}/`);
  assert.equal(tagUrl("5g"), "/tag/5g/");
});

test("Chinese names that share characters or differ by one get different keys", () => {
  const names = ["李明", "李明明", "明李", "王芳", "王 芳", "牡丹", "牡丹节", "AI", "ai"];
  assert.equal(new Set(names.map(nameKey)).size, names.length);
  assert.deepEqual(findKeyCollisions(names), []);
});

test("one name typed in two Unicode forms is one key, not a collision", () => {
  const composed = "Café";
  const decomposed = "Cafe\u0301";
  assert.equal(nameKey(composed), nameKey(decomposed));
  assert.deepEqual(findKeyCollisions([composed, decomposed]), []);
});

test("a slug-shaped name equal to another name's hash is reported", () => {
  const hash = nameKey("李明");
  assert.deepEqual(findKeyCollisions(["李明", hash]), [["李明", hash]]);
});
