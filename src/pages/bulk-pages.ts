/**
 * The pages heze-press renders itself instead of through Eleventy's per-page pipeline: one per
 * article, per list page (channel fronts, author, tag and month pages), per expired article (已下线
 * notice), per old URL (redirect page) and per sitemap file: all but a few dozen pages of the site.
 * They have no template of their own, only a layout and data, and Eleventy's per-page work around
 * the rendering (pagination copies, data cascade, linters, transforms) cost more than the rendering
 * itself (docs/decisions/001-articles-as-data.md). Each is rendered from its layout with Eleventy's
 * own Nunjucks environment (its filters, ours, and our globals), given the same global data as
 * Eleventy's pages and a `page` variable of Eleventy's shape, then finished like an Eleventy page
 * (finish-page.ts). The content plugin renders them after Eleventy's pages
 * (src/eleventy/content-plugin.ts).
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type nunjucks from "nunjucks";
import type { Article } from "../content/article.ts";
import type { ArticleFoot } from "../lists/article-foot.ts";
import type { ListPage } from "../lists/list-pages.ts";
import type { AliasRedirect } from "../content/load-articles.ts";
import type { LiveOutput } from "./live-output.ts";
import { ContentError } from "../content/problems.ts";
import type { KeptPages } from "./kept-pages.ts";
import type { RenderedInputs } from "./rendered-inputs.ts";
import {
  startPageWriter,
  type PageWriterOptions,
  type RenderedPages,
  type WrittenPages,
} from "./page-writer.ts";
import {
  pageVariable,
  sitePathOf,
  TEMPLATE_DIRS,
  type BrokenArticle,
  type TemplateGlobals,
} from "./template-data.ts";

/**
 * One page to render: its URL, the layout under templates/layouts/, its own data (beside the global
 * data and `page`), the images it shows and, for an article's page, the article's file (a problem
 * with the page names that file).
 */
export interface BulkPage {
  url: string;
  source?: string;
  layout: "article.njk" | "list.njk" | "offline.njk" | "redirect.njk" | "preview-error.njk" | "sitemap.njk";
  data: Record<string, unknown>;
  date?: Date;
  images: string[];
  /** What the page shows, besides site data and templates, compared by identity (rendered-inputs.ts). */
  inputs: unknown[];
  /**
   * When the page's inputs follow from the live articles published up to this instant (epoch ms)
   * alone: a build whose every change since the last one concerns later articles gives it the same
   * inputs (src/pages/kept-pages.ts). Undefined when newer articles may change them.
   */
  dependsUpTo?: number;
}

/** What the bulk pages are made of, besides the global data. */
export interface BulkContent {
  /** Expired articles: a 已下线 notice at each URL. */
  offline: Article[];
  /** Old URLs of articles: a redirect page at each. */
  redirects: AliasRedirect[];
  /** Articles with a page but in no list: the preview's drafts and scheduled articles. */
  unlisted: Article[];
  /** The preview's articles whose file now has errors: their problems at their last URL. */
  broken: BrokenArticle[];
}

/**
 * An article's page, or its 已下线 notice. A class, so that the `images` getter is one function on its
 * prototype: an object literal with a getter made a closure per page, and bulkPages took 0.37 to
 * 0.56 s for 100,000 articles where it takes 0.19 to 0.26 s with instances.
 */
class ArticlePage implements BulkPage {
  readonly url: string;
  readonly source: string;
  readonly layout: "article.njk" | "offline.njk";
  readonly data: Record<string, unknown>;
  readonly date: Date;
  readonly dependsUpTo?: number;
  readonly #article: Article;
  readonly #foot: ArticleFoot | undefined;
  #inputs?: unknown[];

  constructor(
    article: Article,
    layout: "article.njk" | "offline.njk",
    data: Record<string, unknown>,
    foot: ArticleFoot | undefined,
  ) {
    this.#article = article;
    this.url = article.url;
    this.source = article.file;
    this.layout = layout;
    this.data = data;
    this.date = new Date(article.published.epochMs);
    this.#foot = foot;
    // Its neighbours and related articles are the channel's and tags' articles up to 下一篇: older
    // ones, and none between it and 下一篇 (src/lists/article-foot.ts).
    this.dependsUpTo = foot?.newer?.published.epochMs;
  }

  /** Made when first asked for: a page older than every change is reused without them. */
  get inputs(): unknown[] {
    const foot = this.#foot;
    return (this.#inputs ??= [
      this.layout,
      this.#article,
      foot?.older,
      foot?.newer,
      ...(foot?.related ?? []),
    ]);
  }

  /** Read when rendered: the preview renders a page again after an edit in place changed them. */
  get images(): string[] {
    return this.layout === "article.njk" ? this.#article.imageFiles : [];
  }
}

/** A page of a list (list-pages.ts); a class for the same reason as ArticlePage. */
class ListBulkPage implements BulkPage {
  readonly url: string;
  readonly layout = "list.njk";
  readonly data: { listPage: ListPage };
  readonly images: string[] = [];
  readonly dependsUpTo?: number;
  #inputs?: unknown[];

  constructor(listPage: ListPage) {
    this.url = listPage.pager.url;
    this.data = { listPage };
    this.dependsUpTo = listPage.fixedBy?.published.epochMs;
  }

  /**
   * Made when first asked for: a page older than every change is reused without them. Of the list's
   * page count the pager shows only whether there is more than one page: an old page must not count
   * as changed each time its list grows.
   */
  get inputs(): unknown[] {
    const { listPage } = this.data;
    return (this.#inputs ??= [
      "list.njk",
      listPage.pageTitle,
      JSON.stringify({ ...listPage.pager, count: listPage.pager.count > 1 }),
      ...listPage.items,
    ]);
  }
}

/**
 * Every article page (live, then unlisted), every list page, every 已下线 notice and redirect page,
 * every sitemap file, and in the preview the problems of each article that can no longer be built.
 */
export function bulkPages(globals: TemplateGlobals, content: BulkContent): BulkPage[] {
  const articlePage = (
    article: Article,
    layout: "article.njk" | "offline.njk",
    data: Record<string, unknown>,
  ) =>
    new ArticlePage(
      article,
      layout,
      data,
      layout === "article.njk" ? globals.lists.feet.get(article.url) : undefined,
    );
  return [
    ...[...globals.articles, ...content.unlisted].map((article) =>
      articlePage(article, "article.njk", { article }),
    ),
    ...globals.lists.pages.map((listPage) => new ListBulkPage(listPage)),
    ...content.offline.map((gone) => articlePage(gone, "offline.njk", { gone })),
    ...content.redirects.map((redirect): BulkPage => ({
      url: redirect.permalink,
      layout: "redirect.njk",
      data: { redirect },
      images: [],
      inputs: ["redirect.njk", redirect.to, redirect.title],
    })),
    // A full sitemap file of older articles is kept, not written again: two files of 50,000 URLs
    // cost every build at 100,000 articles 0.2 to 0.3 s.
    ...globals.lists.sitemaps.map((sitemap): BulkPage => ({
      url: sitemap.url,
      layout: "sitemap.njk",
      data: { sitemap },
      images: [],
      inputs: ["sitemap.njk", sitemap],
      dependsUpTo: sitemap.articlesUpTo,
    })),
    ...content.broken.map((broken): BulkPage => ({
      url: broken.url,
      source: broken.file,
      layout: "preview-error.njk",
      data: { broken },
      images: [],
      inputs: [broken],
    })),
  ];
}

/**
 * From this many pages on, a second thread writes them (page-writer.ts). At 1,000 articles (1,250
 * pages) the thread's start cost more than it saved: 3.0 s against 3.2 s, and 40 MiB more. Started
 * ahead, while the articles loaded, it still lost (2026-12-03, eight alternated cold builds: median
 * 2.44 s against 2.40 s): the two threads and the collector's share two cores.
 */
const THREADED_FROM_PAGES = 4000;

/**
 * What spares a page its rendering: the preview's last inputs, or the build cache's pages; and what
 * spares writing it: the live output, when it is updated in place (live-output.ts).
 */
export interface RenderMemory {
  lastInputs?: RenderedInputs<BulkPage>;
  kept?: KeptPages;
  live?: LiveOutput;
  /** Notes the site path of every page about to be written or removed (src/build/build-run.ts). */
  changing?: Set<string>;
  /** When the earliest article changed since the kept pages' build was published (KeptPages.reuse). */
  changedFrom?: number;
}

/**
 * Renders `pages` with `env` (Eleventy's Nunjucks environment) under `options.outputDir`
 * (page-writer.ts finishes and writes them) and copies their images to `img/`. The preview renders
 * only the pages whose inputs changed (`lastInputs`); a build with a cache links the pages it rendered
 * before from the same fingerprint (`kept`). Notes each page's size and digest in `rendered` (the
 * build context's, at 125,000 pages not copied from a record of its own), and returns it. Throws one
 * ContentError with every page the Content-Security-Policy would break; those pages are not written.
 */
export async function renderBulkPages(
  allPages: BulkPage[],
  globals: TemplateGlobals,
  env: nunjucks.Environment,
  options: PageWriterOptions,
  { lastInputs, kept, live, changing, changedFrom }: RenderMemory = {},
  rendered: RenderedPages = {},
): Promise<RenderedPages> {
  const pages = lastInputs ? allPages.filter((page) => lastInputs.changed(page)) : allPages;
  for (const page of pages) changing?.add(sitePathOf(page.url));
  for (const url of lastInputs?.settle() ?? []) {
    changing?.add(sitePathOf(url));
    rmSync(path.join(options.outputDir, sitePathOf(url)), { force: true });
  }
  const toRender = kept ? kept.reuse(pages, options.outputDir, rendered, live, changedFrom) : pages;
  const writer = startPageWriter(options, { threaded: toRender.length >= THREADED_FROM_PAGES });
  // A page that was not written must be rendered again next time, not skipped as unchanged.
  const failed = (error: Error) => {
    lastInputs?.forget();
    return error;
  };
  let written: WrittenPages;
  try {
    for (const { url, source, layout, data, date } of toRender) {
      const layoutPath = `${TEMPLATE_DIRS.layouts}/${layout}`;
      const page = pageVariable(url, source ?? layoutPath, options.outputDir, date);
      writer.write(sitePathOf(url), env.render(layoutPath, { ...globals, ...data, page }), source);
    }
  } catch (error) {
    throw failed(error as Error);
  } finally {
    // Even when a template fails, the thread must end: wait for it before passing the error on.
    written = await writer.close();
  }
  if (written.problems.length > 0) throw failed(new ContentError(written.problems));
  // An image's name is a hash of its source (src/images/responsive-image.ts): one the live output
  // has is the same image.
  const images = [...new Set(pages.flatMap((page) => page.images))].filter(
    (image) => !live?.keep(`img/${path.basename(image)}`, "as-is"),
  );
  if (images.length > 0) mkdirSync(path.join(options.outputDir, "img"), { recursive: true });
  for (const image of images) copyFileSync(image, path.join(options.outputDir, "img", path.basename(image)));
  return Object.assign(rendered, written.rendered);
}
