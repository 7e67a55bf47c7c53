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

const HAN = /\p{Script=Han}/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * `measureText("菏泽牡丹 2026")` gives `{ count: 5, minutes: 1 }`. Takes plain text, not HTML.
 * A word is a run of letters and digits outside Han text.
 */
export function measureText(text: string): TextLength {
  // One pass over the code points: this runs over every article body on every build.
  let han = 0;
  let words = 0;
  let inWord = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      const alphanumeric = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
      if (alphanumeric && !inWord) words++;
      inWord = alphanumeric;
    } else if ((code >= 0x4e00 && code <= 0x9fff) || HAN.test(char)) {
      han++;
      inWord = false;
    } else {
      const letter = WORD_CHARACTER.test(char);
      if (letter && !inWord) words++;
      inWord = letter;
    }
  }
  const minutes = Math.max(1, Math.round(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
  return { count: han + words, minutes };
}

/**
 * Visible text of rendered HTML, for measuring and descriptions: the inline tags markdown-it writes
 * vanish (`<strong>牡丹节</strong>今天` is `牡丹节今天`), other tags become spaces, entities are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?(?:a|code|em|s|strong)\b[^>]*>/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? "");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
