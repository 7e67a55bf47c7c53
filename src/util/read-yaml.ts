/**
 * YAML read with limits, for everything editors write (article front matter, `content/site.yaml`).
 * A few hundred bytes of anchors and aliases can stand for billions of nodes (an "alias bomb"), and a
 * deep nest of brackets can exhaust the stack: such input fails here in milliseconds with a line,
 * instead of keeping a build busy for minutes. The core schema reads no timestamps: dates stay text
 * for src/content/newsroom-time.ts.
 *   readYaml("a: 1") → { ok: true, data: { a: 1 } }
 *   readYaml("a: [") → { ok: false, line: 1, column: 5, reason: { zh: "…", en: "…" } }
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import { yamlSyntax, yamlTooDeep, yamlTooLong, yamlTooManyAliases } from "./messages/files.ts";
import type { Text } from "./messages/text.ts";

export interface YamlLimits {
  /** Bytes of YAML text (UTF-16 code units, close enough). */
  maxLength: number;
  /** Aliases (`*name`), counted as expanded. */
  maxAliases: number;
  /** Nested lists and maps. */
  maxDepth: number;
}

/** Front matter is a dozen short fields; no real one comes near these. */
export const FRONT_MATTER_LIMITS: YamlLimits = { maxLength: 256 * 1024, maxAliases: 20, maxDepth: 8 };

/** A 1-based line and column in the YAML text. */
export interface YamlPosition {
  line: number;
  column: number;
}

export type YamlResult =
  | { ok: true; data: unknown; positionOf(path: PropertyKey[]): YamlPosition | undefined }
  | { ok: false; line: number; column: number; reason: Text };

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== "object") return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
  return deepest;
}

/**
 * Parses one YAML document within `limits`; problems come with a 1-based line and column of the text.
 * Text without an anchor (`&name`) can hold no alias, so js-yaml reads it (five times faster than the
 * yaml package); text with one is read by the yaml package, which counts
 * aliases as it expands them.
 */
export function readYaml(text: string, limits: YamlLimits): YamlResult {
  if (text.length > limits.maxLength) {
    return {
      ok: false,
      line: 1,
      column: 1,
      reason: yamlTooLong(text.length, limits.maxLength),
    };
  }
  let read: YamlResult;
  try {
    read = text.includes("&") ? readCounting(text, limits) : readPlain(text);
  } catch (caught) {
    if (caught instanceof RangeError) return tooDeep(limits); // the call stack ran out
    throw caught;
  }
  return read.ok && depthOf(read.data, limits.maxDepth) > limits.maxDepth ? tooDeep(limits) : read;
}

function tooDeep(limits: YamlLimits): YamlResult {
  return {
    ok: false,
    line: 1,
    column: 1,
    reason: yamlTooDeep(limits.maxDepth),
  };
}

/** Where the value at `path` starts in `text`, or its nearest parent that exists. */
function positionIn(text: string, path: PropertyKey[]): YamlPosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter });
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const at = lineCounter.linePos(node.range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return undefined;
}

function readPlain(text: string): YamlResult {
  try {
    const data = load(text, { schema: CORE_SCHEMA });
    return { ok: true, data, positionOf: (path) => positionIn(text, path) };
  } catch (caught) {
    if (!(caught instanceof YAMLException)) throw caught;
    const { line = 0, column = 0 } = caught.mark ?? {};
    return { ok: false, line: line + 1, column: column + 1, reason: yamlSyntax(caught.reason) };
  }
}

function readCounting(text: string, limits: YamlLimits): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    return { ok: false, line: at.line, column: at.col, reason: yamlSyntax(error.message) };
  }
  try {
    return {
      ok: true,
      // The yaml package counts the anchored node as one use besides its aliases.
      data: doc.toJS({ maxAliasCount: limits.maxAliases + 1 }),
      positionOf: (path) => positionIn(text, path),
    };
  } catch (caught) {
    // The yaml package throws a ReferenceError past maxAliasCount.
    if (!(caught instanceof ReferenceError)) throw caught;
    const at = lineCounter.linePos(Math.max(text.search(/\*[^\s,\]}]/), 0));
    return {
      ok: false,
      line: at.line,
      column: at.col,
      reason: yamlTooManyAliases(limits.maxAliases),
    };
  }
}
