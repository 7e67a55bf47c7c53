/**
 * Eleventy plugin: the content. Articles do not enter Eleventy as templates (one template per article
 * costs Eleventy far more than Hugo at 10,000 articles); they are loaded once per build as global data
 * for the pages Eleventy renders (homepage, feeds, sitemaps, archive...). The article pages and the
 * list pages are rendered after Eleventy's own pages from their layouts (src/pages/bulk-pages.ts).
 *
 * Global data: `articles` (only what readers may see), `offlineArticles` (expired: 已下线 notices),
 * `redirects` (aliases), `previewDesk` (drafts and scheduled articles, and the problems of files left
 * out; empty unless Eleventy runs as the dev server, so a production build cannot show them) and
 * `build`. Also writes the schedule file (next-embargo.json).
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildData, type BuildOptions } from "../build/build-options.ts";
import { loadArticles, type Corpus } from "../content/load-articles.ts";
import { formatProblem } from "../content/problems.ts";
import { writeSchedule } from "../build/schedule-file.ts";
import { siteAssetNames } from "../build/hash-assets.ts";
import { bulkPages, renderBulkPages } from "../pages/bulk-pages.ts";
import { loadSite, type Site } from "../content/site-data.ts";

/** Emitted on Eleventy's config with the RenderedPages of the bulk pages (src/build/run-eleventy.ts listens). */
export const BULK_PAGES_RENDERED = "heze.bulkPagesRendered";

export function contentPlugin(config: UserConfig, options: BuildOptions): void {
  // Site data and articles, read once per build (reset by eleventy.before).
  let content: Promise<{ site: Site; corpus: Corpus }> | undefined;
  let preview = false;
  // The preview keeps serving while an editor fixes a file: files with errors are left out and listed.
  const loadContent = () =>
    (content ??= loadSite(options.contentDir).then(async (site) => {
      const corpus = await loadArticles(site, { ...options, lenient: preview });
      if (preview) corpus.problems.forEach((p) => console.error(formatProblem(p)));
      return { site, corpus };
    }));
  const load = async () => (await loadContent()).corpus;
  // The corpus is loaded (and checked) before Eleventy writes anything: a content error then stops the
  // build before any passthrough copy starts, so no copy is still running into the staging folder
  // that the failed build removes.
  config.on("eleventy.before", async ({ runMode }) => {
    content = undefined;
    preview = runMode === "serve" || runMode === "watch";
    await load();
  });

  config.addGlobalData("site", async () => (await loadContent()).site);
  config.addGlobalData("articles", async () => (await load()).articles);
  config.addGlobalData("offlineArticles", async () => (await load()).offline);
  config.addGlobalData("redirects", async () => (await load()).redirects);
  // The preview's desk page (/preview/) paginates over this: one page in the preview, none otherwise.
  config.addGlobalData("previewDesk", async () => {
    if (!preview) return [];
    const { unpublished, problems } = await load();
    return [{ articles: unpublished, problems }];
  });
  config.addGlobalData("build", () => buildData(options, preview));
  config.addWatchTarget(options.contentDir);

  config.on("eleventy.after", async ({ directories, runMode }) => {
    const { site, corpus } = await loadContent();
    const { articles, unpublished, schedule } = corpus;
    // The preview shows drafts and scheduled articles at their future URLs, with a banner.
    const pages = bulkPages(articles, site, buildData(options, preview), preview ? unpublished : []);
    const rendered = await renderBulkPages(pages, {
      outputDir: directories.output,
      siteDir: options.outputDir,
      assetNames: runMode === "build" ? await siteAssetNames(site.baseUrl) : undefined,
    });
    await config.emit(BULK_PAGES_RENDERED, rendered);
    await writeSchedule(directories.output, schedule);
  });
}
