/**
 * The Nunjucks setup of the site's templates, as Eleventy configures it for `.eleventy.ts`
 * (includes from templates/partials, other names from the project root, Eleventy's default
 * environment options) with the site's filters and globals. Pages rendered outside Eleventy
 * (bulk-pages.ts) use it, so that a layout renders the same text whichever renders it.
 */
import nunjucks from "nunjucks";
import { templateFilters, templateGlobals } from "../filters/index.ts";

/** Where the templates live; `.eleventy.ts` gives Eleventy the same folders. */
export const TEMPLATE_DIRS = {
  pages: "templates/pages",
  partials: "templates/partials",
  layouts: "templates/layouts",
};

export function createTemplateEnv(): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([TEMPLATE_DIRS.partials, process.cwd()]);
  const env = new nunjucks.Environment(loader, { dev: true });
  for (const [name, filter] of Object.entries(templateFilters)) env.addFilter(name, filter);
  for (const [name, value] of Object.entries(templateGlobals)) env.addGlobal(name, value);
  return env;
}

/** The file a page URL is written to: `/bendi/` → `bendi/index.html`, `/feed.xml` → `feed.xml`. */
export function sitePathOf(url: string): string {
  return url.slice(1) + (url.endsWith("/") ? "index.html" : "");
}
