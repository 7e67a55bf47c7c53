/**
 * One run of the generator as Eleventy sees it: a production build (one build, its context made
 * before Eleventy starts, so that a content error stops it before anything is written) or the
 * preview (a fresh context for each rebuild). Whoever starts Eleventy attaches the run to Eleventy's
 * config (run-eleventy.ts, src/preview/preview-server.ts); `.eleventy.ts` hands it to every plugin.
 *   new Eleventy(input, output, { configPath: ".eleventy.ts", config: (c) => attachBuildRun(c, run) })
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { replaceArticle, type Article } from "../content/article.ts";
import { loadArticle, type ArticleCache, type LoadedFile } from "../content/load-articles.ts";
import { placementOf } from "../lists/site-lists.ts";
import type { BulkPage } from "../pages/bulk-pages.ts";
import { RenderedInputs } from "../pages/rendered-inputs.ts";
import type { BrokenArticle } from "../pages/template-data.ts";
import type { ChangedMeanwhile } from "./build-cache.ts";
import { createBuildContext, type BuildContext } from "./build-context.ts";
import type { BuildOptions } from "./build-options.ts";

/**
 * The preview's memory of files already loaded: a file whose size and modification time are
 * unchanged keeps its outcome, article object included, so that its pages' inputs stay identical
 * (src/pages/rendered-inputs.ts). Only valid while site data, media and the clock are unchanged.
 */
/** A file's size and modification time, or undefined if it is gone. */
function stampOf(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats && `${stats.size}:${stats.mtimeMs}`;
}

class PreviewArticleCache implements ArticleCache {
  readonly #files = new Map<string, { stamp: string; outcome: LoadedFile }>();
  /**
   * Each file's stamp as it was before it was last read: an edit made while it loads is seen next
   * time.
   */
  readonly #stamps = new Map<string, string>();
  /** Notes the file's stamp as it is now, before reading it. */
  noteRead(file: string): string | undefined {
    const stamp = stampOf(file);
    if (stamp) this.#stamps.set(file, stamp);
    return stamp;
  }
  recall(file: string): LoadedFile | undefined {
    const stamp = this.noteRead(file);
    const kept = this.#files.get(file);
    return stamp !== undefined && kept?.stamp === stamp ? kept.outcome : undefined;
  }
  remember(file: string, outcome: LoadedFile): void {
    this.#files.set(file, { stamp: this.#stamps.get(file) ?? "", outcome });
  }
  clear(): void {
    this.#files.clear();
  }
}

export class BuildRun {
  readonly options: BuildOptions;
  #context: Promise<BuildContext> | undefined;
  /**
   * The last context's articles by file, for edits in place: made once per context, not per edit
   * (0.1 s at 100,000 articles).
   */
  #articlesByFile = new Map<string, Article>();
  /** The URL each article file had when it last loaded without errors (kept across rebuilds). */
  readonly #lastUrls = new Map<string, string>();
  /** The preview's memory between rebuilds: files already loaded, and what each page was rendered from. */
  readonly #articleCache = new PreviewArticleCache();
  readonly renderedInputs = new RenderedInputs<BulkPage>();
  /** Whether the build under way is an edit in place (refresh). */
  #inPlace = false;
  readonly #firstBuild = Promise.withResolvers<void>();
  /** The preview's build cache being saved, if it is; no build reads the content before it is done. */
  #saving: Promise<void> = Promise.resolve();
  /** While the cache is saved: what edits in place changed, which the save leaves out. */
  #changedWhileSaving: ChangedMeanwhile | undefined;
  /** The preview's build under way, if any: a cache save pauses for it (keepCacheMeanwhile). */
  #building: PromiseWithResolvers<void> | undefined;

  constructor(options: BuildOptions, context?: BuildContext) {
    this.options = options;
    if (context) this.#context = Promise.resolve(context);
  }

  /** Settled once the first build has written every page. */
  get firstBuild(): Promise<void> {
    return this.#firstBuild.promise;
  }

  /** A build has written every page (the content plugin says so, last). */
  built(): void {
    this.#written = this.#begun;
    this.#firstBuild.resolve();
  }

  /** Builds begun, and the number of the last one that wrote its pages (a failed one never does). */
  #begun = 0;
  #written = 0;

  /** The number of the last build that wrote its pages (the first is 1). */
  get lastWritten(): number {
    return this.#written;
  }

  /**
   * For a page served now: the number of the build whose pages it may not show yet (the one under
   * way, or else the next), so that a page which missed that build's reload can catch up
   * (src/preview/catch-up.ts).
   */
  buildAwaited(): number {
    return this.#written === this.#begun ? this.#begun + 1 : this.#begun;
  }

  /**
   * A build has ended, written or failed (Eleventy's `eleventy.afterwatch`), or the preview has
   * handed its content to Eleventy's watcher after the first (src/preview/preview-server.ts): a
   * paused save goes on.
   */
  ended(): void {
    this.#building?.resolve();
    this.#building = undefined;
  }

  /**
   * Saves the preview's build cache (`save`) a part at a time, yielding to the server in between,
   * and pausing while an edit in place is built: the save takes 11 s at 100,000 articles with an
   * empty cache (1 s at 10,000), and sharing the thread with it made the first edit take 18 s, not
   * 1. What an edit changes meanwhile is noted in `changed`, for the save to leave out. A build that
   * reads the content afresh waits for the save. A failure is said and the preview goes on without
   * a cache.
   */
  keepCacheMeanwhile(save: (between: () => Promise<void>, changed: ChangedMeanwhile) => Promise<void>): void {
    const between = async () => {
      await nextTurn();
      while (this.#building) await this.#building.promise;
    };
    const changed: ChangedMeanwhile = { pages: new Set(), articles: new Set() };
    this.#changedWhileSaving = changed;
    this.#saving = between()
      .then(() => save(between, changed))
      .catch((error: Error) => console.error(`heze-press preview: build cache not kept: ${error.message}`))
      .finally(() => (this.#changedWhileSaving = undefined));
  }

  /** While the cache is saved: the site paths of pages written again or removed, which it leaves out. */
  get pagesChangedWhileSaving(): Set<string> | undefined {
    return this.#changedWhileSaving?.pages;
  }

  /** Settled once the preview's build cache is saved (or was never being saved). */
  get cacheKept(): Promise<void> {
    return this.#saving;
  }

  /**
   * As an Eleventy build starts: a production build keeps its context; the preview changes its last
   * one in place when it can (`#editInPlace`), and otherwise reads the content afresh.
   */
  refresh(): Promise<BuildContext> {
    if (this.#context && !this.options.preview) return this.#context;
    this.#begun++;
    const last = this.#context;
    const edited = this.#edited;
    this.#edited = [];
    this.#building ??= Promise.withResolvers();
    this.#context = (async () => {
      const patched = last && edited.length > 0 && (await this.#editInPlace(last, edited));
      this.#inPlace = Boolean(patched);
      if (patched) return patched;
      // A save under way must not wait for this build, which waits for it.
      this.ended();
      await this.#saving;
      const context = await createBuildContext(this.options, {
        articleCache: this.#articleCache,
        // The preview's first build starts from the build cache; later ones from its own memory.
        buildCache: last || !this.options.buildCache ? undefined : { dir: this.options.buildCache },
      });
      return this.#remember(context);
    })();
    return this.#context;
  }

  /**
   * The pages the preview's build under way renders, if it is an edit in place: those showing the
   * edited articles (the rest stand as they are); otherwise undefined, and every page is considered.
   */
  pagesOfEdit(): BulkPage[] | undefined {
    return this.#inPlace ? this.renderedInputs.touchedPages() : undefined;
  }

  /** Article files the preview's watcher reported since the last rebuild (absolute paths). */
  #edited: string[] = [];

  /** The preview's watcher saw these article files (and nothing else) change. */
  articlesEdited(files: string[]): void {
    this.#edited.push(...files);
  }

  /**
   * After an edit to anything but an article file (site data, media, templates): reload and
   * re-render all.
   */
  forget(): void {
    this.#edited = [];
    this.#articleCache.clear();
    this.renderedInputs.forget();
  }

  /**
   * The last context with the edited articles changed in place, when every edit leaves its article
   * where it stands (the same placement: src/lists/site-lists.ts) and without problems: a typo
   * fixed, a title or body rewritten. Each article object takes its new fields, so lists, feet and
   * feeds show them without being built again (1.7 s at 100,000 articles), and the pages showing it
   * are rendered again (`renderedInputs.touch`). Anything else (a new, removed or renamed file, a
   * new date, channel or tag, a problem before or after) gives undefined: the content is read afresh.
   */
  async #editInPlace(last: Promise<BuildContext>, files: string[]): Promise<BuildContext | undefined> {
    const context = await last.catch(() => undefined);
    if (!context) return undefined;
    const { corpus, site } = context;
    const edits: [Article, Article][] = [];
    for (const file of new Set(files)) {
      const shown = path.relative(process.cwd(), file);
      const old = this.#articlesByFile.get(shown);
      if (!old || !existsSync(file) || corpus.problems.some((problem) => problem.file === shown))
        return undefined;
      // One file's own checks; the corpus's collision checks read only its placement, unchanged.
      this.#articleCache.noteRead(file);
      const loaded = await loadArticle(file, site, { ...this.options, assetPaths: [], lenient: true });
      if (!("article" in loaded) || !loaded.article || loaded.problems.length > 0) return undefined;
      if (placementOf(loaded.article) !== placementOf(old)) return undefined;
      edits.push([old, loaded.article]);
    }
    for (const [old, article] of edits) {
      this.#changedWhileSaving?.articles.add(old);
      replaceArticle(old, article);
      this.renderedInputs.touch(old);
      // A redirect page shows its article's title.
      for (const redirect of corpus.redirects)
        if (redirect.to === old.url) {
          redirect.title = old.title;
          this.renderedInputs.touchPage(redirect.permalink);
        }
    }
    return context;
  }

  /**
   * Notes where each article is, and finds the articles whose file now has errors but which had a
   * page before: the preview shows the problems there instead of the stale last good version.
   */
  #remember(context: BuildContext): BuildContext {
    const { articles, unpublished, offline, problems } = context.corpus;
    const loaded = new Map<string, Article>();
    for (const article of [...articles, ...unpublished, ...offline]) {
      this.#lastUrls.set(article.file, article.url);
      loaded.set(article.file, article);
    }
    this.#articlesByFile = loaded;
    const broken = new Map<string, BrokenArticle>();
    for (const problem of problems) {
      const url = this.#lastUrls.get(problem.file);
      if (problem.severity !== "error" || !url || loaded.has(problem.file)) continue;
      if (!broken.has(problem.file)) broken.set(problem.file, { url, file: problem.file, problems: [] });
      broken.get(problem.file)!.problems.push(problem);
    }
    context.brokenArticles = [...broken.values()];
    return context;
  }

  /** The context of the build under way (the first one, if no build has started yet). */
  context(): Promise<BuildContext> {
    return this.#context ?? this.refresh();
  }
}

const attached = new WeakMap<UserConfig, BuildRun>();

/** Hands `run` to `.eleventy.ts` (Eleventy calls the `config` callback before the config file). */
export function attachBuildRun(config: UserConfig, run: BuildRun): void {
  attached.set(config, run);
}

/** The run attached to Eleventy's config; Eleventy started any other way has none. */
export function buildRunOf(config: UserConfig): BuildRun {
  const run = attached.get(config);
  if (!run)
    throw new Error("heze-press: start Eleventy with npm run build or npm run preview, not on its own");
  return run;
}
