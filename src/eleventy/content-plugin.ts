/**
 * Eleventy plugin: the content. Articles do not enter Eleventy as templates (one template per article
 * costs Eleventy far more than Hugo at 10,000 articles). As each build starts, the run gives this
 * plugin the build context (src/build/build-context.ts); its template globals (`site`, `build`,
 * `articles`, `lists`, `previewDesk`: src/pages/template-data.ts) become Eleventy's global data for
 * the few pages Eleventy renders (homepage, feeds, sitemap index, archive...). After those, the
 * article, list, 已下线 and redirect pages and the sitemap files are rendered from their layouts with
 * Eleventy's own Nunjucks environment (src/pages/bulk-pages.ts); in the preview, drafts and
 * scheduled articles too.
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type nunjucks from "nunjucks";
import type { BuildContext } from "../build/build-context.ts";
import { saveBuildCache } from "../build/build-cache.ts";
import type { BuildRun } from "../build/build-run.ts";
import { formatProblem } from "../content/problems.ts";
import { bulkPages, renderBulkPages } from "../pages/bulk-pages.ts";
import type { TemplateGlobals } from "../pages/template-data.ts";

const GLOBALS: (keyof TemplateGlobals)[] = ["site", "build", "articles", "lists", "previewDesk"];

export function contentPlugin(config: UserConfig, run: BuildRun): void {
  let context: BuildContext;
  // The content is loaded (and checked) before Eleventy writes anything: a content error then stops
  // the build before any passthrough copy starts into the staging folder a failed build removes.
  config.on("eleventy.before", async () => {
    context = await run.refresh();
    // The preview keeps serving while an editor fixes a file: files with errors are left out and listed,
    // in Chinese as on the preview's desk (the preview is the newsroom's tool).
    if (run.options.preview) context.corpus.problems.forEach((p) => console.error(formatProblem(p, "zh")));
  });
  for (const name of GLOBALS) config.addGlobalData(name, async () => (await run.context()).globals[name]);
  // A rebuild has ended, written or not: the preview's cache save, paused for it, goes on.
  config.on("eleventy.afterwatch", () => run.ended());
  // The preview watches the content folder itself (src/preview/preview-server.ts) and hands each
  // change to Eleventy's watcher. It re-reads and re-renders only what an edit to article files
  // changed; any other edit (site data, media, templates, styles) may change every page.
  const articlesDir = path.join(run.options.contentDir, "articles") + path.sep;
  config.on("eleventy.beforeWatch", (changed) => {
    const files = changed.map((file) => path.resolve(file));
    if (files.some((file) => !(file.startsWith(articlesDir) && file.endsWith(".md")))) run.forget();
    else run.articlesEdited(files);
  });

  let environment: nunjucks.Environment | undefined;
  config.on("eleventy.engine.njk", (event) => {
    environment = event.environment;
  });

  config.on("eleventy.after", async ({ directories }) => {
    if (!environment) throw new Error("Eleventy made no Nunjucks environment: is templates/pages/ empty?");
    const { globals, corpus, assets, options, brokenArticles } = context;
    const pages =
      run.pagesOfEdit() ??
      bulkPages(globals, {
        offline: corpus.offline,
        redirects: corpus.redirects,
        // The preview shows drafts and scheduled articles at their future URLs, with a banner.
        unlisted: options.preview ? corpus.unpublished : [],
        broken: brokenArticles,
      });
    const writerOptions = {
      outputDir: directories.output,
      siteDir: options.outputDir,
      fresh: !options.preview,
      assetNames: assets && { renamed: assets.renamed, baseUrl: assets.baseUrl },
    };
    const memory = {
      lastInputs: options.preview ? run.renderedInputs : undefined,
      changing: run.pagesChangedWhileSaving,
      kept: context.cache?.pages,
      // The preview's pages differ from the site's in ways its own edits decide: all are fingerprinted.
      changedFrom: options.preview ? undefined : context.cache?.articles.earliestChange(),
      live: context.live,
    };
    await renderBulkPages(pages, globals, environment, writerOptions, memory, context.rendered);
    // A production build keeps its cache while Pagefind indexes (build-site.ts); the preview's first build
    // keeps its pages for the next session's start, while it starts serving (src/build/build-run.ts);
    // only once, since an edit changed in place keeps this context.
    if (options.preview && context.cache) {
      const cache = context.cache;
      const pages = { ...context.rendered };
      run.keepCacheMeanwhile((between, changed) =>
        saveBuildCache(cache, directories.output, pages, between, changed),
      );
      context.cache = undefined;
    }
    run.built();
  });
}
