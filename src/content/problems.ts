/**
 * Problems found in content. Every problem names the file and, where known, the line and field, so
 * that editors can fix all of them from one run: `content/articles/a.md:4:1: date（发表时间）：…`.
 * Messages are Texts from the catalog (src/util/messages/), in Chinese and English; the reader's
 * language is chosen when they are printed.
 */
import { afterField, warningWord } from "../util/messages/report.ts";
import type { Language, Text } from "../util/messages/text.ts";
import { fieldTitle } from "./schema.ts";

export interface Problem {
  /** Path of the offending file, relative to the working directory. */
  file: string;
  line?: number;
  column?: number;
  /** Front-matter field, when the problem is in one. */
  field?: string;
  message: Text;
  severity: "error" | "warning";
}

/**
 * `formatProblem(p, "zh")` gives `file:line:column: 警告：field（标签）：message` (the warning word for
 * warnings only; parts that are unknown are left out); in English
 * `file:line:column: warning: field: message`.
 */
export function formatProblem(problem: Problem, language: Language): string {
  const where = [problem.file, problem.line, problem.line ? (problem.column ?? 1) : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  const field = problem.field ? afterField(fieldTitle(problem.field))[language] : "";
  const level = problem.severity === "warning" ? warningWord[language] : "";
  return `${where}: ${level}${field}${problem.message[language]}`;
}

/** Thrown when content has errors; carries every problem so that the caller can print them all. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    // For engineers (stack traces): editors read the problems, printed in their language.
    const lines = errors.map((p) => formatProblem(p, "en"));
    super(`${errors.length} content error(s):\n${lines.join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/**
 * Finds a ContentError behind wrapper errors: Eleventy wraps what data functions throw (as `cause`) and
 * what pagination and templates throw (as `originalError`).
 */
export function findContentError(error: unknown): ContentError | undefined {
  for (let e = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) {
    if (e instanceof ContentError) return e;
  }
  return undefined;
}

/** By file, then line: the order editors fix them in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
