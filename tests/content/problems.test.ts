import assert from "node:assert/strict";
import { test } from "node:test";
import { ContentError, findContentError, formatProblem, type Problem } from "../../src/content/problems.ts";

const problem = (fields: Partial<Problem> = {}): Problem => ({
  file: "content/articles/a.md",
  message: "not a real date",
  severity: "error",
  ...fields,
});

test("a problem reads file:line:column: field: message, leaving out what is unknown", () => {
  assert.equal(
    formatProblem(problem({ line: 4, column: 7, field: "date" })),
    "content/articles/a.md:4:7: date: not a real date",
  );
  assert.equal(
    formatProblem(problem({ line: 4, field: "date" })),
    "content/articles/a.md:4:1: date: not a real date",
  );
  assert.equal(formatProblem(problem({ field: "date" })), "content/articles/a.md: date: not a real date");
  assert.equal(formatProblem(problem()), "content/articles/a.md: not a real date");
  assert.equal(
    formatProblem(problem({ column: 3 })),
    "content/articles/a.md: not a real date",
    "a column without a line means nothing",
  );
});

test("a warning says so before the field", () => {
  assert.equal(
    formatProblem(problem({ line: 2, field: "title", message: "too long", severity: "warning" })),
    "content/articles/a.md:2:1: warning: title: too long",
  );
});

test("a ContentError carries every problem and lists the errors, not the warnings, in its message", () => {
  const problems = [
    problem({ line: 4, field: "date" }),
    problem({ file: "content/articles/b.md", message: "too long", severity: "warning" }),
    problem({ file: "content/articles/c.md", message: "body is empty" }),
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
