/**
 * Loads the whole corpus: every Markdown file under `<contentDir>/articles` (any depth) is read,
 * validated and enriched. All problems in all files are collected; if any is an error the load
 * throws one ContentError carrying them all. Articles come back newest first.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ImageOptions } from "../images/responsive-image.ts";
import type { Site } from "../site/site-data.ts";
import type { Article } from "./article.ts";
import { enrichArticle } from "./enrich-article.ts";
import { readSourceFile } from "./front-matter.ts";
import { ContentError, type Problem } from "./problems.ts";
import { validateArticle } from "./validate-article.ts";

/** Every `.md` file below a folder, sorted, as paths joined onto `dir`. */
export async function findArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Runs `task` over `items` with at most `limit` at once, keeping order. */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Problems no single file shows: two articles on one URL, or sharing one id. */
export function findCollisions(articles: Article[]): Problem[] {
  const problems: Problem[] = [];
  const check = (key: (a: Article) => string | undefined, what: string) => {
    const seen = new Map<string, Article>();
    for (const article of articles) {
      const value = key(article);
      if (value === undefined) continue;
      const first = seen.get(value);
      if (first) {
        problems.push({
          file: article.file,
          field: what === "URL" ? "slug" : "id",
          message: `${what} ${value} is also used by ${first.file}; give one of them a different ${what === "URL" ? "slug" : "id"}`,
          severity: "error",
        });
      } else {
        seen.set(value, article);
      }
    }
  };
  check((a) => a.url, "URL");
  check((a) => a.id, "id");
  return problems;
}

export interface Corpus {
  articles: Article[];
  /** Warnings only: errors are thrown. */
  problems: Problem[];
}

export async function loadArticles(site: Site, options: ImageOptions): Promise<Corpus> {
  const files = await findArticleFiles(path.join(options.contentDir, "articles"));
  const outcomes = await mapLimited(files, 32, async (file) => {
    // Synchronous reads: for thousands of small files they beat the thread pool's round trips.
    const source = readSourceFile(path.relative(process.cwd(), file), readFileSync(file));
    if (Array.isArray(source)) return { problems: source };
    const valid = validateArticle(source, site);
    if (!valid.ok) return { problems: valid.problems };
    const enriched = await enrichArticle(source, valid.frontMatter, site, options);
    return enriched.ok ? { article: enriched.article, problems: [] } : { problems: enriched.problems };
  });
  const articles = outcomes.flatMap((o) => ("article" in o && o.article ? [o.article] : []));
  const problems = [...outcomes.flatMap((o) => o.problems), ...findCollisions(articles)];
  if (problems.some((p) => p.severity === "error")) throw new ContentError(problems);
  articles.sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url));
  return { articles, problems };
}
