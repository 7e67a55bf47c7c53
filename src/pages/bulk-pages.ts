/**
 * The pages heze-press renders itself instead of through Eleventy: one per article and one per list
 * page (channel fronts, author, tag and month pages): 12,500 of 12,532 pages at 10,000 articles.
 * They have no template of their own, only a layout and data, and Eleventy's per-page work around
 * the rendering (pagination copies, data cascade, linters, transforms) cost more than the rendering
 * itself (docs/decisions/001-articles-as-data.md). Each is rendered from its layout with Eleventy's
 * Nunjucks setup and filters (template-env.ts), then given the same treatment as an Eleventy page:
 * hashed asset names in a production build, the Content-Security-Policy check, a digest for the
 * build manifest. The content plugin renders them after each Eleventy build
 * (src/eleventy/content-plugin.ts).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Article } from "../content/article.ts";
import { ContentError } from "../content/problems.ts";
import type { BuildData } from "../build/build-options.ts";
import type { RenderedPages } from "../build/run-eleventy.ts";
import { siteLists } from "../lists/site-lists.ts";
import type { Site } from "../content/site-data.ts";
import { startPageWriter, type PageWriterOptions, type WrittenPages } from "./page-writer.ts";
import { createTemplateEnv, sitePathOf, TEMPLATE_DIRS } from "./template-env.ts";

/**
 * One page to render: its URL, the layout under templates/layouts/, its data, the images it shows
 * and, for an article page, the article's file (a problem with the page names that file).
 */
export interface BulkPage {
  url: string;
  source?: string;
  layout: "article.njk" | "list.njk";
  data: Record<string, unknown>;
  images: string[];
}

/**
 * Every article page of `articles` (the live ones, newest first), then every list page; `extra`
 * articles get pages but appear in no list (the preview's drafts and scheduled articles).
 */
export function bulkPages(
  articles: Article[],
  site: Site,
  build: BuildData,
  extra: Article[] = [],
): BulkPage[] {
  const shared = { site, build, articles };
  const articlePages = [...articles, ...extra].map((article): BulkPage => ({
    url: article.url,
    source: article.file,
    layout: "article.njk",
    data: { ...shared, article, page: { url: article.url } },
    images: article.imageFiles,
  }));
  const listPages = siteLists(articles, site, build.now).pages.map((listPage): BulkPage => ({
    url: listPage.pager.url,
    layout: "list.njk",
    data: { ...shared, listPage, page: { url: listPage.pager.url } },
    images: [],
  }));
  return [...articlePages, ...listPages];
}

/** From this many pages on, a second thread writes them (page-writer.ts). */
const THREADED_FROM_PAGES = 1000;

/**
 * Renders `pages` under `outputDir` (page-writer.ts finishes and writes them) and copies their images
 * to `img/`. Throws one ContentError with every page the Content-Security-Policy would break; those
 * pages are not written.
 */
export async function renderBulkPages(pages: BulkPage[], options: PageWriterOptions): Promise<RenderedPages> {
  const env = createTemplateEnv();
  const writer = startPageWriter(options, { threaded: pages.length >= THREADED_FROM_PAGES });
  let written: WrittenPages;
  try {
    for (const page of pages) {
      writer.write(
        sitePathOf(page.url),
        env.render(`${TEMPLATE_DIRS.layouts}/${page.layout}`, page.data),
        page.source,
      );
    }
  } finally {
    // Even when a template fails, the thread must end: wait for it before passing the error on.
    written = await writer.close();
  }
  if (written.problems.length > 0) throw new ContentError(written.problems);
  const images = new Set(pages.flatMap((page) => page.images));
  if (images.size > 0) mkdirSync(path.join(options.outputDir, "img"), { recursive: true });
  for (const image of images) copyFileSync(image, path.join(options.outputDir, "img", path.basename(image)));
  return written.rendered;
}
