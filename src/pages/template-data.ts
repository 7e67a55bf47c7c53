/**
 * What templates are given: the folders they live in, the global data every template sees, and the
 * `page` variable of a page heze-press renders itself, shaped as Eleventy's own, so that a layout
 * renders the same whichever renders it (bulk-pages.ts).
 */
import path from "node:path";
import type { Article } from "../content/article.ts";
import type { Problem } from "../content/problems.ts";
import type { Site } from "../content/site-data.ts";
import type { SiteLists } from "../lists/site-lists.ts";

/** Where the templates live; `.eleventy.ts` gives Eleventy the same folders. */
export const TEMPLATE_DIRS = {
  pages: "templates/pages",
  partials: "templates/partials",
  layouts: "templates/layouts",
};

/**
 * The templates' `build`: the build clock (ISO), whether a search index is built, whether this is
 * the preview.
 */
export interface BuildData {
  now: string;
  search: boolean;
  preview: boolean;
}

/** The preview's desk (/preview/): drafts and scheduled articles, and the problems of files left out. */
export interface PreviewDesk {
  articles: Article[];
  problems: Problem[];
}

/** In the preview: an article whose file now has errors, at the URL it had when it last built. */
export interface BrokenArticle {
  url: string;
  file: string;
  problems: Problem[];
}

/** Global data of every template (the web editor's `cms` aside, which only /admin/ uses). */
export interface TemplateGlobals {
  site: Site;
  build: BuildData;
  /** What readers may see (live articles), newest first. */
  articles: Article[];
  lists: SiteLists;
  /** One desk in the preview, none in a production build, so that the desk page is written only there. */
  previewDesk: PreviewDesk[];
}

/** The file a page URL is written to: `/bendi/` → `bendi/index.html`, `/feed.xml` → `feed.xml`. */
export function sitePathOf(url: string): string {
  return url.slice(1) + (url.endsWith("/") ? "index.html" : "");
}

/** Eleventy's `page` variable for a page at `url` written under `outputDir` from `inputPath`. */
export interface PageVariable {
  url: string;
  inputPath: string;
  outputPath: string;
  outputFileExtension: string;
  templateSyntax: "njk";
  date?: Date;
}

export function pageVariable(url: string, inputPath: string, outputDir: string, date?: Date): PageVariable {
  const outputPath = path.join(outputDir, sitePathOf(url));
  return {
    url,
    inputPath,
    outputPath,
    outputFileExtension: path.extname(outputPath).slice(1),
    templateSyntax: "njk",
    ...(date && { date }),
  };
}
