/**
 * Eleventy plugin registering every template filter and global, each defined beside the module it
 * belongs to. Eleventy adds them to its Nunjucks environment, which renders every page (the bulk
 * pages too: src/pages/bulk-pages.ts).
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteHtml } from "../discovery/absolute-html.ts";
import { sitemapXml } from "../discovery/sitemaps.ts";
import { feedContent } from "../discovery/feed-content.ts";
import { xmlText } from "../discovery/xml-text.ts";
import { imgAttributes } from "../images/img-attributes.ts";
import { authorUrl, tagUrl } from "../content/name-key.ts";
import { withAliases } from "../content/with-aliases.ts";
import { fieldTitle } from "../content/schema.ts";
import { breadcrumbLd, jsonLd, newsArticleLd, shareImage, webSiteLd } from "../discovery/structured-data.ts";
import { includeOnce } from "../pages/include-once.ts";
import { absoluteUrl } from "../util/absolute-url.ts";

/** Filter name → function; each function's doc comment gives an example. */
export const templateFilters = {
  absoluteUrl,
  imgAttributes,
  // Discovery (src/content/name-key.ts, src/discovery/).
  authorUrl,
  tagUrl,
  newsArticleLd,
  breadcrumbLd,
  webSiteLd,
  shareImage,
  jsonLd,
  absoluteHtml,
  sitemapXml,
  feedContent,
  xmlText,
  // `_redirects` (src/content/with-aliases.ts): the articles that have old URLs.
  withAliases,
  // The preview's problem lists (src/content/schema.ts): `{{ p.field | fieldTitle }}` → date（发表时间）.
  fieldTitle: (field: string) => fieldTitle(field).zh,
};

/** Global functions of the templates. */
export const templateGlobals = { includeOnce };

export function filtersPlugin(config: UserConfig): void {
  for (const [name, filter] of Object.entries(templateFilters)) config.addFilter(name, filter);
  for (const [name, value] of Object.entries(templateGlobals)) config.addNunjucksGlobal(name, value);
}
