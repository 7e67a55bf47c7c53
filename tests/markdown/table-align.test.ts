import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";

test("table column alignment becomes a class, never a style attribute the CSP would refuse", () => {
  const html = createMarkdown().render(
    "| 县区 | 人数 | 备注 | 说明 |\n| :-- | --: | :-: | --- |\n| 曹县 | 12 | 新 | 无 |",
  );
  const { document } = new JSDOM(html).window;
  const classes = (selector: string) =>
    [...document.querySelectorAll(selector)].map((cell) => cell.className);
  assert.deepEqual(classes("th"), ["align-left", "align-right", "align-center", ""]);
  assert.deepEqual(classes("td"), ["align-left", "align-right", "align-center", ""]);
  assert.equal(document.querySelectorAll("[style]").length, 0);
});
