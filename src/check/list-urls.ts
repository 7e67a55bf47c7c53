/**
 * URLs of the author and tag pages, for checking links to them. The lists work (issue 3, `src/lists/
 * name-key.ts`) owns the scheme: a name that is already a slug is used as it is, any other name becomes
 * the first 10 hex digits of the SHA-256 of its NFC form (`李明` → `/author/<10 hex>/`). Until that module
 * is on main these two functions follow it; when it lands, re-export its `authorUrl` and `tagUrl` here.
 */
import { createHash } from "node:crypto";
import { SLUG_PATTERN } from "../articles/schema.ts";

function nameKey(name: string): string {
  const normal = name.normalize("NFC");
  return SLUG_PATTERN.test(normal) ? normal : createHash("sha256").update(normal).digest("hex").slice(0, 10);
}

/** `authorUrl("xinhua") === "/author/xinhua/"`; Chinese names hash. */
export function authorUrl(name: string): string {
  return `/author/${nameKey(name)}/`;
}

/** `tagUrl("5g") === "/tag/5g/"`; Chinese tags hash. */
export function tagUrl(name: string): string {
  return `/tag/${nameKey(name)}/`;
}
