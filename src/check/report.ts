/**
 * How `npm run check` prints problems, in the reader's language. `text`: one `file:line:column: message`
 * line each, files separated by a blank line, then a summary. `github`: GitHub Actions workflow
 * commands (`::error file=…,line=…,col=…,title=…::message`, the same message as the text line) so
 * problems show on the pull request's diff.
 */
import { formatProblem, type Problem } from "../content/problems.ts";
import { fieldTitle } from "../content/schema.ts";
import { checkSummary } from "../util/messages/commands.ts";
import type { Language } from "../util/messages/text.ts";
import type { CheckResult } from "./check-content.ts";

export type ReportFormat = "text" | "github";

/** `2 个错误、1 个警告，涉及 120 篇稿件中的 2 篇` / `2 errors, 1 warning in 2 of 120 articles`. */
export function summary({ files, problems }: CheckResult, language: Language): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const affected = new Set(problems.map((p) => p.file)).size;
  return checkSummary(errors, problems.length - errors, affected, files)[language];
}

/** Escapes a workflow-command value: data escapes %, CR and LF; properties also `:` and `,`. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=content/a.md,line=4,col=1,title=date（发表时间）::写的是 "2021-13-45"，…` */
export function githubAnnotation(problem: Problem, language: Language): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    problem.line ? `line=${problem.line}` : undefined,
    problem.line ? `col=${problem.column ?? 1}` : undefined,
    problem.field ? `title=${escapeProperty(fieldTitle(problem.field)[language])}` : undefined,
  ].filter(Boolean);
  return `::${problem.severity} ${properties.join(",")}::${escapeData(problem.message[language])}`;
}

/** The report's lines; `problems` are already sorted by file. */
export function reportLines(result: CheckResult, format: ReportFormat, language: Language): string[] {
  if (format === "github") return result.problems.map((problem) => githubAnnotation(problem, language));
  const lines: string[] = [];
  result.problems.forEach((problem, i) => {
    if (i > 0 && result.problems[i - 1]!.file !== problem.file) lines.push("");
    lines.push(formatProblem(problem, language));
  });
  return lines;
}
