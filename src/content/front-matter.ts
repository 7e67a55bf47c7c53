/**
 * Splits an article file into YAML front matter and Markdown body, keeping the line of every key so
 * that problems point at it. Dates stay text here (YAML core schema has no timestamps):
 * newsroom-time.ts reads them. The YAML is read with limits (src/util/read-yaml.ts).
 */
import {
  emptyFile,
  fileTooBig,
  noOpeningLine,
  notClosed,
  notKeyValueLines,
  notUtf8,
  yamlFullWidthColon,
  yamlMalformed,
  yamlTabs,
} from "../util/messages/files.ts";
import type { Text } from "../util/messages/text.ts";
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
  const problem = (message: Text, line?: number, column?: number): Problem[] => [
    { file, line, column, message, severity: "error" },
  ];
  const split = splitFile(bytes);
  if ("message" in split) return problem(split.message, split.line, split.column);
  const { lines, close } = split;
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
    return problem(notKeyValueLines(yamlLines.some((l) => l.includes("："))), 2);
  }
  const keyPositions = new Map<string, { line: number; column: number }>();
  yamlLines.forEach((line, i) => {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key && !keyPositions.has(key)) keyPositions.set(key, { line: i + 2, column: 1 });
  });
  return { ...sourceOf(file, split), data: data as Record<string, unknown>, keyPositions };
}

/**
 * The body of a file whose front matter cannot be read (malformed YAML), as a source with no data,
 * so that its images and links are still checked in the same run; undefined when the file has no
 * front matter lines to find the body below.
 */
export function readBodyOnly(file: string, bytes: Uint8Array): SourceFile | undefined {
  const split = splitFile(bytes);
  return "message" in split ? undefined : sourceOf(file, split);
}

type Split = { lines: string[]; close: number } | { message: Text; line: number; column?: number };

/** The file's lines and the line of the --- closing its front matter, or why it has none. */
function splitFile(bytes: Uint8Array): Split {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return { message: fileTooBig(mib(bytes.length), mib(MAX_ARTICLE_BYTES)), line: 1 };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { message: notUtf8, line: firstNonUtf8Line(bytes), column: 1 };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { message: emptyFile, line: 1 };
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { message: noOpeningLine, line: 1 };
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  if (close < 0) return { message: notClosed, line: 1 };
  return { lines, close };
}

function sourceOf(file: string, { lines, close }: { lines: string[]; close: number }): SourceFile {
  return {
    file,
    data: {},
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
    keyPositions: new Map(),
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
function yamlMessage(reason: Text, line: string | undefined): Text {
  if (line && /^\s*\t/.test(line)) return yamlTabs(reason);
  if (line && line.includes("：") && !/:\s/.test(line)) return yamlFullWidthColon(reason);
  return yamlMalformed(reason);
}
