/** Eleventy plugin registering every template filter; each filter lives in its own file. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { imgAttributes } from "../images/img-attributes.ts";
import { absoluteUrl } from "./absolute-url.ts";

export function filtersPlugin(config: UserConfig): void {
  config.addFilter("absoluteUrl", absoluteUrl);
  config.addFilter("imgAttributes", imgAttributes);
}
