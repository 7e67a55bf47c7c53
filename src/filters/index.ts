/** Eleventy plugin registering every template filter and global; each lives in its own file. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteHtml } from "../discovery/absolute-html.ts";
import { xmlText } from "../discovery/xml-text.ts";
import { imgAttributes } from "../images/img-attributes.ts";
import { siteLists } from "../lists/site-lists.ts";
import { authorUrl, tagUrl } from "../lists/name-key.ts";
import { breadcrumbLd, jsonLd, newsArticleLd, shareImage, webSiteLd } from "../discovery/structured-data.ts";
import { includeOnce } from "./include-once.ts";
import { absoluteUrl } from "./absolute-url.ts";

/** Filter name → function; each function's doc comment gives an example. */
export const templateFilters = {
  absoluteUrl,
  imgAttributes,
  // Lists and discovery (src/lists/, src/discovery/).
  siteLists,
  authorUrl,
  tagUrl,
  newsArticleLd,
  breadcrumbLd,
  webSiteLd,
  shareImage,
  jsonLd,
  absoluteHtml,
  xmlText,
};

/** Global functions of the templates. */
export const templateGlobals = { includeOnce };

export function filtersPlugin(config: UserConfig): void {
  for (const [name, filter] of Object.entries(templateFilters)) config.addFilter(name, filter);
  for (const [name, value] of Object.entries(templateGlobals)) config.addNunjucksGlobal(name, value);
}
