/**
 * Every entry of the message catalog (src/util/messages/), called with sample values: both languages
 * present, the Chinese one in Chinese and free of English wording, the values carried into both.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Text } from "../../../src/util/messages/text.ts";

const folder = "src/util/messages";
const isText = (value: unknown): value is Text =>
  typeof (value as Text | undefined)?.zh === "string" && typeof (value as Text).en === "string";
const SAMPLE: Text = { zh: "样例", en: "sample" };

/** Every Text a module exports: constants, members of tables, and what its functions return. */
async function textsOf(file: string): Promise<[string, Text][]> {
  const module = (await import(path.resolve(folder, file))) as Record<string, unknown>;
  return Object.entries(module).flatMap(([name, value]): [string, Text][] => {
    if (isText(value)) return [[name, value]];
    if (typeof value === "function") {
      // Each parameter gets a sample of the kinds the catalog takes: text values, numbers or Texts.
      const made = (value as (...args: unknown[]) => unknown)(
        ...Array.from({ length: value.length }, () => SAMPLE),
      );
      const asNumbers = (value as (...args: unknown[]) => unknown)(
        ...Array.from({ length: value.length }, () => 7),
      );
      return [made, asNumbers].filter(isText).map((t) => [name, t]);
    }
    if (typeof value === "object" && value !== null)
      return Object.entries(value).flatMap(([key, t]) => (isText(t) ? [[`${name}.${key}`, t]] : []));
    return [];
  });
}

test("every catalog entry has Chinese and English, the Chinese without English wording", async () => {
  const files = readdirSync(folder).filter((f) => f.endsWith(".ts") && f !== "text.ts");
  assert.ok(files.length >= 6, files.join(", "));
  let count = 0;
  for (const file of files) {
    for (const [name, text] of await textsOf(file)) {
      count++;
      // Chinese words, or (for the entries that only join values) Chinese punctuation.
      assert.match(text.zh, /[\p{Script=Han}（）：、]/u, `${file} ${name}: ${text.zh}`);
      assert.ok(text.en.trim().length > 0, `${file} ${name}`);
      const words = text.zh.replace(/sample|\/[\w./<>%-]*|[a-z_]+\.[a-zA-Z]+|https?:\S+/g, "");
      assert.doesNotMatch(words, /\b(expected|got|unknown|the|is|not)\b/, `${file} ${name}: ${text.zh}`);
    }
  }
  assert.ok(count > 60, `${count} entries`);
});
