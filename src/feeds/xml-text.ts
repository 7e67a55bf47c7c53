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

/**
 * Control characters an editor cannot see (a vertical tab is Word's manual line break, a form feed
 * its page break), other than tab and line ends, and the non-characters XML forbids:
 *   controlCharacter("第一段\u000B第二段") === "U+000B"; controlCharacter("标题") === undefined
 */
const CONTROL = /(?![\t\n\r])[\p{Cc}\uFFFE\uFFFF]/u;

export function controlCharacter(text: string): string | undefined {
  const found = CONTROL.exec(text)?.[0];
  return found && `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
