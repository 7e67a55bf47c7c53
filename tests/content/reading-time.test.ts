import assert from "node:assert/strict";
import { test } from "node:test";
import { htmlToText, measureText } from "../../src/content/reading-time.ts";

test("Chinese is counted per character, Latin per word", () => {
  assert.deepEqual(measureText("菏泽牡丹 2026"), { count: 5, minutes: 1 });
  assert.equal(measureText("菏泽日报讯，记者李明报道。").count, 11, "punctuation is not counted");
  assert.equal(measureText("Heze Daily reports from Heze").count, 5);
  assert.equal(measureText("GDP增长5.2%").count, 5, "GDP, 增, 长, 5, 2");
  assert.equal(measureText("𠀀𠀁").count, 2, "characters beyond the BMP count once each");
});

test("reading time is about 400 Han characters a minute", () => {
  assert.equal(measureText("字".repeat(399)).minutes, 1);
  assert.equal(measureText("字".repeat(2000)).minutes, 5);
  assert.equal(measureText("").minutes, 1, "never zero");
  assert.equal(measureText("word ".repeat(400)).minutes, 2);
});

test("htmlToText drops tags and decodes the entities markdown-it writes", () => {
  assert.equal(htmlToText("<p>A &amp; B &lt;C&gt;</p>").trim(), "A & B <C>");
  assert.equal(
    htmlToText('<p><strong>牡丹节</strong>今天<a href="/x/">开幕</a></p><p>游客</p>')
      .replace(/\s+/g, " ")
      .trim(),
    "牡丹节今天开幕 游客",
    "inline tags join their text; paragraphs stay apart",
  );
});

test("measureText counts the same as a per-character reading of mixed text", () => {
  const text =
    "菏泽日报讯（记者 李明）2026年4月8日，Heze牡丹节开幕𠀀，游客8.5万人次。Café naïve ÉLAN 😀 \ud800";
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
  const words = text.split(/\p{Script=Han}|[^\p{L}\p{N}]/u).filter(Boolean).length;
  assert.equal(measureText(text).count, han + words);
});
