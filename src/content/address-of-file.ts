/**
 * Where one article file will be published, read and validated the way the build reads it (same
 * reader, schema and URL rules), or the problems that keep it from being published:
 *   addressOfFile("content/articles/bendi/2026/a.md", bytes, site).url === "/bendi/2026/04/08/a/"
 */
import type { Site } from "./site-data.ts";
import { articleAddress, type ArticleAddress } from "./enrich-article.ts";
import { readSourceFile } from "./front-matter.ts";
import type { Problem } from "./problems.ts";
import { validateArticle } from "./validate-article.ts";

/** `file` is the path problems name (relative to the working directory). */
export function addressOfFile(file: string, bytes: Uint8Array, site: Site): ArticleAddress | Problem[] {
  const source = readSourceFile(file, bytes);
  if (Array.isArray(source)) return source;
  const valid = validateArticle(source, site);
  if (!valid.ok) return valid.problems;
  return articleAddress(source.file, valid.frontMatter, site);
}
