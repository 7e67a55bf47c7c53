/** Eleventy plugin registering every template filter; each filter lives in its own file. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteHtml } from "../feeds/absolute-html.ts";
import { xmlText } from "../feeds/xml-text.ts";
import { imgAttributes } from "../images/img-attributes.ts";
import { siteLists } from "../lists/site-lists.ts";
import { authorUrl, tagUrl } from "../lists/name-key.ts";
import { breadcrumbLd, jsonLd, newsArticleLd, shareImage, webSiteLd } from "../seo/structured-data.ts";
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
  xmlText,
};

export function filtersPlugin(config: UserConfig): void {
  for (const [name, filter] of Object.entries(templateFilters)) config.addFilter(name, filter);
}
