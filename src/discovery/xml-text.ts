/**
 * Text for XML files: XML 1.0 forbids most control characters, which a Markdown body can carry (a
 * stray vertical tab pasted from a word processor) and which would make a whole feed unreadable.
 *   xmlText("第一段\u000B第二段") === "第一段第二段"
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}
