/**
 * The up-to-date check's second thread (article-stamps.ts): lists the article files and posts the
 * listing (its stats and counter shared, not copied), stats runs of them beside the main thread,
 * and says when its last run is done; or posts the first failure.
 */
import { parentPort, workerData } from "node:worker_threads";
import { shareArticleStamps, statRuns, type WorkerAnswer } from "./article-stamps.ts";

const port = parentPort!;
const answer = (message: WorkerAnswer) => port.postMessage(message);
try {
  const shared = await shareArticleStamps(workerData as string);
  answer(shared);
  statRuns(shared);
  answer({ done: true });
} catch (error) {
  answer({ failure: error instanceof Error ? error.message : String(error) });
}
