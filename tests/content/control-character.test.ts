import assert from "node:assert/strict";
import { test } from "node:test";
import { controlCharacter } from "../../src/content/control-character.ts";

test("ordinary text, tabs and line ends hold no control character", () => {
  for (const text of [
    "",
    "标题",
    "第一段\n第二段",
    "列\t列",
    "Windows\r\n行尾",
    "表情 😀 与全角　空格",
    "\u00A0不换行空格",
  ])
    assert.equal(controlCharacter(text), undefined, JSON.stringify(text));
});

test("invisible characters Word and pasting leave are named by their code point", () => {
  const cases: [string, string][] = [
    ["第一段\u000B第二段", "U+000B"], // Word's manual line break
    ["第一页\u000C第二页", "U+000C"], // Word's page break
    ["\u0000", "U+0000"],
    ["退格\u0008", "U+0008"],
    ["\u001F", "U+001F"],
    ["删除\u007F", "U+007F"],
    ["C1 \u0085 下一行", "U+0085"],
    ["\u009F", "U+009F"],
    ["非字符\uFFFE", "U+FFFE"],
    ["非字符\uFFFF", "U+FFFF"],
  ];
  for (const [text, expected] of cases) assert.equal(controlCharacter(text), expected, JSON.stringify(text));
});

test("the first control character in the text is the one reported", () => {
  assert.equal(controlCharacter("甲\t乙\u0001丙\u000B丁"), "U+0001");
});
