/**
 * How `npm run check` prints problems. `text`: one `file:line:column: message` line each, files
 * separated by a blank line, then a summary. `github`: GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…,title=…::message`) so problems show on the pull request's diff.
 */
import { formatProblem, type Problem } from "../content/problems.ts";
import type { CheckResult } from "./check-content.ts";

export type ReportFormat = "text" | "github";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `1 error, 2 warnings in 2 of 120 files`. */
export function summary({ files, problems }: CheckResult): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const affected = new Set(problems.map((p) => p.file)).size;
  if (problems.length === 0) return `no problems in ${plural(files, "article")}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${affected} of ${plural(files, "article")}`;
}

/** Escapes a workflow-command value: data escapes %, CR and LF; properties also `:` and `,`. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=content/a.md,line=4,col=1,title=date::got "2021-13-45": …` */
export function githubAnnotation(problem: Problem): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    problem.line ? `line=${problem.line}` : undefined,
    problem.line ? `col=${problem.column ?? 1}` : undefined,
    problem.field ? `title=${escapeProperty(problem.field)}` : undefined,
  ].filter(Boolean);
  return `::${problem.severity} ${properties.join(",")}::${escapeData(problem.message)}`;
}

/** The report's lines; `problems` are already sorted by file. */
export function reportLines(result: CheckResult, format: ReportFormat): string[] {
  if (format === "github") return result.problems.map(githubAnnotation);
  const lines: string[] = [];
  result.problems.forEach((problem, i) => {
    if (i > 0 && result.problems[i - 1]!.file !== problem.file) lines.push("");
    lines.push(formatProblem(problem));
  });
  return lines;
}
