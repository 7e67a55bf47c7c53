/**
 * Article URLs: `/<channel-slug>/<yyyy>/<MM>/<dd>/<slug>/`, ASCII and never derived from the Chinese
 * title. The slug is the front matter's `slug`, else the file name when it is ASCII, else a short
 * stable hash of the file name (so `座谈会.md` gets `/bendi/2021/11/22/a3f09c1e/`).
 */
import path from "node:path";
import { SLUG_PATTERN } from "./schema.ts";
import { sha256 } from "../util/sha256.ts";

/** `slugFromFileName("content/articles/Peony-Fair.md") === "peony-fair"`; non-ASCII names hash. */
export function slugFromFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).normalize("NFC");
  const ascii = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // A name with any non-ASCII character would lose information if reduced to its ASCII part
  // (two Chinese names would collide), so it is hashed whole.
  if (/^[\x20-\x7e]+$/.test(base) && SLUG_PATTERN.test(ascii)) return ascii;
  return sha256(base).slice(0, 8);
}

/** `articleUrl("bendi", "2021-11-22", "peony-fair") === "/bendi/2021/11/22/peony-fair/"`. */
export function articleUrl(channelSlug: string, beijingDay: string, slug: string): string {
  const [year, month, day] = beijingDay.split("-");
  return `/${channelSlug}/${year}/${month}/${day}/${slug}/`;
}
