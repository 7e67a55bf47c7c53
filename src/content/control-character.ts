/**
 * Control characters in what editors write: refused in front matter and site data, as feeds and
 * sitemaps cannot carry them.
 */

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
