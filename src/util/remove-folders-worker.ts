/**
 * Removes the folders it is given (stale-build-folders.ts), with synchronous calls on its own
 * thread, so that the thread pool of the thread that started it stays free.
 */
import { rmSync } from "node:fs";
import { workerData } from "node:worker_threads";

for (const folder of workerData as string[]) rmSync(folder, { recursive: true, force: true });
