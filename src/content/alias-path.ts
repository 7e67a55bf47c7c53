/**
 * An old URL (`aliases`) in its one normal form, so that spellings of one path cannot slip past the
 * collision checks (src/content/load-articles.ts) and the redirect page is written where the
 * `_redirects` line points: %-escapes decoded, `.` segments dropped, `..` and `//` refused, and no
 * character a file name or an HTML attribute would have to escape.
 *   normaliseAlias("/./bendi/")          → { url: "/bendi/", permalink: "/bendi/", file: "bendi/index.html" }
 *   normaliseAlias("/news/%E6%96%B0.htm") → { url: "/news/%E6%96%B0.htm", permalink: "/news/新.htm", file: "news/新.htm" }
 */
import {
  aliasBadEscape,
  aliasDotDot,
  aliasEmptySegment,
  aliasNotAPath,
  aliasUnsafe,
} from "../util/messages/addresses.ts";
import type { Text } from "../util/messages/text.ts";
import { controlCharacter } from "./control-character.ts";

export interface AliasPath {
  /** The URL, %-encoded (what `_redirects` lists). */
  url: string;
  /** Where the redirect page is written, decoded: `/old/page` becomes the folder `/old/page/`. */
  permalink: string;
  /** The file of that page, site-relative: `old/page/index.html`. */
  file: string;
}

/** Characters no redirect file name may hold once decoded (tab and line ends among them). */
const UNSAFE = /["<>\\|*?#`\t\n\r]/;

/** Where Eleventy writes the redirect page of an alias: `/old/page` becomes `/old/page/` (an index page). */
export function aliasPermalink(alias: string): string {
  const last = alias.slice(alias.lastIndexOf("/") + 1);
  return alias.endsWith("/") || last.includes(".") ? alias : `${alias}/`;
}

/** The normal form of an old URL, or what is wrong with it (to follow `got "…": `). */
export function normaliseAlias(alias: string): AliasPath | { problem: Text } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(alias);
  } catch {
    return { problem: aliasBadEscape };
  }
  if (!decoded.startsWith("/")) return { problem: aliasNotAPath };
  if (UNSAFE.test(decoded) || controlCharacter(decoded)) {
    return { problem: aliasUnsafe };
  }
  const parts = decoded.slice(1).split("/");
  const kept: string[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (part === "..") return { problem: aliasDotDot };
    if (part === "" && !last) return { problem: aliasEmptySegment };
    if (part === ".") {
      if (last) kept.push("");
      continue;
    }
    kept.push(part);
  }
  const path = `/${kept.join("/")}`;
  const permalink = aliasPermalink(path);
  const file = `${permalink.slice(1)}${permalink.endsWith("/") ? "index.html" : ""}`;
  return { url: encodeURI(path), permalink, file };
}
