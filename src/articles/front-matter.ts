/**
 * Splits an article file into YAML front matter and Markdown body, keeping the line of every key so
 * that problems point at it. Dates stay text here (YAML core schema has no timestamps):
 * newsroom-time.ts reads them.
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { Problem } from "./problems.ts";

export interface SourceFile {
  /** The file's path as shown in messages. */
  file: string;
  /** Front matter as parsed, before validation. */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** 1-based line and column of each top-level front-matter key. */
  keyPositions: Map<string, { line: number; column: number }>;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
// A top-level key: unindented, up to the first ": " (or a colon ending the line).
const TOP_LEVEL_KEY = /^([^\s#'"-][^:]*?)\s*:(?:\s|$)/;

/**
 * Reads one article file from its bytes. A UTF-8 BOM and CRLF line endings are accepted; anything
 * that is not UTF-8, has no front matter or has malformed YAML gives problems instead of data.
 */
export function readSourceFile(file: string, bytes: Uint8Array): SourceFile | Problem[] {
  const problem = (message: string, line?: number, column?: number): Problem[] => [
    { file, line, column, message, severity: "error" },
  ];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem("the file is not UTF-8 text; save it as UTF-8");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "")
    return problem("the file is empty; expected front matter between --- lines and a body");
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") {
    return problem("expected the file to start with a --- line opening the front matter", 1);
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  if (close < 0) return problem("the front matter is never closed; expected a --- line after it", 1);

  const yamlLines = lines.slice(1, close);
  let data: unknown;
  try {
    data = load(yamlLines.join("\n"), { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = (error.mark?.line ?? 0) + 2; // +1 for 1-based, +1 for the opening ---
    return problem(yamlMessage(error.reason, lines[line - 1]), line, (error.mark?.column ?? 0) + 1);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const hint = yamlLines.some((l) => l.includes("："))
      ? " (a full-width colon ： does not separate a key; use an ASCII colon :)"
      : "";
    return problem(`expected front matter made of key: value lines${hint}`, 2);
  }
  const keyPositions = new Map<string, { line: number; column: number }>();
  yamlLines.forEach((line, i) => {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key && !keyPositions.has(key)) keyPositions.set(key, { line: i + 2, column: 1 });
  });
  return {
    file,
    data: data as Record<string, unknown>,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
    keyPositions,
  };
}

/** Keeps the YAML parser's reason and adds a hint for the mistakes editors make most. */
function yamlMessage(reason: string, line: string | undefined): string {
  if (line && /^\s*\t/.test(line)) return `YAML does not allow tabs for indentation; use spaces (${reason})`;
  if (line && line.includes("：") && !/:\s/.test(line)) {
    return `a full-width colon ： does not separate a key; use an ASCII colon : (${reason})`;
  }
  return `malformed YAML: ${reason}`;
}
