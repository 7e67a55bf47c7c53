/**
 * The one article front-matter schema. Its types, the build's validation, the content checker, the
 * scaffolder and the web editor's config all come from here: add a field here and every tool sees it.
 * Each field carries `label` (the newsroom's word, shown in the web editor and beside the field's name
 * in every problem) and `expected` (from the message catalog, src/util/messages/fields.ts).
 * A rule of its own (a date, an alias, no control character) reports a catalog Text as the zod
 * issue's `params.text`: zod's own wording never reaches an editor (src/content/validate-article.ts).
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import { earlierThan, notLaterThan } from "../util/messages/dates.ts";
import { EXPECTED, fieldName, hiddenCharacter, imageNeedsAlt } from "../util/messages/fields.ts";
import type { Text } from "../util/messages/text.ts";
import { controlCharacter } from "./control-character.ts";
import { customIssue } from "./issue-text.ts";
import { normaliseAlias } from "./alias-path.ts";
import { parseNewsroomDate } from "./newsroom-time.ts";

export interface FieldMeta {
  label: string;
  expected: Text;
  /** How the web editor should offer the field. */
  widget: "string" | "text" | "datetime" | "list" | "image" | "channel" | "boolean" | "corrections";
}

export const fieldMeta = z.registry<FieldMeta>();

function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.add(schema, meta);
  return schema;
}

// A fresh schema per field: metadata is registered per schema instance. Invisible control
// characters (Word's manual line break is a vertical tab) would make the feeds invalid XML.
const text = () =>
  z
    .string()
    .trim()
    .min(1)
    .check((ctx) => {
      const found = controlCharacter(ctx.value);
      if (found) ctx.issues.push({ ...customIssue(hiddenCharacter(found)), input: ctx.value });
    });
const newsroomDate = z.string().transform((value, ctx): DateTime => {
  const parsed = parseNewsroomDate(value);
  if (parsed.ok) return parsed.time;
  ctx.addIssue(customIssue(parsed.expected));
  return z.NEVER;
});

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An old URL a static file can answer: a path of printable ASCII, no query, fragment, `//` or `..`. */
export const ALIAS_PATTERN = /^(?!.*\/\/)(?!.*\.\.)\/[\x21-\x22\x24-\x3e\x40-\x7e]*$/;

/** An alias must have a normal form (src/content/alias-path.ts): no %-escape may hide `..` or `<`. */
function normalAlias(ctx: z.core.ParsePayload<string>): void {
  if (!ALIAS_PATTERN.test(ctx.value)) return; // the pattern's own issue says what is wrong
  const normal = normaliseAlias(ctx.value);
  if ("problem" in normal) ctx.issues.push({ ...customIssue(normal.problem), input: ctx.value });
}

/** One 更正 notice: when it was made and what it says. */
export const correctionSchema = z.object({ time: newsroomDate, text: text() }).strict();

export const articleFields = {
  title: field(text(), { label: "标题", expected: EXPECTED.title, widget: "string" }),
  kicker: field(text().optional(), {
    label: "引题",
    expected: EXPECTED.kicker,
    widget: "string",
  }),
  subtitle: field(text().optional(), {
    label: "副题",
    expected: EXPECTED.subtitle,
    widget: "string",
  }),
  author: field(z.union([text(), z.array(text()).min(1)]), {
    label: "作者",
    expected: EXPECTED.author,
    widget: "list",
  }),
  source: field(text(), {
    label: "来源",
    expected: EXPECTED.source,
    widget: "string",
  }),
  date: field(newsroomDate, { label: "发表时间", expected: EXPECTED.date, widget: "datetime" }),
  updated: field(newsroomDate.optional(), {
    label: "更新时间",
    expected: EXPECTED.updated,
    widget: "datetime",
  }),
  section: field(text(), {
    label: "栏目",
    expected: EXPECTED.section,
    widget: "channel",
  }),
  editor: field(text().optional(), { label: "责任编辑", expected: EXPECTED.editor, widget: "string" }),
  summary: field(text().optional(), { label: "摘要", expected: EXPECTED.summary, widget: "text" }),
  tags: field(z.array(text()).optional(), { label: "标签", expected: EXPECTED.tags, widget: "list" }),
  image: field(text().optional(), {
    label: "题图",
    expected: EXPECTED.image,
    widget: "image",
  }),
  image_alt: field(text().optional(), {
    label: "题图替代文字",
    expected: EXPECTED.image_alt,
    widget: "string",
  }),
  image_caption: field(text().optional(), {
    label: "图片说明",
    expected: EXPECTED.image_caption,
    widget: "string",
  }),
  id: field(z.union([text(), z.int()]).optional(), {
    label: "稿件编号",
    expected: EXPECTED.id,
    widget: "string",
  }),
  slug: field(z.string().regex(SLUG_PATTERN).optional(), {
    label: "网址短名",
    expected: EXPECTED.slug,
    widget: "string",
  }),
  aliases: field(z.array(z.string().regex(ALIAS_PATTERN).check(normalAlias)).optional(), {
    label: "旧网址",
    expected: EXPECTED.aliases,
    widget: "list",
  }),
  draft: field(z.boolean().optional(), {
    label: "草稿",
    expected: EXPECTED.draft,
    widget: "boolean",
  }),
  expires: field(newsroomDate.optional(), {
    label: "下线时间",
    expected: EXPECTED.expires,
    widget: "datetime",
  }),
  corrections: field(z.array(correctionSchema).optional(), {
    label: "更正",
    expected: EXPECTED.corrections,
    widget: "corrections",
  }),
};

/** Fields the rules between fields read, each present when it is valid on its own. */
type CrossFieldInput = Partial<z.output<z.ZodObject<typeof articleFields>>>;

/**
 * Rules between fields: an image needs alt text, `updated`, `expires` and corrections come after
 * `date`. Run on whatever fields are valid, so that one bad field does not hide these
 * (src/content/validate-article.ts).
 */
export function crossFieldIssues(article: CrossFieldInput): { path: (string | number)[]; message: Text }[] {
  const issues: { path: (string | number)[]; message: Text }[] = [];
  if (article.image && !article.image_alt)
    issues.push({ path: ["image_alt"], message: imageNeedsAlt(fieldTitle("image_alt")) });
  const date = article.date;
  if (!date) return issues;
  if (article.updated && article.updated < date)
    issues.push({ path: ["updated"], message: earlierThan(fieldTitle("date")) });
  if (article.expires && article.expires <= date)
    issues.push({ path: ["expires"], message: notLaterThan(fieldTitle("date"), fieldTitle("expires")) });
  article.corrections?.forEach((c, i) => {
    if (c.time < date)
      issues.push({ path: ["corrections", i, "time"], message: earlierThan(fieldTitle("date")) });
  });
  return issues;
}

export const articleSchema = z
  .object(articleFields)
  .strict()
  .superRefine((article, ctx) => {
    for (const { path, message } of crossFieldIssues(article))
      ctx.addIssue({ ...customIssue(message), path });
  });

/** Front matter as the editor wrote it (dates as text). */
export type ArticleInput = z.input<typeof articleSchema>;
/** Front matter after validation (dates as Luxon DateTimes in Beijing time). */
export type ArticleFrontMatter = z.output<typeof articleSchema>;
export type ArticleField = keyof typeof articleFields;

/** The body's label, beside the front matter's (problems in the body name the field `body`). */
export const BODY_LABEL = "正文";

/** The newsroom's word for a field (`date.x` → 发表时间), if it is one of the article's. */
export function fieldLabel(field: string): string | undefined {
  const head = field.split(".")[0]!;
  if (head === "body") return BODY_LABEL;
  return head in articleFields ? fieldMeta.get(articleFields[head as ArticleField])?.label : undefined;
}

/** A field's name as written and its label: `date（发表时间）` in Chinese, `date` in English. */
export function fieldTitle(field: string): Text {
  return fieldName(field, fieldLabel(field));
}
