import assert from "node:assert/strict";
import { test } from "node:test";
import { githubAnnotation, reportLines, summary } from "../../src/check/report.ts";

const text = (en: string, zh: string) => ({ zh, en });

test("GitHub annotations escape what workflow commands reserve", () => {
  const problem = {
    file: "content/a,b:c.md",
    line: 4,
    field: "date",
    message: text("got 50%\nnext line", "写的是 50%\n下一行"),
    severity: "error" as const,
  };
  assert.equal(
    githubAnnotation(problem, "en"),
    "::error file=content/a%2Cb%3Ac.md,line=4,col=1,title=date::got 50%25%0Anext line",
  );
  assert.equal(
    githubAnnotation(problem, "zh"),
    "::error file=content/a%2Cb%3Ac.md,line=4,col=1,title=date（发表时间）::写的是 50%25%0A下一行",
  );
  assert.equal(
    githubAnnotation({ file: "a.md", message: text("empty", "空"), severity: "warning" }, "en"),
    "::warning file=a.md::empty",
  );
});

test("the text report groups problems by file and the summary counts them, in either language", () => {
  const result = {
    files: 3,
    problems: [
      { file: "a.md", line: 2, message: text("x", "甲"), severity: "error" as const },
      { file: "a.md", line: 5, message: text("y", "乙"), severity: "warning" as const },
      { file: "b.md", line: 1, message: text("z", "丙"), severity: "error" as const },
    ],
  };
  assert.deepEqual(reportLines(result, "text", "en"), [
    "a.md:2:1: x",
    "a.md:5:1: warning: y",
    "",
    "b.md:1:1: z",
  ]);
  assert.deepEqual(reportLines(result, "text", "zh"), [
    "a.md:2:1: 甲",
    "a.md:5:1: 警告：乙",
    "",
    "b.md:1:1: 丙",
  ]);
  assert.equal(summary(result, "en"), "2 errors, 1 warning in 2 of 3 articles");
  assert.equal(summary(result, "zh"), "2 个错误、1 个警告，涉及 3 篇稿件中的 2 篇");
  assert.equal(summary({ files: 1, problems: [] }, "en"), "no problems in 1 article");
  assert.equal(summary({ files: 1, problems: [] }, "zh"), "检查了 1 篇稿件，没有发现问题");
});
