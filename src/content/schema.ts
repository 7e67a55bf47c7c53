/**
 * The one article front-matter schema. Its types, the build's validation, the content checker, the
 * scaffolder and the web editor's config all come from here: add a field here and every tool sees it.
 * Each field carries `label` (the newsroom's word, shown in the web editor) and `expected` (used in
 * error messages and the README table).
 */
import type { DateTime } from "luxon";
import { z } from "zod";
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

// A fresh schema per field: metadata is registered per schema instance.
const text = () => z.string().trim().min(1);
const newsroomDate = z.string().transform((value, ctx): DateTime => {
  const parsed = parseNewsroomDate(value);
  if (parsed.ok) return parsed.time;
  ctx.addIssue({ code: "custom", message: parsed.expected });
  return z.NEVER;
});

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An old URL a static file can answer: a path of printable ASCII, no query, fragment, `//` or `..`. */
export const ALIAS_PATTERN = /^(?!.*\/\/)(?!.*\.\.)\/[\x21-\x22\x24-\x3e\x40-\x7e]*$/;

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
  aliases: field(z.array(z.string().regex(ALIAS_PATTERN)).optional(), {
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

export const articleSchema = z
  .object(articleFields)
  .strict()
  .superRefine((article, ctx) => {
    if (article.image && !article.image_alt) {
      ctx.addIssue({ code: "custom", path: ["image_alt"], message: "a lead image needs alt text" });
    }
    if (article.updated && article.updated < article.date) {
      ctx.addIssue({ code: "custom", path: ["updated"], message: "is earlier than date" });
    }
    if (article.expires && article.expires <= article.date) {
      ctx.addIssue({ code: "custom", path: ["expires"], message: "is not later than date" });
    }
    article.corrections?.forEach((c, i) => {
      if (c.time < article.date) {
        ctx.addIssue({ code: "custom", path: ["corrections", i, "time"], message: "is earlier than date" });
      }
    });
  });

/** Front matter as the editor wrote it (dates as text). */
export type ArticleInput = z.input<typeof articleSchema>;
/** Front matter after validation (dates as Luxon DateTimes in Beijing time). */
export type ArticleFrontMatter = z.output<typeof articleSchema>;
export type ArticleField = keyof typeof articleFields;
