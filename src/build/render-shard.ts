/**
 * One shard of a parallel build, started by build-site.ts with HEZE_SHARD and HEZE_STAGING set; not
 * for running by hand. It renders its share of the article and list pages (src/render/bulk-pages.ts)
 * without Eleventy, which shard 0 runs for every other page. Prints the pages it rendered
 * (RenderedPages) as JSON on stdout; exits 3 with the content problems as JSON on stdout instead
 * when content is invalid.
 */
import { loadArticles } from "../articles/load-articles.ts";
import { findContentError } from "../articles/problems.ts";
import { buildData, readBuildOptions } from "../build-options.ts";
import { bulkPages, renderBulkPages, shareOf } from "../render/bulk-pages.ts";
import { loadSite } from "../site/site-data.ts";
import { siteAssetNames } from "./hash-assets.ts";
import { CONTENT_PROBLEMS_EXIT } from "./render-site.ts";

const staging = process.env.HEZE_STAGING;
if (!staging) throw new Error("render-shard.ts runs from build-site.ts, which sets HEZE_STAGING");
const options = readBuildOptions();
try {
  const site = await loadSite(options.contentDir);
  const { articles } = await loadArticles(site, options);
  const pages = shareOf(bulkPages(articles, site, buildData(options, false)), options.shard);
  const rendered = await renderBulkPages(pages, {
    outputDir: staging,
    siteDir: options.outputDir,
    assetNames: await siteAssetNames(site.baseUrl),
  });
  process.stdout.write(JSON.stringify(rendered));
} catch (error) {
  const content = findContentError(error);
  if (!content) throw error;
  process.stdout.write(JSON.stringify(content.problems));
  process.exitCode = CONTENT_PROBLEMS_EXIT;
}
