/**
 * Message catalog: article front-matter fields (src/content/schema.ts, validate-article.ts): what each
 * field expects, and what is wrong with a value, a missing field or a field that does not exist.
 * Field names come in as Texts (`date（发表时间）` / `date`) so that labels have one source: the schema.
 */
import { DATE_FORMS } from "./dates.ts";
import { unknownName, type Text } from "./text.ts";

/** What each field expects, as a noun phrase: `请写成 ${expected.zh}`, `expected ${expected.en}`. */
export const EXPECTED = {
  title: { zh: "不为空的文字", en: "non-empty text" },
  kicker: { zh: "标题上方的一行文字", en: "text shown above the title" },
  subtitle: { zh: "标题下方的一行文字", en: "text shown below the title" },
  author: { zh: "一个名字，或几个名字的列表", en: "a name, or a list of names" },
  source: { zh: "不为空的文字，如 菏泽日报、新华社", en: "non-empty text such as 菏泽日报 or 新华社" },
  date: DATE_FORMS,
  updated: DATE_FORMS,
  section: {
    zh: "content/site.yaml 中的栏目名或其英文短名，如 本地要闻 或 bendi",
    en: "a channel name or slug from content/site.yaml",
  },
  editor: { zh: "一个名字", en: "a name" },
  summary: { zh: "一两句话", en: "one or two sentences" },
  tags: { zh: "标签列表，如 [牡丹, 旅游]", en: "a list of tags" },
  image: {
    zh: "content/media 下的图片，写成 /media/文件名",
    en: "a path under content/media, written /media/<file>",
  },
  image_alt: {
    zh: "描述题图的文字，给看不见图片的读者",
    en: "text describing the lead image for readers who cannot see it",
  },
  image_caption: { zh: "图片说明文字", en: "a caption" },
  id: { zh: "唯一的稿件编号（文字或数字）", en: "a unique article id (text or number)" },
  slug: {
    zh: "小写英文字母和数字，用连字符 - 连接，如 heze-peony-fair",
    en: "lowercase ASCII letters and digits joined by hyphens, such as heze-peony-fair",
  },
  aliases: {
    zh: "旧网址列表，每个以 / 开头（不带 ?、#、// 或 ..），如 /news/2021-11/22/content_12345.htm",
    en: "a list of old site-relative URLs starting with / (no ?query, #fragment, // or ..), such as /news/2021-11/22/content_12345.htm",
  },
  draft: {
    zh: "true（草稿：不上网站，只在预览中出现）或 false",
    en: "true (kept out of the site, shown only in the preview) or false",
  },
  expires: {
    zh: `下线的时间：${DATE_FORMS.zh}`,
    en: `when the article goes offline: ${DATE_FORMS.en}`,
  },
  corrections: {
    zh: "更正列表，每条写 time（更正时间）和 text（更正内容）",
    en: "a list of corrections, each with time (a date and time) and text",
  },
} satisfies Record<string, Text>;

export const unknownField = (fields: Text, suggestion: Text | undefined): Text =>
  unknownName(
    { zh: "没有这个字段", en: "unknown field" },
    { zh: `可用的字段有：${fields.zh}`, en: `expected one of ${fields.en}` },
    suggestion,
  );

export const unknownCorrectionField = (suggestion: string | undefined): Text =>
  unknownName(
    { zh: "更正里没有这个字段", en: "unknown field" },
    { zh: "每条更正只写 time（更正时间）和 text（更正内容）", en: "expected time and text" },
    suggestion,
  );

export const missingField = (expected: Text): Text => ({
  zh: `缺少这个必填字段；请写上${expected.zh}`,
  en: `required field is missing; expected ${expected.en}`,
});

export const wrongValue = (expected: Text): Text => ({
  zh: `不符合要求；请写成${expected.zh}`,
  en: `expected ${expected.en}`,
});

export const hiddenCharacter = (character: string): Text => ({
  zh: `里面有看不见的控制字符（${character}，多是从 Word 粘贴来的换行）；请删掉它`,
  en: `holds an invisible control character (${character}, such as a line break pasted from Word); delete it`,
});

export const unknownChannel = (channels: Text, suggestion: Text | undefined): Text =>
  unknownName(
    { zh: "没有这个栏目", en: "unknown channel" },
    { zh: `可用的栏目有：${channels.zh}`, en: `expected one of ${channels.en}` },
    suggestion,
  );

/** A channel as a Text: `本地要闻（bendi）` / `本地要闻 (bendi)`. */
export const channelName = (name: string, slug: string): Text => ({
  zh: `${name}（${slug}）`,
  en: `${name} (${slug})`,
});

export const imageNeedsAlt = (alt: Text): Text => ({
  zh: `有题图就要有替代文字；请在 ${alt.zh} 中描述这张照片`,
  en: `a lead image needs alt text; describe the photo in ${alt.en}`,
});

/** A field name with its label: `date（发表时间）` / `date`. */
export const fieldName = (field: string, label: string | undefined): Text => ({
  zh: label ? `${field}（${label}）` : field,
  en: field,
});
