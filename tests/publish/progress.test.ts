import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, progressBar } from "../../src/publish/progress.ts";

/** A stream that records what is written to it, a terminal or not. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

test("sizes are shown in decimal units with one decimal", () => {
  assert.equal(formatBytes(0), "0 B");
  assert.equal(formatBytes(999), "999 B");
  assert.equal(formatBytes(1000), "1.0 kB");
  assert.equal(formatBytes(1536), "1.5 kB");
  assert.equal(formatBytes(1_300_000), "1.3 MB");
  assert.equal(formatBytes(2_500_000_000), "2.5 GB");
  assert.equal(formatBytes(3_000_000_000_000), "3000.0 GB", "GB is the largest unit");
});

test("on a terminal the bar is drawn in place and ends with the last file and a newline", () => {
  const { stream, writes } = fakeStream(true);
  const bar = progressBar(4, stream);
  assert.deepEqual(writes, [`\r[${"-".repeat(24)}] 0/4 files  0 B`]);
  for (let i = 0; i < 4; i++) bar.advance(500);
  bar.finish();
  assert.ok(writes.every((w, i) => (i === writes.length - 1 ? w === "\n" : w.startsWith("\r["))));
  assert.equal(writes.at(-2), `\r[${"#".repeat(24)}] 4/4 files  2.0 kB`, "the last file is always drawn");
});

test("the bar's filled part and the count follow the files done, padded to the total's width", () => {
  const { stream, writes } = fakeStream(true);
  const bar = progressBar(12, stream);
  for (let i = 0; i < 12; i++) bar.advance(100);
  assert.equal(writes[0], `\r[${"-".repeat(24)}]  0/12 files  0 B`);
  assert.equal(writes.at(-1), `\r[${"#".repeat(24)}] 12/12 files  1.2 kB`);
});

test("off a terminal (CI logs) and for an empty plan, nothing is written", () => {
  const { stream, writes } = fakeStream(false);
  const bar = progressBar(3, stream);
  bar.advance(10);
  bar.finish();
  assert.deepEqual(writes, []);

  const terminal = fakeStream(true);
  const empty = progressBar(0, terminal.stream);
  empty.finish();
  assert.deepEqual(terminal.writes, []);
});
