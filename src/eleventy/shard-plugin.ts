/**
 * Eleventy plugin for sharded builds (src/build/build-site.ts): a shard other than 0 renders only its
 * share of the article pages and of the list pages (fronts, author, tag and month pages, thousands at
 * 10,000 articles), so every other page template is ignored there.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../build-options.ts";

const ARTICLE_TEMPLATE = "article.njk";
/** Paginated lists (templates/pages/list.njk); it takes its share through `build.shard`. */
export const LIST_TEMPLATE = "list.njk";

export function shardPlugin(config: UserConfig, options: BuildOptions): void {
  if (options.shard.index === 0) return;
  const pages = "templates/pages";
  for (const entry of readdirSync(pages, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== ARTICLE_TEMPLATE && entry.name !== LIST_TEMPLATE) {
      config.ignores.add(path.join(path.relative(".", entry.parentPath), entry.name));
    }
  }
}
