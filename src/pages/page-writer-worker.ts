/**
 * The page writer's thread (page-writer.ts): takes batches of rendered pages from the main thread
 * and writes them (createPageSink) while the main thread renders the next ones. On "end" it answers
 * with every digest and every problem, or with the first failure (a full disk, a folder it may not
 * write to), after which it skipped the remaining batches.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createPageSink, type PageBatch, type PageWriterOptions } from "./page-writer.ts";

const port = parentPort!;
const sink = createPageSink(workerData as PageWriterOptions);
let failure: string | undefined;

port.on("message", (message: PageBatch | "end") => {
  if (message === "end") {
    port.postMessage(failure === undefined ? sink.written : { failure });
    port.close();
  } else if (failure === undefined) {
    try {
      sink.writeBatch(message);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
});
