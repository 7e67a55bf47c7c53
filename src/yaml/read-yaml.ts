/**
 * YAML read with limits, for everything editors write (article front matter, `content/site.yaml`).
 * A few hundred bytes of anchors and aliases can stand for billions of nodes (an "alias bomb"), and a
 * deep nest of brackets can exhaust the stack: such input fails here in milliseconds with a line,
 * instead of keeping a build busy for minutes. The core schema reads no timestamps: dates stay text
 * for src/articles/newsroom-time.ts.
 *   readYaml("a: 1") → { ok: true, data: { a: 1 } }
 *   readYaml("a: [") → { ok: false, line: 1, column: 5, reason: "…" }
 */
import { isNode, LineCounter, parseDocument } from "yaml";

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
  | { ok: false; line: number; column: number; reason: string; code?: string };

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== "object") return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
  return deepest;
}

/** Parses one YAML document within `limits`; problems come with a 1-based line and column of the text. */
export function readYaml(text: string, limits: YamlLimits): YamlResult {
  if (text.length > limits.maxLength) {
    return {
      ok: false,
      line: 1,
      column: 1,
      reason: `the YAML is ${text.length} characters long; at most ${limits.maxLength} are read`,
    };
  }
  const lineCounter = new LineCounter();
  const tooDeep: YamlResult = {
    ok: false,
    line: 1,
    column: 1,
    reason: `lists and maps are nested more than ${limits.maxDepth} deep`,
  };
  let doc;
  try {
    doc = parseDocument(text, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (caught) {
    if (caught instanceof RangeError) return tooDeep; // the call stack ran out
    throw caught;
  }
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    return { ok: false, line: at.line, column: at.col, reason: error.message, code: error.code };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (caught) {
    if (caught instanceof RangeError) return tooDeep;
    // The yaml package throws a ReferenceError past maxAliasCount.
    if (!(caught instanceof ReferenceError)) throw caught;
    const first = text.search(/\*[^\s,\]}]/);
    const at = lineCounter.linePos(Math.max(first, 0));
    return {
      ok: false,
      line: at.line,
      column: at.col,
      reason: `too many aliases (*name): more than ${limits.maxAliases} once expanded; write the values out`,
    };
  }
  if (depthOf(data, limits.maxDepth) > limits.maxDepth) return tooDeep;
  /** Where the value at `path` starts, or its nearest parent that exists. */
  const positionOf = (path: PropertyKey[]): YamlPosition | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const at = lineCounter.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return undefined;
  };
  return { ok: true, data, positionOf };
}
