/**
 * Pagefind on a thread of its own (search-index.ts): indexes one folder of pages into a bundle and
 * answers with the number of pages indexed, or with the step that failed and Pagefind's errors.
 * Pagefind's npm package talks to its binary through messages, which the thread that started it
 * must answer: on the build's thread they waited while it checked the other periods and kept the
 * cache, and a day's 80 pages took 1.9 to 2.2 s at 100,000 articles, where they take 0.25 s alone.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { IndexRequest, IndexAnswer } from "./search-index.ts";

const { folder, outputPath, settings } = workerData as IndexRequest;

async function indexFolder(): Promise<IndexAnswer> {
  try {
    const { index, errors } = await pagefind.createIndex(settings);
    if (!index || errors.length > 0) return { failed: "starting Pagefind", errors };
    const added = await index.addDirectory({ path: folder });
    if (added.errors.length > 0) return { failed: "indexing", errors: added.errors };
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) return { failed: "writing the index", errors: written.errors };
    return { pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}

try {
  parentPort!.postMessage(await indexFolder());
} catch (error) {
  parentPort!.postMessage({
    failed: "indexing",
    errors: [error instanceof Error ? error.message : String(error)],
  });
}
