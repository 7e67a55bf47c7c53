import assert from "node:assert/strict";
import { test } from "node:test";
import { readYaml, type YamlLimits, type YamlResult } from "../../src/util/read-yaml.ts";

const LIMITS: YamlLimits = { maxLength: 1000, maxAliases: 3, maxDepth: 3 };

function read(text: string, limits = LIMITS): Extract<YamlResult, { ok: true }> {
  const result = readYaml(text, limits);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

function failure(text: string, limits = LIMITS): Extract<YamlResult, { ok: false }> {
  const result = readYaml(text, limits);
  assert.ok(!result.ok, `accepted: ${text}`);
  return result;
}

test("YAML reads to data; dates and times stay text for the newsroom-time parser", () => {
  assert.deepEqual(read("title: 牡丹节\ndate: 2021-11-22 09:27\nday: 2021-11-22\ntags: [甲, 乙]\n").data, {
    title: "牡丹节",
    date: "2021-11-22 09:27",
    day: "2021-11-22",
    tags: ["甲", "乙"],
  });
});

test("text with an anchor reads to the same data as text without one, aliases expanded", () => {
  assert.deepEqual(read("a: &x [1, 2]\nb: *x\n").data, { a: [1, 2], b: [1, 2] });
  assert.deepEqual(read("title: 甲 & 乙\n").data, { title: "甲 & 乙" });
});

test("malformed YAML fails with the 1-based line and column of the fault, with or without anchors", () => {
  const plain = failure("title: 测试\nauthor: [李明\nsource: 菏泽日报\n");
  assert.ok(plain.line >= 2 && plain.column >= 1, JSON.stringify(plain));
  assert.ok(plain.reason.en.length > 0);
  for (const text of ["a: 1\nb: 2\na: 3\n", "a: &x 1\nb: *x\na: 3\n"]) {
    const duplicate = failure(text);
    assert.deepEqual([duplicate.line, duplicate.column], [3, 1], text);
  }
});

test("text longer than the limit is refused before it is parsed", () => {
  const long = failure(`title: ${"长".repeat(2000)}\n`);
  assert.deepEqual([long.line, long.column], [1, 1]);
  assert.match(long.reason.en, /at most 1000 are read/);
  read(`title: ${"长".repeat(2000)}\n`, { ...LIMITS, maxLength: 3000 });
});

test("aliases are counted as expanded: within the limit they read, past it the first alias's line is named", () => {
  assert.deepEqual(read("a: &x 1\nb: [*x, *x]\n").data, { a: 1, b: [1, 1] });
  const bomb = failure("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n");
  assert.match(bomb.reason.en, /too many aliases \(\*name\): more than 3 once expanded/);
  assert.deepEqual([bomb.line, bomb.column], [2, 8]);
});

test("exactly maxAliases aliases are read", () => {
  assert.deepEqual(read("a: &x 1\nb: [*x, *x, *x]\n").data, { a: 1, b: [1, 1, 1] });
});

test("nesting is allowed up to the depth limit and refused one deeper", () => {
  assert.deepEqual(read("a: [[1]]\n").data, { a: [[1]] });
  for (const text of ["a: [[[1]]]\n", "a: &x [[[1]]]\n", "a:\n  b:\n    c:\n      d: 1\n"]) {
    const deep = failure(text);
    assert.equal(deep.reason.en, "lists and maps are nested more than 3 deep", text);
  }
});

test("positionOf gives where a value starts, or its nearest parent that exists", () => {
  const result = read("title: 测试\ntags:\n  - 甲\n  - 乙\n");
  assert.deepEqual(result.positionOf(["title"]), { line: 1, column: 8 });
  assert.deepEqual(result.positionOf(["tags", 1]), { line: 4, column: 5 });
  assert.deepEqual(result.positionOf(["tags", 9]), { line: 3, column: 3 });
});
