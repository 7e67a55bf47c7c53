/**
 * Eleventy plugin: the content. Articles do not enter Eleventy as templates (one template per article
 * costs Eleventy far more than Hugo at 10,000 articles); they are loaded once per build as global data
 * and paginated through `templates/pages/article.njk` (over `articlePages`, this shard's share of them).
 * Also copies the resized images of those pages.
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../build-options.ts";
import { loadArticles, type Corpus } from "../articles/load-articles.ts";
import { loadSite } from "../site/site-data.ts";

export function contentPlugin(config: UserConfig, options: BuildOptions): void {
  let corpus: Promise<Corpus> | undefined;
  const load = () => (corpus ??= loadSite(options.contentDir).then((site) => loadArticles(site, options)));
  config.on("eleventy.before", () => {
    corpus = undefined;
  });

  config.addGlobalData("site", () => loadSite(options.contentDir));
  config.addGlobalData("articles", async () => (await load()).articles);
  const { index, count } = options.shard;
  const ownPages = async () => (await load()).articles.filter((_, i) => i % count === index);
  config.addGlobalData("articlePages", ownPages);
  config.addGlobalData("build", { now: options.now.toISO(), search: options.search, shard: options.shard });
  config.addWatchTarget(options.contentDir);

  config.on("eleventy.after", async ({ directories }) => {
    const files = new Set((await ownPages()).flatMap((article) => article.imageFiles));
    await mkdir(path.join(directories.output, "img"), { recursive: true });
    await Promise.all(
      [...files].map((file) => copyFile(file, path.join(directories.output, "img", path.basename(file)))),
    );
  });
}
