/**
 * Validation: a source file's front matter against the one schema, with every problem turned into a
 * line that names the file, the line of the key, the field, the value and what to write instead, in
 * the catalog's words (src/util/messages/fields.ts): an unknown field or channel suggests the nearest
 * real one.
 */
import type { z } from "zod";
import {
  channelName,
  hiddenCharacter,
  missingField,
  unknownChannel,
  unknownCorrectionField,
  unknownField,
  wrongValue,
} from "../util/messages/fields.ts";
import { got, list, quote, type Text } from "../util/messages/text.ts";
import { nearest } from "../util/nearest.ts";
import type { Site } from "./site-data.ts";
import { findChannel } from "./site-data.ts";
import type { SourceFile } from "./front-matter.ts";
import type { Problem } from "./problems.ts";
import { controlCharacter } from "./control-character.ts";
import { customIssue, issueText } from "./issue-text.ts";
import {
  articleFields,
  articleSchema,
  correctionSchema,
  crossFieldIssues,
  fieldLabel,
  fieldMeta,
  fieldTitle,
  type ArticleField,
  type ArticleFrontMatter,
} from "./schema.ts";

const FIELD_NAMES = Object.keys(articleFields) as ArticleField[];
const CORRECTION_FIELDS = Object.keys(correctionSchema.shape);
const BY_LABEL = new Map(FIELD_NAMES.map((name) => [fieldLabel(name), name]));

/**
 * The field an unknown key most likely meant: a known field's label (`标题:` → title), or the
 * nearest name (`tag` → tags, `auther` → author, `titel` → title).
 */
function suggestField(key: string): ArticleField | undefined {
  return BY_LABEL.get(key.trim()) ?? (nearest(key.trim(), FIELD_NAMES) as ArticleField | undefined);
}

function expectedFor(field: string): Text | undefined {
  return field in articleFields ? fieldMeta.get(articleFields[field as ArticleField])?.expected : undefined;
}

function toProblems(source: SourceFile, issue: z.core.$ZodIssue): Problem[] {
  const at = (field: string): Omit<Problem, "message"> => {
    const position = source.keyPositions.get(field);
    return {
      file: source.file,
      line: position?.line ?? 1,
      column: position?.column ?? 1,
      field,
      severity: "error",
    };
  };
  if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
    return issue.keys.map((key) => ({
      ...at(String(issue.path[0])),
      field: [...issue.path, key].map(String).join("."),
      message: unknownCorrectionField(nearest(key, CORRECTION_FIELDS)),
    }));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const suggestion = suggestField(key);
      return {
        ...at(key),
        message: unknownField(list(FIELD_NAMES.map(fieldTitle)), suggestion && fieldTitle(suggestion)),
      };
    });
  }
  const field = String(issue.path[0] ?? "");
  // Inside a list of objects (corrections) the problem names the whole path, at the field's line.
  const named = { ...at(field), field: issue.path.map(String).join(".") };
  const value = issue.path.reduce<unknown>(
    (parent, key) => (parent as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
    source.data,
  );
  // Zod's wording never reaches an editor: what the field expects comes from the catalog. The
  // schema is strict, so every issue but an unknown key's is on a known field.
  const expected = expectedFor(field)!;
  // Inside a list (authors, tags) zod's message says only that the list is wrong.
  const hidden = controlCharacter(JSON.stringify(value) === undefined ? "" : [value].flat(2).join(""));
  const own = issueText(issue);
  if (hidden && !own) return [{ ...named, message: got(quote(value), hiddenCharacter(hidden)) }];
  if (value === undefined) return [{ ...named, message: missingField(expected) }];
  return [{ ...named, message: got(quote(value), own ?? wrongValue(expected)) }];
}

export type Validated = { ok: true; frontMatter: ArticleFrontMatter } | { ok: false; problems: Problem[] };

const isOptional = (field: string) =>
  field in articleFields && articleFields[field as ArticleField].safeParse(undefined).success;
const isEmpty = (value: unknown) =>
  value === null || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * An optional field left empty (`kicker:`, `kicker: ""`, `tags: []`, as web editors save a cleared
 * field) is absent.
 */
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
  return crossFieldIssues(valid).flatMap(({ path, message }) =>
    toProblems(source, { ...customIssue(message), input: undefined, path }),
  );
}

/** An unknown channel, with the nearest name or slug (`本地新闻` → 本地要闻, `Bendi` → bendi). */
function channelProblem(section: string, site: Site): Text {
  const named = (c: Site["channels"][number]) => channelName(c.name, c.slug);
  const near = nearest(
    section,
    site.channels.flatMap((c) => [c.name, c.slug]),
  );
  const channel = near === undefined ? undefined : findChannel(site, near);
  return unknownChannel(list(site.channels.map(named)), channel && named(channel));
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
      message: got(quote(section), channelProblem(section.trim(), site)),
      severity: "error",
    });
  }
  if (result.success && problems.length === 0) return { ok: true, frontMatter: result.data };
  // A rule between fields may have run in the schema too.
  const unique = new Map(problems.map((p) => [`${p.line}:${p.field}:${p.message.en}`, p]));
  return { ok: false, problems: [...unique.values()] };
}
