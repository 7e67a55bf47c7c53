/**
 * Validation: a source file's front matter against the one schema, with every problem turned into a
 * line that names the file, the line of the key, the field, the value and what was expected.
 */
import type { z } from "zod";
import type { Site } from "./site-data.ts";
import { findChannel } from "./site-data.ts";
import type { SourceFile } from "./front-matter.ts";
import type { Problem } from "./problems.ts";
import { controlCharacter } from "./control-character.ts";
import {
  articleFields,
  articleSchema,
  crossFieldIssues,
  fieldMeta,
  type ArticleField,
  type ArticleFrontMatter,
} from "./schema.ts";

const FIELD_NAMES = Object.keys(articleFields);

/** `showValue("2021-13-45") === '"2021-13-45"'`; long values are cut to 60 characters. */
function showValue(value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

function expectedFor(field: string): string | undefined {
  return field in articleFields ? fieldMeta.get(articleFields[field as ArticleField])?.expected : undefined;
}

function toProblems(source: SourceFile, issue: z.core.$ZodIssue): Problem[] {
  const at = (field: string): Problem => {
    const position = source.keyPositions.get(field);
    return {
      file: source.file,
      line: position?.line ?? 1,
      column: position?.column ?? 1,
      field,
      message: "",
      severity: "error",
    };
  };
  if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
    return issue.keys.map((key) => ({
      ...at(String(issue.path[0])),
      field: [...issue.path, key].map(String).join("."),
      message: "unknown field; expected time and text",
    }));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      ...at(key),
      message: `unknown field; expected one of ${FIELD_NAMES.join(", ")}`,
    }));
  }
  const field = String(issue.path[0] ?? "");
  // Inside a list of objects (corrections) the problem names the whole path, at the field's line.
  const named = { ...at(field), field: issue.path.map(String).join(".") };
  const value = issue.path.reduce<unknown>(
    (parent, key) => (parent as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
    source.data,
  );
  const expected = expectedFor(field);
  // Inside a list (authors, tags) zod's message says only that the list is wrong.
  const hidden = controlCharacter(JSON.stringify(value) === undefined ? "" : [value].flat(2).join(""));
  if (hidden && issue.code !== "custom") {
    return [
      {
        ...named,
        message: `got ${showValue(value)}: holds an invisible control character (${hidden}, such as a line break pasted from Word); delete it`,
      },
    ];
  }
  if (value === undefined) {
    return [{ ...named, message: `required field is missing; expected ${expected ?? issue.message}` }];
  }
  const because = issue.code === "custom" ? issue.message : `expected ${expected ?? issue.message}`;
  return [{ ...named, message: `got ${showValue(value)}: ${because}` }];
}

export type Validated = { ok: true; frontMatter: ArticleFrontMatter } | { ok: false; problems: Problem[] };

const isOptional = (field: string) =>
  field in articleFields && articleFields[field as ArticleField].safeParse(undefined).success;
const isEmpty = (value: unknown) =>
  value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** An optional field left empty (`kicker:`, `kicker: ""`, `tags: []`, as web editors save a cleared field) is absent. */
function withoutEmptyOptional(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([key, value]) => !(isEmpty(value) && isOptional(key))),
  );
}

/** The rules between fields, on the fields that are valid alone: a bad field must not hide them. */
function crossFieldProblems(source: SourceFile, data: Record<string, unknown>): Problem[] {
  const valid = Object.fromEntries(
    Object.entries(articleFields).flatMap(([key, schema]) => {
      const parsed = schema.safeParse(data[key]);
      return parsed.success ? [[key, parsed.data]] : [];
    }),
  );
  return crossFieldIssues(valid).flatMap((issue) =>
    toProblems(source, { code: "custom", input: undefined, path: issue.path, message: issue.message }),
  );
}

/**
 * Checks one file's front matter, including that its section is a known channel. Every problem is
 * reported at once, the rules between fields too, however many fields are wrong.
 */
export function validateArticle(source: SourceFile, site: Site): Validated {
  const data = withoutEmptyOptional(source.data);
  const result = articleSchema.safeParse(data);
  const problems = result.success
    ? []
    : [
        ...result.error.issues.flatMap((issue) => toProblems(source, issue)),
        ...crossFieldProblems(source, data),
      ];
  const section = source.data.section;
  if (typeof section === "string" && section.trim() && !findChannel(site, section.trim())) {
    const position = source.keyPositions.get("section");
    problems.push({
      file: source.file,
      line: position?.line,
      column: position?.column,
      field: "section",
      message: `got ${showValue(section)}: unknown channel; expected one of ${site.channels.map((c) => `${c.name} (${c.slug})`).join(", ")}`,
      severity: "error",
    });
  }
  if (result.success && problems.length === 0) return { ok: true, frontMatter: result.data };
  // A rule between fields may have run in the schema too.
  const unique = new Map(problems.map((p) => [`${p.line}:${p.field}:${p.message}`, p]));
  return { ok: false, problems: [...unique.values()] };
}
