import assert from "node:assert/strict";
import { test } from "node:test";
import { githubAnnotation, reportLines, summary } from "../../src/check/report.ts";

test("GitHub annotations escape what workflow commands reserve", () => {
  assert.equal(
    githubAnnotation({
      file: "content/a,b:c.md",
      line: 4,
      field: "date",
      message: "got 50%\nnext line",
      severity: "error",
    }),
    "::error file=content/a%2Cb%3Ac.md,line=4,col=1,title=date::got 50%25%0Anext line",
  );
  assert.equal(
    githubAnnotation({ file: "a.md", message: "empty", severity: "warning" }),
    "::warning file=a.md::empty",
  );
});

test("the text report groups problems by file and the summary counts them", () => {
  const result = {
    files: 3,
    problems: [
      { file: "a.md", line: 2, message: "x", severity: "error" as const },
      { file: "a.md", line: 5, message: "y", severity: "warning" as const },
      { file: "b.md", line: 1, message: "z", severity: "error" as const },
    ],
  };
  assert.deepEqual(reportLines(result, "text"), ["a.md:2:1: x", "a.md:5:1: warning: y", "", "b.md:1:1: z"]);
  assert.equal(summary(result), "2 errors, 1 warning in 2 of 3 articles");
  assert.equal(summary({ files: 1, problems: [] }), "no problems in 1 article");
});
