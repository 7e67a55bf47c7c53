import assert from "node:assert/strict";
import { test } from "node:test";
import { closeEnough, editDistance, nearest } from "../../src/util/nearest.ts";

test("edit distance counts inserts, deletes, replacements and swapped neighbours, by character", () => {
  assert.equal(editDistance("tag", "tags"), 1);
  assert.equal(editDistance("auther", "author"), 1);
  assert.equal(editDistance("titel", "title"), 1, "a swap is one edit");
  assert.equal(editDistance("本地新闻", "本地要闻"), 1);
  assert.equal(editDistance("𠮷野", "吉野"), 1, "a character outside the BMP is one character");
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(editDistance("same", "same"), 0);
});

test("edit distance stops early past a limit, answering limit + 1", () => {
  assert.equal(editDistance("abcdef", "uvwxyz", 2), 3);
  assert.equal(editDistance("a", "abcdefgh", 3), 4);
  assert.equal(editDistance("kitten", "sitting", 3), 3);
});

test("nearest suggests a close candidate, ignoring case, and nothing when all are far", () => {
  const fields = ["title", "author", "source", "tags", "summary"];
  assert.equal(nearest("tag", fields), "tags");
  assert.equal(nearest("Title", fields), "title");
  assert.equal(nearest("summery", fields), "summary");
  assert.equal(nearest("writer", fields), undefined);
  assert.equal(nearest("x", fields), undefined);
  assert.equal(nearest("title", fields), undefined, "an exact match is no suggestion");
});

test("how close is close enough grows with the word, from 1 to 3", () => {
  assert.deepEqual(
    ["ab", "tag", "titel", "auther", "image_caption", "a-very-long-field-name"].map(closeEnough),
    [1, 1, 1, 2, 3, 3],
  );
});
