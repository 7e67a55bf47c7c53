/**
 * One run of the generator as Eleventy sees it: a production build (one build, its context made
 * before Eleventy starts, so that a content error stops it before anything is written) or the
 * preview (a fresh context for each rebuild). Whoever starts Eleventy attaches the run to Eleventy's
 * config (run-eleventy.ts, src/preview/preview-server.ts); `.eleventy.ts` hands it to every plugin.
 *   new Eleventy(input, output, { configPath: ".eleventy.ts", config: (c) => attachBuildRun(c, run) })
 */
import { statSync } from "node:fs";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { ArticleCache, LoadedFile } from "../content/load-articles.ts";
import { RenderedInputs } from "../pages/rendered-inputs.ts";
import type { BrokenArticle } from "../pages/template-data.ts";
import { createBuildContext, type BuildContext } from "./build-context.ts";
import type { BuildOptions } from "./build-options.ts";

/**
 * The preview's memory of files already loaded: a file whose size and modification time are
 * unchanged keeps its outcome, article object included, so that its pages' inputs stay identical
 * (src/pages/rendered-inputs.ts). Only valid while site data, media and the clock are unchanged.
 */
class PreviewArticleCache implements ArticleCache {
  readonly #files = new Map<string, { stamp: string; outcome: LoadedFile }>();
  /** Each file's stamp as it was before it was read: an edit made while it loads is seen next time. */
  readonly #stamps = new Map<string, string>();
  recall(file: string): LoadedFile | undefined {
    const { size, mtimeMs } = statSync(file);
    const stamp = `${size}:${mtimeMs}`;
    this.#stamps.set(file, stamp);
    const kept = this.#files.get(file);
    return kept?.stamp === stamp ? kept.outcome : undefined;
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
  /** The URL each article file had when it last loaded without errors (kept across rebuilds). */
  readonly #lastUrls = new Map<string, string>();
  /** The preview's memory between rebuilds: files already loaded, and what each page was rendered from. */
  readonly #articleCache = new PreviewArticleCache();
  readonly renderedInputs = new RenderedInputs();

  constructor(options: BuildOptions, context?: BuildContext) {
    this.options = options;
    if (context) this.#context = Promise.resolve(context);
  }

  /** As an Eleventy build starts: the preview reads content afresh; a production build keeps its context. */
  refresh(): Promise<BuildContext> {
    if (!this.#context || this.options.preview)
      this.#context = createBuildContext(this.options, {
        articleCache: this.#articleCache,
        // The preview's first build starts from the build cache; later ones from its own memory.
        buildCache: this.#context || !this.options.buildCache ? undefined : { dir: this.options.buildCache },
      }).then((context) => this.#remember(context));
    return this.#context;
  }

  /** After an edit to anything but an article file (site data, media, templates): reload and re-render all. */
  forget(): void {
    this.#articleCache.clear();
    this.renderedInputs.forget();
  }

  /**
   * Notes where each article is, and finds the articles whose file now has errors but which had a
   * page before: the preview shows the problems there instead of the stale last good version.
   */
  #remember(context: BuildContext): BuildContext {
    const { articles, unpublished, offline, problems } = context.corpus;
    const loaded = new Set<string>();
    for (const article of [...articles, ...unpublished, ...offline]) {
      this.#lastUrls.set(article.file, article.url);
      loaded.add(article.file);
    }
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
