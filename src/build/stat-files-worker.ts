/**
 * The up-to-date check's second thread (article-stamps.ts): lists and stats every article file, and
 * answers with the files and their stamps (the Float64Array transferred, not copied), or with the
 * first failure.
 */
import { parentPort, workerData } from "node:worker_threads";
import { listArticleStamps } from "./article-stamps.ts";

const port = parentPort!;
try {
  const stamps = await listArticleStamps(workerData as string);
  port.postMessage(stamps, [stamps.stats.buffer]);
} catch (error) {
  port.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
