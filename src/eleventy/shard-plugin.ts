/**
 * Eleventy plugin for sharded builds (src/build/build-site.ts): a shard other than 0 renders only its
 * share of the article pages, so every other page template is ignored there.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../build-options.ts";

export const ARTICLE_TEMPLATE = "article.njk";

export function shardPlugin(config: UserConfig, options: BuildOptions): void {
  if (options.shard.index === 0) return;
  const pages = "templates/pages";
  for (const entry of readdirSync(pages, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== ARTICLE_TEMPLATE) {
      config.ignores.add(path.join(path.relative(".", entry.parentPath), entry.name));
    }
  }
}
