import assert from "node:assert/strict";
import { test } from "node:test";
import { ContentError, findContentError, formatProblem, type Problem } from "../../src/content/problems.ts";

const text = (en: string, zh = `中文：${en}`) => ({ zh, en });

const problem = (fields: Partial<Problem> = {}): Problem => ({
  file: "content/articles/a.md",
  message: text("not a real date", "不是有效日期"),
  severity: "error",
  ...fields,
});

test("a problem reads file:line:column: field: message, leaving out what is unknown", () => {
  assert.equal(
    formatProblem(problem({ line: 4, column: 7, field: "date" }), "en"),
    "content/articles/a.md:4:7: date: not a real date",
  );
  assert.equal(
    formatProblem(problem({ line: 4, field: "date" }), "en"),
    "content/articles/a.md:4:1: date: not a real date",
  );
  assert.equal(
    formatProblem(problem({ field: "date" }), "en"),
    "content/articles/a.md: date: not a real date",
  );
  assert.equal(formatProblem(problem(), "en"), "content/articles/a.md: not a real date");
  assert.equal(
    formatProblem(problem({ column: 3 }), "en"),
    "content/articles/a.md: not a real date",
    "a column without a line means nothing",
  );
});

test("in Chinese a known field keeps its name as written and gains its label; an unknown one stays as written", () => {
  assert.equal(
    formatProblem(problem({ line: 4, field: "date" }), "zh"),
    "content/articles/a.md:4:1: date（发表时间）：不是有效日期",
  );
  assert.equal(
    formatProblem(problem({ line: 9, field: "corrections.0.time" }), "zh"),
    "content/articles/a.md:9:1: corrections.0.time（更正）：不是有效日期",
  );
  assert.equal(
    formatProblem(problem({ field: "body" }), "zh"),
    "content/articles/a.md: body（正文）：不是有效日期",
  );
  assert.equal(
    formatProblem(problem({ field: "tilte" }), "zh"),
    "content/articles/a.md: tilte：不是有效日期",
  );
});

test("a warning says so before the field", () => {
  const warning = problem({
    line: 2,
    field: "title",
    message: text("too long", "太长"),
    severity: "warning",
  });
  assert.equal(formatProblem(warning, "en"), "content/articles/a.md:2:1: warning: title: too long");
  assert.equal(formatProblem(warning, "zh"), "content/articles/a.md:2:1: 警告：title（标题）：太长");
});

test("a ContentError carries every problem and lists the errors, not the warnings, in its message (in English, for engineers)", () => {
  const problems = [
    problem({ line: 4, field: "date" }),
    problem({ file: "content/articles/b.md", message: text("too long"), severity: "warning" }),
    problem({ file: "content/articles/c.md", message: text("body is empty") }),
  ];
  const error = new ContentError(problems);
  assert.ok(error instanceof Error);
  assert.equal(error.name, "ContentError");
  assert.deepEqual(error.problems, problems);
  assert.equal(
    error.message,
    "2 content error(s):\ncontent/articles/a.md:4:1: date: not a real date\ncontent/articles/c.md: body is empty",
  );
});

test("a ContentError is found behind Eleventy's wrappers, through cause and originalError", () => {
  const content = new ContentError([problem()]);
  assert.equal(findContentError(content), content);
  const dataError = new Error("data file failed", { cause: content });
  assert.equal(findContentError(dataError), content);
  const templateError = Object.assign(new Error("template failed"), { originalError: dataError });
  assert.equal(findContentError(new Error("build failed", { cause: templateError })), content);
});

test("no ContentError behind an error, or no error at all, gives undefined", () => {
  assert.equal(findContentError(new Error("bug", { cause: new TypeError("x") })), undefined);
  assert.equal(findContentError("a string"), undefined);
  assert.equal(findContentError(undefined), undefined);
});
