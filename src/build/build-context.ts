/**
 * The build context: everything one build knows, made once at its start and handed to the Eleventy
 * plugins (src/eleventy/), to the page renderer (src/pages/) and to the after-build steps, so that
 * no part reads site data again, plans asset names again or passes facts through files or the
 * environment (docs/decisions/005-build-context.md).
 *   const context = await createBuildContext(options);  // throws a ContentError on bad content
 *   context.site, context.corpus.articles, context.lists.feeds, context.assets?.renamed
 * A production build makes one; the preview makes a fresh one for every rebuild (build-run.ts).
 */
import { loadArticles, type ArticleCache, type Corpus } from "../content/load-articles.ts";
import { loadSite, type Site } from "../content/site-data.ts";
import type { AssetPlan } from "../hosting/asset-names.ts";
import { buildSiteLists, type SiteLists } from "../lists/site-lists.ts";
import type { RenderedPages } from "../pages/page-writer.ts";
import type { BrokenArticle, TemplateGlobals } from "../pages/template-data.ts";
import { openBuildCache, type BuildCache, type CacheOpening } from "./build-cache.ts";
import type { BuildOptions } from "./build-options.ts";
import type { LiveOutput } from "../pages/live-output.ts";
import { keepAssetPlan, readKeptAssetPlan } from "./kept-asset-plan.ts";
import { assetPaths, siteAssetPlan } from "./site-assets.ts";

export interface BuildContext {
  options: BuildOptions;
  /** `content/site.yaml`, read once. */
  site: Site;
  /** Every article, validated, enriched and sorted by publishing state. */
  corpus: Corpus;
  /** Every list of the site (fronts, author/tag/month pages, feet, feeds, sitemaps), built once. */
  lists: SiteLists;
  /** A production build's hashed asset names, planned once; none in the preview (plain names reload). */
  assets?: AssetPlan;
  /** What every template sees as global data, whichever renders it (src/pages/template-data.ts). */
  globals: TemplateGlobals;
  /**
   * Filled as pages are written (and assets and copied search bundles): each file's size and SHA-256,
   * for the build manifest, which then need not read them back.
   */
  rendered: RenderedPages;
  /** The preview's articles whose file now has errors, at their last URL (build-run.ts); none in a build. */
  brokenArticles: BrokenArticle[];
  /** A production build's cache: articles and pages kept from the last build (build-cache.ts). */
  cache?: BuildCache;
  /**
   * The live output, when this build updates it in place (src/pages/live-output.ts): the staging folder then
   * holds only what changed, and steps find the rest with `live.locate`.
   */
  live?: LiveOutput;
  /**
   * Every file of the finished site, listed once by the last steps (`_headers`, then the manifest:
   * walking a 12,000-page site costs about as much as writing `_headers`).
   */
  siteFiles?: string[];
}

/** What a context may reuse: the preview's loaded files, or a production build's cache folder. */
export interface ContextMemory {
  articleCache?: ArticleCache;
  buildCache?: CacheOpening;
}

/**
 * Work done on the finished pages before they go live; `dir` is the staging folder. A step may add
 * files but must not change a rendered page: the manifest takes their digests from the render.
 */
export interface AfterBuildStep {
  name: string;
  run(dir: string, context: BuildContext): Promise<void>;
}

/** Asks `near` first, then `far` (the preview's memory, then the build cache); both remember. */
function firstOf(near: ArticleCache, far: ArticleCache): ArticleCache {
  return {
    recall(file) {
      const nearby = near.recall(file);
      if (nearby) return nearby;
      const kept = far.recall(file);
      if (kept) near.remember(file, kept);
      return kept;
    },
    remember(file, outcome) {
      near.remember(file, outcome);
      far.remember(file, outcome);
    },
  };
}

/**
 * Reads site data and the corpus and builds the lists. Content errors throw here, before anything is
 * written; in the preview, files with errors are left out instead (`corpus.problems` lists them).
 * Unchanged files come from the preview's `articleCache` (build-run.ts), or from the build cache in
 * the build cache (build-cache.ts), whose pages the renderer then reuses too.
 */
export async function createBuildContext(
  options: BuildOptions,
  { articleCache, buildCache }: ContextMemory = {},
): Promise<BuildContext> {
  const site = await loadSite(options.contentDir);
  const cache = buildCache === undefined ? undefined : openBuildCache(buildCache, options, site);
  // The plan is a function of the code and the site data alone: kept as soon as it is made. Planning
  // minifies with esbuild's own process, while this one reads the articles.
  const kept = cache && readKeptAssetPlan(cache.dir, cache.key);
  const planning = kept
    ? Promise.resolve(kept)
    : siteAssetPlan(site.baseUrl).then((plan) => {
        if (cache) keepAssetPlan(cache.dir, cache.key, plan);
        return plan;
      });
  const planned = planning.then(assetPaths);
  // Awaited below; this only keeps a failure from counting as unhandled if the articles fail first.
  planned.catch(() => {});
  const corpus = await loadArticles(site, {
    ...options,
    assetPaths: planned,
    // The up-to-date check listed them, to hash them, a moment ago.
    files: buildCache?.checked?.listed,
    lenient: options.preview,
    cache: cache && articleCache ? firstOf(articleCache, cache.articles) : (articleCache ?? cache?.articles),
  });
  const lists = buildSiteLists(corpus.articles, site, options.now, { sitemaps: !options.preview });
  const globals: TemplateGlobals = {
    site,
    build: { now: options.now.toISO() ?? "", search: options.search, preview: options.preview },
    articles: corpus.articles,
    lists,
    previewDesk: options.preview ? [{ articles: corpus.unpublished, problems: corpus.problems }] : [],
  };
  const assets = options.preview ? undefined : await planning;
  return { options, site, corpus, lists, assets, globals, rendered: {}, brokenArticles: [], cache };
}
