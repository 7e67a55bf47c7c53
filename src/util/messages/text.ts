/**
 * Messages in two languages. Every text an editor reads (content problems, the check summary) is a
 * Text: the newsroom's Chinese and the engineers' English side by side, written only in the catalog
 * beside this file (one module per topic) as functions of their values. Chinese is the default;
 * `--lang en` or `HEZE_LANG=en` picks English (src/cli/command-line.ts).
 *   const t: Text = { zh: "正文是空的", en: "the body is empty" };  t[language]
 */

export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh";

export interface Text {
  zh: string;
  en: string;
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** `quote("2021-13-45") === '"2021-13-45"'`: a value as written, cut to 60 characters. */
export function quote(value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/** `list([a, b])`: `a、b` in Chinese, `a, b` in English. */
export function list(items: Text[]): Text {
  return { zh: items.map((t) => t.zh).join("、"), en: items.map((t) => t.en).join(", ") };
}

/** `got('"x"', reason)`: what the editor wrote, then what is wrong with it. */
export function got(value: string, reason: Text): Text {
  return { zh: `写的是 ${value}，${reason.zh}`, en: `got ${value}: ${reason.en}` };
}

/** A suggestion appended to a message: `…；是不是 tags？` / `…; did you mean tags?` */
export function didYouMean(message: Text, suggestion: Text | string): Text {
  const [zh, en] = typeof suggestion === "string" ? [suggestion, suggestion] : [suggestion.zh, suggestion.en];
  return { zh: `${message.zh}；是不是 ${zh}？`, en: `${message.en}; did you mean ${en}?` };
}

/**
 * A name that does not exist (a field, a channel, a setting): the nearest real one when there is one,
 * else what may be written (`known`).
 */
export function unknownName(message: Text, known: Text, suggestion: Text | string | undefined): Text {
  if (suggestion !== undefined) return didYouMean(message, suggestion);
  return { zh: `${message.zh}；${known.zh}`, en: `${message.en}; ${known.en}` };
}
