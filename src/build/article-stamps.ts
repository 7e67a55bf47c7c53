/**
 * The article files as the up-to-date check needs them (up-to-date.ts): every file, sorted, and
 * four numbers per file (size, modification and change times, inode), in one Float64Array.
 *   const { files, stats } = await stampArticleFiles("content/articles", { threaded: true });
 * Threaded, a second thread (stat-files-worker.ts) lists the files while the main thread reads
 * `built.json` and the output's manifest (about half a second each at 100,000 articles), then both
 * threads stat them: each takes the next run of files from a counter they share, until none is left.
 * Alone, the second thread answered half a second after the main thread was ready for it. The worker
 * only needs node:fs and the listing, so it starts in a few tens of milliseconds. (Moving the whole
 * check to a thread, tried before, paid for loading its modules.) For a small archive the thread's
 * start costs more than it overlaps.
 */
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { findArticleFiles, type ArticleFiles } from "../content/article-files.ts";

export interface ArticleStamps extends ArticleFiles {
  /** Entries 4i to 4i + 3: the size, modification time, change time and inode of `files[i]`. */
  stats: Float64Array;
}

/** Files stat-ed per turn taken from the shared counter. */
const RUN = 1000;

/**
 * The listing shared by both threads: the files, their stats being filled in, and the counter of the
 * next file nobody has taken (the first Int32 of `next`).
 */
export interface SharedStamps extends ArticleFiles {
  stats: Float64Array<SharedArrayBuffer>;
  next: Int32Array<SharedArrayBuffer>;
}

export async function shareArticleStamps(articlesDir: string): Promise<SharedStamps> {
  const { files, links } = await findArticleFiles(articlesDir);
  return {
    files,
    links,
    stats: new Float64Array(new SharedArrayBuffer(files.length * 4 * Float64Array.BYTES_PER_ELEMENT)),
    next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
}

/** Stats runs of files not yet taken, on whichever thread calls it, until none is left. */
export function statRuns({ files, stats, next }: SharedStamps): void {
  for (let from = Atomics.add(next, 0, RUN); from < files.length; from = Atomics.add(next, 0, RUN)) {
    for (let i = from; i < Math.min(from + RUN, files.length); i++) {
      const { size, mtimeMs, ctimeMs, ino } = statSync(files[i]!);
      stats[4 * i] = size;
      stats[4 * i + 1] = mtimeMs;
      stats[4 * i + 2] = ctimeMs;
      stats[4 * i + 3] = ino;
    }
  }
}

const stamped = ({ files, links, stats }: SharedStamps): ArticleStamps => ({ files, links, stats });

/** Lists and stats the article files on this thread. */
export async function listArticleStamps(articlesDir: string): Promise<ArticleStamps> {
  const shared = await shareArticleStamps(articlesDir);
  statRuns(shared);
  return stamped(shared);
}

/** What the worker says: the listing, to stat with it; then that its runs are done; or a failure. */
export type WorkerAnswer = SharedStamps | { done: true } | { failure: string };

export function stampArticleFiles(
  articlesDir: string,
  { threaded }: { threaded: boolean },
): Promise<ArticleStamps> {
  if (!threaded) return listArticleStamps(articlesDir);
  const worker = new Worker(new URL("./stat-files-worker.ts", import.meta.url), { workerData: articlesDir });
  return new Promise((resolve, reject) => {
    let shared: SharedStamps | undefined;
    worker.on("message", (answer: WorkerAnswer) => {
      if ("failure" in answer) return reject(new Error(answer.failure));
      if ("done" in answer)
        return shared ? resolve(stamped(shared)) : reject(new Error("done before listed"));
      shared = answer;
      try {
        statRuns(shared); // beside the worker's runs; it says when its last one is done
      } catch (error) {
        reject(error as Error);
      }
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("listing the article files ended without an answer")));
  });
}
