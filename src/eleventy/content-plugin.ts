/**
 * Eleventy plugin: the content. Articles do not enter Eleventy as templates (one template per article
 * costs Eleventy far more than Hugo at 10,000 articles); they are loaded once per build as global data
 * and paginated through `templates/pages/article.njk` (over `articlePages`, this shard's share of them).
 * Also copies the resized images of those pages.
 *
 * Global data: `articles` (only what readers may see), `offlineArticles` (expired: 已下线 notices),
 * `redirects` (aliases), `previewArticles` and `previewDesk` (drafts and scheduled articles, and the
 * problems of files left out; both empty unless Eleventy runs as the dev server, so a production
 * build cannot show them) and `build`. Shard 0 writes the schedule file (next-embargo.json).
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../build-options.ts";
import { loadArticles, type Corpus } from "../articles/load-articles.ts";
import { formatProblem } from "../articles/problems.ts";
import { writeSchedule } from "../articles/schedule-file.ts";
import { loadSite } from "../site/site-data.ts";

export function contentPlugin(config: UserConfig, options: BuildOptions): void {
  let corpus: Promise<Corpus> | undefined;
  let preview = false;
  // The preview keeps serving while an editor fixes a file: files with errors are left out and listed.
  const load = () =>
    (corpus ??= loadSite(options.contentDir)
      .then((site) => loadArticles(site, { ...options, lenient: preview }))
      .then((loaded) => {
        if (preview) loaded.problems.forEach((p) => console.error(formatProblem(p)));
        return loaded;
      }));
  config.on("eleventy.before", ({ runMode }) => {
    corpus = undefined;
    preview = runMode === "serve" || runMode === "watch";
  });

  config.addGlobalData("site", () => loadSite(options.contentDir));
  config.addGlobalData("articles", async () => (await load()).articles);
  const { index, count } = options.shard;
  const ownPages = async () => (await load()).articles.filter((_, i) => i % count === index);
  config.addGlobalData("articlePages", ownPages);
  config.addGlobalData("offlineArticles", async () => (await load()).offline);
  config.addGlobalData("redirects", async () => (await load()).redirects);
  config.addGlobalData("previewArticles", async () => (preview ? (await load()).unpublished : []));
  // The preview's desk page (/preview/) paginates over this: one page in the preview, none otherwise.
  config.addGlobalData("previewDesk", async () => {
    if (!preview) return [];
    const { unpublished, problems } = await load();
    return [{ articles: unpublished, problems }];
  });
  const { now, search, shard } = options;
  config.addGlobalData("build", () => ({ now: now.toISO(), search, shard, preview }));
  config.addWatchTarget(options.contentDir);

  config.on("eleventy.after", async ({ directories }) => {
    const { unpublished, schedule } = await load();
    const shown = [...(await ownPages()), ...(preview ? unpublished : [])];
    const files = new Set(shown.flatMap((article) => article.imageFiles));
    await mkdir(path.join(directories.output, "img"), { recursive: true });
    await Promise.all(
      [...files].map((file) => copyFile(file, path.join(directories.output, "img", path.basename(file)))),
    );
    if (index === 0) await writeSchedule(directories.output, schedule);
  });
}
