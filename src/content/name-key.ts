/**
 * ASCII URLs for author and tag pages. A name that is already a URL slug (lowercase ASCII letters and
 * digits joined by hyphens, such as `5g` or `xinhua`) is used as it is; any other name, Chinese or
 * not, becomes the first 10 hex digits of the SHA-256 of its NFC form (`李明` → `/author/<10 hex>/`).
 * Hashing every non-slug name whole means two different names never share a key by construction
 * (barring a 40-bit hash collision, which `findKeyCollisions` turns into a build error).
 */
import { SLUG_PATTERN } from "./schema.ts";
import { sha256 } from "../util/sha256.ts";

/** `nameKey("xinhua") === "xinhua"`; `nameKey("李明")` is 10 hex digits, the same on every build. */
export function nameKey(name: string): string {
  const normal = name.normalize("NFC");
  if (SLUG_PATTERN.test(normal)) return normal;
  return sha256(normal).slice(0, 10);
}

/** `authorUrl("李明")` → `/author/<key>/`. */
export function authorUrl(name: string): string {
  return `/author/${nameKey(name)}/`;
}

/** `tagUrl("牡丹")` → `/tag/<key>/`. */
export function tagUrl(name: string): string {
  return `/tag/${nameKey(name)}/`;
}

/** Pairs of different names that got the same key: `[["甲", "乙"]]` when `nameKey("甲") === nameKey("乙")`. */
export function findKeyCollisions(names: Iterable<string>): [string, string][] {
  const seen = new Map<string, string>();
  const collisions: [string, string][] = [];
  for (const name of names) {
    const key = nameKey(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    else if (first.normalize("NFC") !== name.normalize("NFC")) collisions.push([first, name]);
  }
  return collisions;
}
