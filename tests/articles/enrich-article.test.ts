import assert from "node:assert/strict";
import { test } from "node:test";
import { describe as summarise } from "../../src/articles/enrich-article.ts";

test("a summary from the body joins paragraphs without a space after Chinese punctuation", () => {
  assert.equal(
    summarise("第一段结束。\n\n“第二段”开始， 然后：\n  结束！ "),
    "第一段结束。“第二段”开始，然后：结束！",
  );
  // A space the writer meant between Chinese and Latin text or digits stays.
  assert.equal(summarise("本报讯 10月18日  上午 2026 Heze"), "本报讯 10月18日 上午 2026 Heze");
});

test("a long summary is cut at a sentence end near the limit", () => {
  const sentence = "菏泽牡丹文化旅游节今天开幕。";
  const text = Array.from({ length: 20 }, () => sentence).join("\n\n");
  const summary = summarise(text);
  assert.ok(summary.length <= 120);
  assert.ok(summary.endsWith("。"));
  assert.doesNotMatch(summary, /\s/);
});
