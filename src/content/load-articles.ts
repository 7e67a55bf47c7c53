/**
 * Loads the whole corpus: every Markdown file under `<contentDir>/articles` (any depth) is read,
 * validated and enriched. All problems in all files are collected; if any is an error the load
 * throws one ContentError carrying them all. Articles come back newest first, split by publishing
 * state (see publishing-state.ts) so that what readers may see is one list and nothing else leaks.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { mapLimited } from "../util/for-each-limited.ts";
import { listFiles } from "../util/list-files.ts";
import type { DateTime } from "luxon";
import type { ImageOptions } from "../images/responsive-image.ts";
import type { Site } from "./site-data.ts";
import type { Article } from "./article.ts";
import { enrichArticle } from "./enrich-article.ts";
import { readSourceFile, type SourceFile } from "./front-matter.ts";
import { ContentError, type Problem } from "./problems.ts";
import { publishingState, schedule, type PublishingState, type Schedule } from "./publishing-state.ts";
import type { ArticleFrontMatter } from "./schema.ts";
import { validateArticle } from "./validate-article.ts";

/** Every `.md` file below a folder, sorted, as paths joined onto `dir`. */
export async function findArticleFiles(dir: string): Promise<string[]> {
  try {
    return listFiles(dir)
      .filter((file) => file.endsWith(".md"))
      .map((file) => path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** What collision checks need of an article; `keyPositions` (when known) puts the problem on a line. */
export interface Addressed {
  file: string;
  url: string;
  id?: string;
  aliases: string[];
  keyPositions?: SourceFile["keyPositions"];
}

/** The same page for a static host: `/a/b/index.html` and `/a/b/` are one URL. */
export function samePage(url: string): string {
  return url.replace(/\/index\.html?$/, "/");
}

/** Where the redirect page of an alias is written: `/old/page` becomes `/old/page/` (an index page). */
export function aliasPermalink(alias: string): string {
  const last = alias.slice(alias.lastIndexOf("/") + 1);
  return alias.endsWith("/") || last.includes(".") ? alias : `${alias}/`;
}

/**
 * Problems no single file shows: two articles on one URL or sharing one id, and an alias (old URL)
 * that is already a live URL (an article, a channel front, the homepage) or another article's alias.
 */
export function findCollisions(articles: Addressed[], site?: Site): Problem[] {
  const problems: Problem[] = [];
  const report = (article: Addressed, field: string, message: string) => {
    // Without the key (a URL made from the file name) the problem is on the file's first line.
    const position = article.keyPositions && (article.keyPositions.get(field) ?? { line: 1, column: 1 });
    problems.push({ file: article.file, ...position, field, message, severity: "error" });
  };
  const urls = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const a of articles) {
    const first = urls.get(samePage(a.url));
    if (first) report(a, "slug", `URL ${a.url} is also used by ${first}; give one of them a different slug`);
    else urls.set(samePage(a.url), a.file);
    if (a.id === undefined) continue;
    const other = ids.get(a.id);
    if (other) report(a, "id", `id ${a.id} is also used by ${other}; give one of them a different id`);
    else ids.set(a.id, a.file);
  }
  const pages = new Map(urls);
  for (const url of ["/", ...(site?.channels.map((c) => `/${c.slug}/`) ?? [])]) pages.set(url, "the site");
  const aliases = new Map<string, string>();
  for (const a of articles) {
    for (const alias of a.aliases) {
      const key = samePage(aliasPermalink(alias));
      const page = pages.get(key);
      const earlier = aliases.get(key);
      if (page) report(a, "aliases", `old URL ${alias} is a live URL of ${page}; remove it from aliases`);
      else if (earlier)
        report(a, "aliases", `old URL ${alias} is also an alias of ${earlier}; keep it on one article`);
      else aliases.set(key, a.file);
    }
  }
  return problems;
}

/** An old URL of an article (an alias) and the article it now points to. */
export interface AliasRedirect {
  /** The old URL as written in `aliases`. */
  from: string;
  /** Where its redirect page is written (aliasPermalink). */
  permalink: string;
  /** The article's URL. */
  to: string;
  title: string;
}

export interface Corpus {
  /** What readers may see (state `live`), newest first: pages, lists, feeds, sitemaps, search. */
  articles: Article[];
  /** Expired articles: their URLs answer with a 已下线 notice and nothing lists them. */
  offline: Article[];
  /** Drafts and scheduled articles: only the preview shows them, never a production build. */
  unpublished: Article[];
  /** Aliases of live and offline articles (unpublished ones' stay hidden), for redirect pages and `_redirects`. */
  redirects: AliasRedirect[];
  schedule: Schedule;
  /** Warnings only, unless loaded leniently: then also the errors of the files left out. */
  problems: Problem[];
}

export interface LoadOptions extends ImageOptions {
  /** The build clock. */
  now: DateTime;
  /** The preview's mode: leave out files with errors and report them, instead of throwing. */
  lenient?: boolean;
  /**
   * The preview's memory of files already loaded, by path: a file whose size and modification time
   * are unchanged is not read again, and keeps its article object (src/pages/rendered-inputs.ts).
   * Only valid while site data, media and the clock are unchanged.
   */
  cache?: Map<string, { stamp: string; outcome: Awaited<ReturnType<typeof loadArticle>> }>;
}

export type ReadArticle =
  | { source: SourceFile; frontMatter: ArticleFrontMatter; state: PublishingState; problems: [] }
  | { problems: Problem[] };

/** Reads and validates one file and places it at the build clock: what the build and the checker share. */
export function readArticle(file: string, site: Site, now: DateTime): ReadArticle {
  // Synchronous reads: for thousands of small files they beat the thread pool's round trips.
  const source = readSourceFile(path.relative(process.cwd(), file), readFileSync(file));
  if (Array.isArray(source)) return { problems: source };
  const valid = validateArticle(source, site);
  if (!valid.ok) return { problems: valid.problems };
  return {
    source,
    frontMatter: valid.frontMatter,
    state: publishingState(valid.frontMatter, now),
    problems: [],
  };
}

/** Reads, validates and enriches one file. */
async function loadArticle(file: string, site: Site, options: LoadOptions) {
  const read = readArticle(file, site, options.now);
  if (!("source" in read)) return read;
  const { source, frontMatter, state } = read;
  const enriched = await enrichArticle(source, frontMatter, site, options, state);
  if (!enriched.ok) return { problems: enriched.problems };
  return { article: enriched.article, keyPositions: source.keyPositions, problems: [] };
}

/** `loadArticle`, answered from `options.cache` when the file is unchanged. */
async function loadArticleOnce(file: string, site: Site, options: LoadOptions) {
  if (!options.cache) return loadArticle(file, site, options);
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  const cached = options.cache.get(file);
  if (cached?.stamp === stamp) return cached.outcome;
  const outcome = await loadArticle(file, site, options);
  options.cache.set(file, { stamp, outcome });
  return outcome;
}

export async function loadArticles(site: Site, options: LoadOptions): Promise<Corpus> {
  const files = await findArticleFiles(path.join(options.contentDir, "articles"));
  const outcomes = await mapLimited(files, 32, (file) => loadArticleOnce(file, site, options));
  const loaded = outcomes.flatMap((o) =>
    "article" in o && o.article ? [{ ...o.article, keyPositions: o.keyPositions }] : [],
  );
  const problems = [...outcomes.flatMap((o) => o.problems), ...findCollisions(loaded, site)];
  const failed = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file));
  if (failed.size > 0 && !options.lenient) throw new ContentError(problems);
  const all = outcomes.flatMap((o) =>
    "article" in o && o.article && !failed.has(o.article.file) ? [o.article] : [],
  );
  all.sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url));
  const inState = (...states: PublishingState[]) => all.filter((a) => states.includes(a.state));
  const redirects = inState("live", "expired").flatMap((a) =>
    a.aliases.map((from) => ({ from, permalink: aliasPermalink(from), to: a.url, title: a.title })),
  );
  return {
    articles: inState("live"),
    offline: inState("expired"),
    unpublished: inState("draft", "scheduled"),
    redirects,
    schedule: schedule(all),
    problems,
  };
}
