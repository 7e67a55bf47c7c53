/**
 * Loads the whole corpus: every Markdown file under `<contentDir>/articles` (any depth) is read,
 * validated and enriched. All problems in all files are collected; if any is an error the load
 * throws one ContentError carrying them all. Articles come back newest first, split by publishing
 * state (see publishing-state.ts) so that what readers may see is one list and nothing else leaks.
 */
import { readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import path from "node:path";
import { forEachLimited } from "../util/for-each-limited.ts";
import {
  aliasIsArticleUrl,
  aliasIsSitePage,
  aliasOnWrittenPath,
  aliasTwice,
  idTaken,
  nameSharesUrl,
  redirectIsArticleUrl,
  redirectOnWrittenPath,
  urlTaken,
} from "../util/messages/addresses.ts";
import { symbolicLink } from "../util/messages/files.ts";
import { got, quote, type Text } from "../util/messages/text.ts";
import type { DateTime } from "luxon";
import type { ImageOptions } from "../images/responsive-image.ts";
import { sitePosition, type Site } from "./site-data.ts";
import { sourceDigest, type Article } from "./article.ts";
import { enrichArticle } from "./enrich-article.ts";
import { readBodyOnly, readSourceFile, type SourceFile } from "./front-matter.ts";
import { ContentError, sortProblems, type Problem } from "./problems.ts";
import { publishingState, schedule, type PublishingState, type Schedule } from "./publishing-state.ts";
import { articleFields, type ArticleFrontMatter } from "./schema.ts";
import { validateArticle } from "./validate-article.ts";
import { imageProblems } from "./render-body.ts";
import { normaliseAlias } from "./alias-path.ts";
import { findKeyCollisions } from "./name-key.ts";
import { fileOfUrl, writtenCollision, writtenPaths, type WrittenPaths } from "./written-paths.ts";
import { articleAddress } from "./enrich-article.ts";
import { findArticleFiles, type ArticleFiles } from "./article-files.ts";

/**
 * The symbolic links under the articles folder (to a file or a folder, as findArticleFiles met
 * them): never followed, since they may lead out of the repository, and reported, so that no article
 * goes missing without a word.
 */
export function linkedArticleProblems(links: string[]): Problem[] {
  return links.map((link) => ({
    file: path.relative(process.cwd(), link),
    line: 1,
    column: 1,
    message: symbolicLink,
    severity: "error",
  }));
}

/**
 * What collision checks need of an article; `keyPositions` (when known) puts the problem on a line.
 * A file whose front matter has problems has no URL: only its aliases are checked.
 */
export interface Addressed {
  file: string;
  url?: string;
  id?: string;
  aliases: string[];
  authors: string[];
  tags: string[];
  keyPositions?: SourceFile["keyPositions"];
}

/** The same page for a static host: `/a/b/index.html` and `/a/b/` are one URL. */
export function samePage(url: string): string {
  return url.replace(/\/index\.html?$/, "/");
}

/** Names (authors and tags) whose author/tag pages would share a URL, as problems on the later one. */
function nameKeyCollisions(articles: Addressed[], report: Reporter): void {
  const fileOf = new Map<string, { file: string; field: string }>();
  const place = (a: Addressed, field: string) => (name: string) => {
    if (!fileOf.has(name)) fileOf.set(name, { file: a.file, field });
  };
  for (const a of articles) {
    a.authors.forEach(place(a, "author"));
    a.tags.forEach(place(a, "tags"));
  }
  for (const [first, second] of findKeyCollisions(fileOf.keys())) {
    const { file, field } = fileOf.get(second)!;
    const article = articles.find((a) => a.file === file)!;
    report(article, field, nameSharesUrl(second, first, fileOf.get(first)!.file));
  }
}

type Reporter = (article: Addressed, field: string, message: Text) => void;

/**
 * Problems no single file shows: two articles on one URL or sharing one id, two authors or tags
 * whose pages would share a URL, and an old URL (alias) that, once normalised, is already an
 * article's URL, another article's alias, or anything else the build writes (`written`:
 * src/content/written-paths.ts), so that no redirect can shadow a page, an asset or a host file.
 * `written` is asked only when there is an alias to check.
 */
export function findCollisions(articles: Addressed[], written: () => WrittenPaths): Problem[] {
  const problems: Problem[] = [];
  const report: Reporter = (article, field, message) => {
    // Without the key (a URL made from the file name) the problem is on the file's first line.
    const position = article.keyPositions && (article.keyPositions.get(field) ?? { line: 1, column: 1 });
    problems.push({ file: article.file, ...position, field, message, severity: "error" });
  };
  const urls = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const a of articles) {
    if (a.url === undefined) continue;
    const first = urls.get(samePage(a.url));
    if (first) report(a, "slug", urlTaken(a.url, first));
    else urls.set(samePage(a.url), a.file);
    if (a.id === undefined) continue;
    const other = ids.get(a.id);
    if (other) report(a, "id", idTaken(a.id, other));
    else ids.set(a.id, a.file);
  }
  nameKeyCollisions(articles, report);
  const aliases = new Map<string, string>();
  for (const a of articles) {
    for (const alias of a.aliases) {
      const normal = normaliseAlias(alias);
      if ("problem" in normal) continue; // the schema reported it
      const key = samePage(normal.permalink);
      const page = urls.get(key);
      const earlier = aliases.get(key);
      const taken = writtenCollision(normal.file, written()) ?? writtenCollision(fileOfUrl(key), written());
      if (page) report(a, "aliases", aliasIsArticleUrl(alias, page));
      else if (taken?.endsWith("index.html"))
        report(a, "aliases", aliasIsSitePage(alias, `/${taken.slice(0, -10)}`));
      else if (taken) report(a, "aliases", aliasOnWrittenPath(alias, `/${taken}`));
      else if (earlier) report(a, "aliases", aliasTwice(alias, earlier));
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
  /**
   * Aliases of live and offline articles (unpublished ones' stay hidden), for redirect pages and
   * `_redirects`.
   */
  redirects: AliasRedirect[];
  schedule: Schedule;
  /** Warnings only, unless loaded leniently: then also the errors of the files left out. */
  problems: Problem[];
}

export interface LoadOptions extends ImageOptions {
  /**
   * Site paths of the project's assets, before and after content hashing (src/build/site-assets.ts):
   * only the collision checks at the end read them, so a build may pass them while still planning.
   */
  assetPaths: string[] | Promise<string[]>;
  /** The build clock. */
  now: DateTime;
  /** The preview's mode: leave out files with errors and report them, instead of throwing. */
  lenient?: boolean;
  /** Files loaded before (the preview's memory, or the build cache): an unchanged file is not read again. */
  cache?: ArticleCache;
  /** The article files, when the caller has just listed them (findArticleFiles), as a build's check has. */
  files?: ArticleFiles;
}

/**
 * A valid file, with its digest (sourceDigest); or its problems, with the source when the file could
 * be read (its body is still checked).
 */
export type ReadArticle =
  | {
      source: SourceFile;
      frontMatter: ArticleFrontMatter;
      state: PublishingState;
      digest: string;
      problems: [];
    }
  | { source?: SourceFile; problems: Problem[] };

/** Reads and validates one file and places it at the build clock: what the build and the checker share. */
export function readArticle(file: string, site: Site, now: DateTime): ReadArticle {
  // Synchronous reads: for thousands of small files they beat the thread pool's round trips.
  const bytes = readFileSync(file);
  const shown = path.relative(process.cwd(), file);
  const source = readSourceFile(shown, bytes);
  // Malformed YAML still leaves the body to check (images, links): one run names every problem.
  if (Array.isArray(source)) return { source: readBodyOnly(shown, bytes), problems: source };
  const valid = validateArticle(source, site);
  if (!valid.ok) return { source, problems: valid.problems };
  return {
    source,
    frontMatter: valid.frontMatter,
    state: publishingState(valid.frontMatter, now),
    digest: sourceDigest(bytes),
    problems: [],
  };
}

/** What the collision checks need of a valid article, as the build and the checker both give it. */
export function addressed(
  source: SourceFile,
  fm: ArticleFrontMatter,
  state: PublishingState,
  site: Site,
): Addressed & { url: string; state: PublishingState } {
  return {
    file: source.file,
    url: articleAddress(source.file, fm, site).url,
    id: fm.id === undefined ? undefined : String(fm.id),
    aliases: fm.aliases ?? [],
    authors: typeof fm.author === "string" ? [fm.author] : fm.author,
    tags: fm.tags ?? [],
    keyPositions: source.keyPositions,
    state,
  };
}

/**
 * What the collision checks can still use of a file whose front matter has problems: its aliases,
 * if valid.
 */
export function unaddressed(source: SourceFile): Addressed {
  const aliases = articleFields.aliases.safeParse(source.data.aliases);
  return {
    file: source.file,
    aliases: (aliases.success && aliases.data) || [],
    authors: [],
    tags: [],
    keyPositions: source.keyPositions,
  };
}

/**
 * The collision problems of a corpus (findCollisions), against everything a build of it would write:
 * the pages of live and expired articles, the fixed pages and host files, the assets. `broken` are
 * files with front-matter problems, whose aliases are still checked (unaddressed).
 */
export function corpusCollisions(
  articles: (Addressed & { state: PublishingState })[],
  broken: Addressed[],
  site: Site,
  assets: string[],
): Problem[] {
  // Listing what the build writes (a set of every page and its folders: 0.4 s at 100,000 articles)
  // waits for the first alias to check.
  let listed: WrittenPaths | undefined;
  const pageUrls = () =>
    articles.flatMap((a) => ((a.state === "live" || a.state === "expired") && a.url ? [a.url] : []));
  const written = () => (listed ??= writtenPaths({ site, pageUrls: pageUrls(), assets }));
  // The few moved addresses of site.yaml need only the pages on their own paths, or above or below
  // them: a page whose URL is neither a prefix of `/<file>` nor starts with it cannot collide.
  const writtenNear = (files: string[]) => {
    if (listed) return listed;
    const near = (url: string) =>
      files.some((file) => `/${file}`.startsWith(url) || url.startsWith(`/${file}`));
    return writtenPaths({ site, pageUrls: pageUrls().filter(near), assets });
  };
  return [
    ...findCollisions([...articles, ...broken], written),
    ...siteRedirectCollisions(site, articles, writtenNear),
  ];
}

/**
 * The moved addresses of site.yaml (`redirects`) go into `_redirects` too: none may stand on a path the
 * build writes or on an article's URL, which the host would then never serve.
 */
function siteRedirectCollisions(
  site: Site,
  articles: Addressed[],
  writtenNear: (files: string[]) => WrittenPaths,
): Problem[] {
  if (site.redirects.length === 0) return [];
  const normals = site.redirects.map(({ from }) => normaliseAlias(from));
  const moved = normals.flatMap((normal) => ("problem" in normal ? [] : [normal]));
  const targets = new Set(moved.map((normal) => samePage(normal.permalink)));
  const onArticles = new Set<string>();
  for (const { url } of articles) if (url && targets.has(samePage(url))) onArticles.add(samePage(url));
  const written = writtenNear(moved.map((normal) => normal.file));
  const problemOf = (normal: (typeof normals)[number]): Text | undefined => {
    if ("problem" in normal) return normal.problem;
    if (onArticles.has(samePage(normal.permalink))) return redirectIsArticleUrl;
    const taken = writtenCollision(normal.file, written);
    return taken ? redirectOnWrittenPath(`/${taken}`) : undefined;
  };
  return normals.flatMap((normal, i) => {
    const problem = problemOf(normal);
    if (!problem) return [];
    const at = sitePosition(site, ["redirects", i, "from"]);
    return [
      {
        ...at,
        field: `redirects.${i}.from`,
        message: got(quote(site.redirects[i]!.from), problem),
        severity: "error" as const,
      },
    ];
  });
}

/**
 * Reads, validates and enriches one file. A file with front-matter problems still has its images
 * checked, as `npm run check` does, so that one run names every problem.
 */
export async function loadArticle(file: string, site: Site, options: LoadOptions) {
  const read = readArticle(file, site, options.now);
  if (!("frontMatter" in read)) {
    if (!read.source) return { problems: read.problems };
    const images = await imageProblems(read.source, options.contentDir);
    return { broken: unaddressed(read.source), problems: [...read.problems, ...images] };
  }
  const { source, frontMatter, state } = read;
  const address = addressed(source, frontMatter, state, site);
  const enriched = await enrichArticle(source, frontMatter, site, options, read);
  if (!enriched.ok) return { address, problems: enriched.problems };
  return { address, article: enriched.article, problems: [] };
}

/** What loading one file gives: its article, or its problems (and what collision checks can still use). */
export type LoadedFile = Awaited<ReturnType<typeof loadArticle>>;

/**
 * Files loaded by an earlier build or rebuild. `recall` answers only for a file that is unchanged
 * (how that is known is the cache's business) and gives its outcome at this build's clock.
 */
export interface ArticleCache {
  recall(file: string): LoadedFile | undefined;
  remember(file: string, outcome: LoadedFile): void;
}

/**
 * Every file's outcome, in the files' order: unchanged files answered by `cache` in one plain loop
 * (at 100,000 articles a promise each cost a warm build 0.3 s), the others loaded and remembered.
 */
async function loadEach(files: string[], site: Site, options: LoadOptions): Promise<LoadedFile[]> {
  const { cache } = options;
  const outcomes: (LoadedFile | undefined)[] = files.map((file) => cache?.recall(file));
  const missed = files.flatMap((file, i) => (outcomes[i] ? [] : [i]));
  // Loading a file is nearly all synchronous work chained through promises: without pauses the
  // event loop turned only once every file was loaded, and in a cold build esbuild's answers to the
  // asset plan (src/build/build-context.ts) waited until then (0.1 s at every size). Every 64 files
  // each lane waits for one turn of the loop before its next file; a lane busy with an image
  // meanwhile holds up no other.
  let pause: Promise<void> | undefined;
  let started = 0;
  await forEachLimited(missed, 32, async (i) => {
    if (++started % 64 === 0) pause = nextTurn();
    await pause;
    const outcome = await loadArticle(files[i]!, site, options);
    cache?.remember(files[i]!, outcome);
    outcomes[i] = outcome;
  });
  return outcomes as LoadedFile[];
}

/**
 * Newest first, ties by URL. Sorted by rank against an array of the publication times: at 100,000
 * articles, reading each article's time in the comparator made the sort 0.2 s, against 0.07 s.
 */
function newestFirst(articles: Article[]): Article[] {
  const times = Float64Array.from(articles, (a) => a.published.epochMs);
  return Array.from(articles.keys())
    .sort((i, j) => times[j]! - times[i]! || articles[i]!.url.localeCompare(articles[j]!.url))
    .map((rank) => articles[rank]!);
}

export async function loadArticles(site: Site, options: LoadOptions): Promise<Corpus> {
  const dir = path.join(options.contentDir, "articles");
  const { files, links } = options.files ?? (await findArticleFiles(dir));
  const outcomes = await loadEach(files, site, options);
  const valid = outcomes.flatMap((o) => ("address" in o && o.address ? [o.address] : []));
  const broken = outcomes.flatMap((o) => ("broken" in o && o.broken ? [o.broken] : []));
  const problems = sortProblems([
    ...linkedArticleProblems(links),
    ...outcomes.flatMap((o) => o.problems),
    ...corpusCollisions(valid, broken, site, await options.assetPaths),
  ]);
  const failed = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file));
  if (failed.size > 0 && !options.lenient) throw new ContentError(problems);
  const all = outcomes.flatMap((o) =>
    "article" in o && o.article && !failed.has(o.article.file) ? [o.article] : [],
  );
  const sorted = newestFirst(all);
  const inState = (...states: PublishingState[]) => sorted.filter((a) => states.includes(a.state));
  // Article aliases are normal already (enrich-article.ts); the permalink is the decoded path.
  const redirects = inState("live", "expired").flatMap((a) =>
    a.aliases.flatMap((from) => {
      const normal = normaliseAlias(from);
      return "problem" in normal ? [] : [{ from, permalink: normal.permalink, to: a.url, title: a.title }];
    }),
  );
  return {
    articles: inState("live"),
    offline: inState("expired"),
    unpublished: inState("draft", "scheduled"),
    redirects,
    schedule: schedule(sorted),
    problems,
  };
}
