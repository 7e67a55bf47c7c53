/** Eleventy plugin registering every template filter; each filter lives in its own file. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { imgAttributes } from "../images/img-attributes.ts";
import { absoluteHtml } from "../feeds/absolute-html.ts";
import { xmlText } from "../feeds/xml-text.ts";
import { siteLists } from "../lists/site-lists.ts";
import { authorUrl, tagUrl } from "../lists/name-key.ts";
import { breadcrumbLd, jsonLd, newsArticleLd, shareImage, webSiteLd } from "../seo/structured-data.ts";
import { absoluteUrl } from "./absolute-url.ts";

export function filtersPlugin(config: UserConfig): void {
  config.addFilter("absoluteUrl", absoluteUrl);
  config.addFilter("imgAttributes", imgAttributes);
  // Lists and discovery (src/lists/, src/seo/): see each function's doc comment for an example.
  config.addFilter("siteLists", siteLists);
  config.addFilter("authorUrl", authorUrl);
  config.addFilter("tagUrl", tagUrl);
  config.addFilter("newsArticleLd", newsArticleLd);
  config.addFilter("breadcrumbLd", breadcrumbLd);
  config.addFilter("webSiteLd", webSiteLd);
  config.addFilter("shareImage", shareImage);
  config.addFilter("jsonLd", jsonLd);
  config.addFilter("absoluteHtml", absoluteHtml);
  config.addFilter("xmlText", xmlText);
}
