import assert from "node:assert/strict";
import { test } from "node:test";
import { xmlText } from "../../src/discovery/xml-text.ts";

test("characters XML 1.0 forbids are dropped; tabs, newlines and Chinese stay", () => {
  assert.equal(xmlText("第一段\u000B第二段\u0000\u001F\uFFFF"), "第一段第二段");
  assert.equal(xmlText("甲\t乙\n丙\r丁"), "甲\t乙\n丙\r丁");
});
