/** Eleventy plugin registering every template filter and global; each lives in its own file. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteHtml } from "../feeds/absolute-html.ts";
import { feedContent } from "../feeds/feed-content.ts";
import { xmlText } from "../feeds/xml-text.ts";
import { imgAttributes } from "../images/img-attributes.ts";
import { siteLists } from "../lists/site-lists.ts";
import { authorUrl, tagUrl } from "../lists/name-key.ts";
import { breadcrumbLd, jsonLd, newsArticleLd, shareImage, webSiteLd } from "../seo/structured-data.ts";
import { includeOnce } from "../render/include-once.ts";
import { absoluteUrl } from "./absolute-url.ts";

/** Filter name → function; each function's doc comment gives an example. */
export const templateFilters = {
  absoluteUrl,
  imgAttributes,
  // Lists and discovery (src/lists/, src/feeds/, src/seo/).
  siteLists,
  authorUrl,
  tagUrl,
  newsArticleLd,
  breadcrumbLd,
  webSiteLd,
  shareImage,
  jsonLd,
  absoluteHtml,
  feedContent,
  xmlText,
};

/** Global functions of the templates. */
export const templateGlobals = { includeOnce };

export function filtersPlugin(config: UserConfig): void {
  for (const [name, filter] of Object.entries(templateFilters)) config.addFilter(name, filter);
  for (const [name, value] of Object.entries(templateGlobals)) config.addNunjucksGlobal(name, value);
}
