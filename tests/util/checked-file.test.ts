import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { crc32 } from "node:zlib";
import {
  readCheckedFile,
  readCheckedLines,
  writeCheckedFile,
  writeCheckedLines,
} from "../../src/util/checked-file.ts";
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

test("values written a line each come back in order; a line break inside a value stays in its line", async () => {
  const file = path.join(await tempDir("heze-checked-"), "lines.bin");
  const values = [{ format: "test 1" }, ["articles/a.md", { title: "第一行\n第二行" }], "菏泽", 3];
  const checksum = writeCheckedLines(file, values);
  assert.deepEqual(readCheckedLines(file), { values, checksum });
  assert.equal(readCheckedFile(file), "damaged", "more than one value is not one value");
  writeCheckedFile(file, VALUE);
  const read = readCheckedLines(file);
  assert.ok(typeof read === "object");
  assert.deepEqual(read.values, [VALUE], "one value is one line");
  assert.notEqual(read.checksum, checksum, "another write, another checksum");
  assert.equal(writeCheckedLines(file, values), checksum, "the same values, the same checksum");
});

test("a line that is not JSON, or an empty one, makes the file damaged", async () => {
  const file = path.join(await tempDir("heze-checked-"), "lines.bin");
  writeCheckedLines(file, [{ a: 1 }, { b: 2 }]);
  const bytes = readFileSync(file);
  // A line cut short, with the checksum made again: only the parse can tell.
  const body = Buffer.from('{"a":1}\n{"b":');
  const header = Buffer.from(bytes.subarray(0, bytes.length - Buffer.byteLength('{"a":1}\n{"b":2}')));
  header.writeUInt32BE(crc32(body), header.length - 4);
  writeFileSync(file, Buffer.concat([header, body]));
  assert.equal(readCheckedLines(file), "damaged");
  const empty = Buffer.from('{"a":1}\n\n{"b":2}');
  header.writeUInt32BE(crc32(empty), header.length - 4);
  writeFileSync(file, Buffer.concat([header, empty]));
  assert.equal(readCheckedLines(file), "damaged");
});
