import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readCheckedFile, writeCheckedFile } from "../../src/util/checked-file.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const VALUE = { format: "test 1", entries: [["articles/bendi/a.md", { title: "菏泽牡丹" }]] };

async function written(): Promise<string> {
  const file = path.join(await tempDir("heze-checked-"), "nested", "index.bin");
  writeCheckedFile(file, VALUE);
  return file;
}

test("a value comes back as written, Chinese text included", async () => {
  assert.deepEqual(readCheckedFile(await written()), { value: VALUE });
});

test("a missing file is missing, not damaged", async () => {
  assert.equal(readCheckedFile(path.join(await tempDir("heze-checked-"), "none.bin")), "missing");
});

test("a changed byte, a cut file or another layout is damaged", async () => {
  const file = await written();
  const bytes = readFileSync(file);
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 3]! ^= 0x01;
  writeFileSync(file, flipped);
  assert.equal(readCheckedFile(file), "damaged", "one bit flipped");
  writeFileSync(file, bytes.subarray(0, bytes.length - 10));
  assert.equal(readCheckedFile(file), "damaged", "cut short");
  writeFileSync(file, bytes.subarray(0, 4));
  assert.equal(readCheckedFile(file), "damaged", "shorter than its header");
  // The layout before the tag: a SHA-256, then the JSON.
  writeFileSync(file, Buffer.concat([Buffer.alloc(32), Buffer.from(JSON.stringify(VALUE))]));
  assert.equal(readCheckedFile(file), "damaged", "an older layout");
});
