/**
 * The article files as the up-to-date check needs them (up-to-date.ts): every file, sorted, and
 * four numbers per file (size, modification and change times, inode), in one Float64Array.
 *   const { files, stats } = await stampArticleFiles("content/articles", { threaded: true });
 * Threaded, a second thread (stat-files-worker.ts) lists and stats them while the main thread reads
 * `built.json` and the output's manifest: at 100,000 articles each side takes about half a second,
 * and the worker only needs node:fs and the listing, so it starts in a few tens of milliseconds.
 * (Moving the whole check to a thread, tried before, paid for loading its modules.) For a small
 * archive the thread's start costs more than it overlaps.
 */
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { findArticleFiles, type ArticleFiles } from "../content/article-files.ts";

export interface ArticleStamps extends ArticleFiles {
  /** Entries 4i to 4i + 3: the size, modification time, change time and inode of `files[i]`. */
  stats: Float64Array<ArrayBuffer>;
}

/** Lists and stats the article files on this thread. */
export async function listArticleStamps(articlesDir: string): Promise<ArticleStamps> {
  const { files, links } = await findArticleFiles(articlesDir);
  const stats = new Float64Array(files.length * 4);
  files.forEach((file, i) => {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file);
    stats.set([size, mtimeMs, ctimeMs, ino], 4 * i);
  });
  return { files, links, stats };
}

export function stampArticleFiles(
  articlesDir: string,
  { threaded }: { threaded: boolean },
): Promise<ArticleStamps> {
  if (!threaded) return listArticleStamps(articlesDir);
  const worker = new Worker(new URL("./stat-files-worker.ts", import.meta.url), { workerData: articlesDir });
  return new Promise((resolve, reject) => {
    worker.once("message", (answer: ArticleStamps | { failure: string }) =>
      "failure" in answer ? reject(new Error(answer.failure)) : resolve(answer),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("listing the article files ended without an answer")));
  });
}
