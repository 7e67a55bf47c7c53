/**
 * Splits an article file into YAML front matter and Markdown body, keeping the line of every key so
 * that problems point at it. Dates stay text here (YAML core schema has no timestamps):
 * newsroom-time.ts reads them. The YAML is read with limits (src/util/read-yaml.ts).
 */
import { FRONT_MATTER_LIMITS, readYaml } from "../util/read-yaml.ts";
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
// A line that meant `key: value` but used a full-width colon.
const FULL_WIDTH_KEY = /^[^\s#:：]+\s*：/;

/**
 * Articles above this size are refused: no news story is 2 MiB of text (the longest government work
 * reports are a few hundred KiB), so such a file is a pasted image or data dump that would make a
 * page nobody can load.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Reads one article file from its bytes. A UTF-8 BOM and CRLF line endings are accepted; anything
 * that is not UTF-8, is over MAX_ARTICLE_BYTES, has no front matter or has malformed YAML gives
 * problems instead of data.
 */
export function readSourceFile(file: string, bytes: Uint8Array): SourceFile | Problem[] {
  const problem = (message: string, line?: number, column?: number): Problem[] => [
    { file, line, column, message, severity: "error" },
  ];
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return problem(
      `the file is ${mib(bytes.length)}; articles are limited to ${mib(MAX_ARTICLE_BYTES)} (is an image or data pasted into it?)`,
      1,
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = firstNonUtf8Line(bytes);
    return problem("the file is not UTF-8 text (GBK, perhaps?); save it as UTF-8", line, 1);
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "")
    return problem("the file is empty; expected front matter between --- lines and a body", 1);
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") {
    return problem("expected the file to start with a --- line opening the front matter", 1);
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  if (close < 0) return problem("the front matter is never closed; expected a --- line after it", 1);

  const yamlLines = lines.slice(1, close);
  const yaml = readYaml(yamlLines.join("\n"), FRONT_MATTER_LIMITS);
  if (!yaml.ok) {
    let line = yaml.line + 1; // +1 for the opening ---
    let column = yaml.column;
    // `key：value` reads as the start of a longer key, so the parser may only complain a line later.
    if (!lines[line - 1]?.includes("：") && FULL_WIDTH_KEY.test(lines[line - 2] ?? ""))
      [line, column] = [line - 1, 1];
    return problem(yamlMessage(yaml.reason, lines[line - 1]), line, column);
  }
  const data = yaml.data;
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

/** The 1-based line holding the first byte that is not UTF-8. */
function firstNonUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      utf8.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return line;
    start = end + 1;
  }
}

/** Keeps the YAML parser's reason and adds a hint for the mistakes editors make most. */
function yamlMessage(reason: string, line: string | undefined): string {
  if (line && /^\s*\t/.test(line)) return `YAML does not allow tabs for indentation; use spaces (${reason})`;
  if (line && line.includes("：") && !/:\s/.test(line)) {
    return `a full-width colon ： does not separate a key; use an ASCII colon : (${reason})`;
  }
  return `malformed YAML: ${reason}`;
}
