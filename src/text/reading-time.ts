/**
 * Reading time for Chinese news: Chinese is read per character, not per word.
 * A reader takes in about 400 Han characters a minute; Latin words and numbers count at 200 a minute.
 */

export const HAN_PER_MINUTE = 400;
export const WORDS_PER_MINUTE = 200;

export interface TextLength {
  /** 字数 as Chinese word processors count it: each Han character and each Latin word or number is one. */
  count: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

/** `measureText("菏泽牡丹 2026")` gives `{ count: 5, minutes: 1 }`. Takes plain text, not HTML. */
export function measureText(text: string): TextLength {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words =
    text.replace(/\p{Script=Han}/gu, " ").match(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  const minutes = Math.max(1, Math.round(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
  return { count: han + words, minutes };
}

/** Visible text of rendered HTML, for measuring: tags become spaces, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? "");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
