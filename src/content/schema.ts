/**
 * The one article front-matter schema. Its types, the build's validation, the content checker, the
 * scaffolder and the web editor's config all come from here: add a field here and every tool sees it.
 * Each field carries `label` (the newsroom's word, shown in the web editor) and `expected` (used in
 * error messages and the README table).
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import { controlCharacter } from "./control-character.ts";
import { normaliseAlias } from "./alias-path.ts";
import { ACCEPTED_DATE_FORMS, parseNewsroomDate } from "./newsroom-time.ts";

export interface FieldMeta {
  label: string;
  expected: string;
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
      if (found)
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `holds an invisible control character (${found}, such as a line break pasted from Word); delete it`,
        });
    });
const newsroomDate = z.string().transform((value, ctx): DateTime => {
  const parsed = parseNewsroomDate(value);
  if (parsed.ok) return parsed.time;
  ctx.addIssue({ code: "custom", message: parsed.expected });
  return z.NEVER;
});

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An old URL a static file can answer: a path of printable ASCII, no query, fragment, `//` or `..`. */
export const ALIAS_PATTERN = /^(?!.*\/\/)(?!.*\.\.)\/[\x21-\x22\x24-\x3e\x40-\x7e]*$/;

/** An alias must have a normal form (src/content/alias-path.ts): no %-escape may hide `..` or `<`. */
function normalAlias(ctx: z.core.ParsePayload<string>): void {
  if (!ALIAS_PATTERN.test(ctx.value)) return; // the pattern's own issue says what is wrong
  const normal = normaliseAlias(ctx.value);
  if ("problem" in normal) ctx.issues.push({ code: "custom", input: ctx.value, message: normal.problem });
}

/** One 更正 notice: when it was made and what it says. */
const correction = z.object({ time: newsroomDate, text: text() }).strict();

export const articleFields = {
  title: field(text(), { label: "标题", expected: "non-empty text", widget: "string" }),
  kicker: field(text().optional(), {
    label: "引题",
    expected: "text shown above the title",
    widget: "string",
  }),
  subtitle: field(text().optional(), {
    label: "副题",
    expected: "text shown below the title",
    widget: "string",
  }),
  author: field(z.union([text(), z.array(text()).min(1)]), {
    label: "作者",
    expected: "a name, or a list of names",
    widget: "list",
  }),
  source: field(text(), {
    label: "来源",
    expected: "non-empty text such as 菏泽日报 or 新华社",
    widget: "string",
  }),
  date: field(newsroomDate, { label: "发表时间", expected: ACCEPTED_DATE_FORMS, widget: "datetime" }),
  updated: field(newsroomDate.optional(), {
    label: "更新时间",
    expected: ACCEPTED_DATE_FORMS,
    widget: "datetime",
  }),
  section: field(text(), {
    label: "栏目",
    expected: "a channel name or slug from content/site.yaml",
    widget: "channel",
  }),
  editor: field(text().optional(), { label: "责任编辑", expected: "a name", widget: "string" }),
  summary: field(text().optional(), { label: "摘要", expected: "one or two sentences", widget: "text" }),
  tags: field(z.array(text()).optional(), { label: "标签", expected: "a list of tags", widget: "list" }),
  image: field(text().optional(), {
    label: "题图",
    expected: "a path under content/media, written /media/<file>",
    widget: "image",
  }),
  image_alt: field(text().optional(), {
    label: "题图替代文字",
    expected: "text describing the lead image for readers who cannot see it",
    widget: "string",
  }),
  image_caption: field(text().optional(), { label: "图片说明", expected: "a caption", widget: "string" }),
  id: field(z.union([text(), z.int()]).optional(), {
    label: "稿件编号",
    expected: "a unique article id (text or number)",
    widget: "string",
  }),
  slug: field(z.string().regex(SLUG_PATTERN).optional(), {
    label: "网址短名",
    expected: "lowercase ASCII letters and digits joined by hyphens, such as heze-peony-fair",
    widget: "string",
  }),
  aliases: field(z.array(z.string().regex(ALIAS_PATTERN).check(normalAlias)).optional(), {
    label: "旧网址",
    expected:
      "a list of old site-relative URLs starting with / (no ?query, #fragment, // or ..), such as /news/2021-11/22/content_12345.htm",
    widget: "list",
  }),
  draft: field(z.boolean().optional(), {
    label: "草稿",
    expected: "true (kept out of the site, shown only in the preview) or false",
    widget: "boolean",
  }),
  expires: field(newsroomDate.optional(), {
    label: "下线时间",
    expected: `when the article goes offline: ${ACCEPTED_DATE_FORMS}`,
    widget: "datetime",
  }),
  corrections: field(z.array(correction).optional(), {
    label: "更正",
    expected: "a list of corrections, each with time (a date and time) and text",
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
export function crossFieldIssues(article: CrossFieldInput): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (article.image && !article.image_alt)
    issues.push({
      path: ["image_alt"],
      message: "a lead image needs alt text; describe the photo in image_alt",
    });
  const date = article.date;
  if (!date) return issues;
  if (article.updated && article.updated < date)
    issues.push({ path: ["updated"], message: "is earlier than date; give a time after date" });
  if (article.expires && article.expires <= date)
    issues.push({
      path: ["expires"],
      message: "is not later than date; give a later time, or remove expires",
    });
  article.corrections?.forEach((c, i) => {
    if (c.time < date)
      issues.push({
        path: ["corrections", i, "time"],
        message: "is earlier than date; give a time after date",
      });
  });
  return issues;
}

export const articleSchema = z
  .object(articleFields)
  .strict()
  .superRefine((article, ctx) => {
    for (const issue of crossFieldIssues(article)) ctx.addIssue({ code: "custom", ...issue });
  });

/** Front matter as the editor wrote it (dates as text). */
export type ArticleInput = z.input<typeof articleSchema>;
/** Front matter after validation (dates as Luxon DateTimes in Beijing time). */
export type ArticleFrontMatter = z.output<typeof articleSchema>;
export type ArticleField = keyof typeof articleFields;
