/**
 * Writes rendered pages: finishes each (finish-page.ts: hashed asset names, the CSP check), encodes
 * it, writes it and notes its digest for the build manifest. For a large site this runs on a second
 * thread (page-writer-worker.ts), so that the thread rendering pages spends its time in Nunjucks:
 * at 10,000 articles the build is about 0.4 s faster. A small site is written in-thread, which
 * saves the thread's start-up (0.25 s).
 *   const writer = startPageWriter({ outputDir, siteDir }, { threaded: pages.length >= 4000 });
 *   writer.write("bendi/index.html", html);
 *   const { rendered, problems } = await writer.close();
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Problem } from "../content/problems.ts";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { describeFile } from "../hosting/describe-file.ts";
import { pageFinisher, type FinishOptions } from "./finish-page.ts";

/** Site path (`bendi/index.html`) → size and SHA-256 of what was written there, for the build manifest. */
export type RenderedPages = Record<string, ManifestEntry>;

export interface PageWriterOptions extends FinishOptions {
  outputDir: string;
  /**
   * `outputDir` holds none of the pages yet (a production build's staging folder): nothing to
   * replace, and no look for it (1,250 look-ups at 1,000 articles: 40 ms).
   */
  fresh?: boolean;
}

/** Pages to write: site path, rendered text, the article's file for an article page. */
export type PageBatch = [sitePath: string, text: string, source?: string][];

export interface WrittenPages {
  rendered: RenderedPages;
  problems: Problem[];
}

/** Where pages go, in whichever thread: batches in, then what was written and what was refused. */
export function createPageSink({ outputDir, fresh, ...finishOptions }: PageWriterOptions) {
  const finish = pageFinisher(finishOptions);
  const written: WrittenPages = { rendered: {}, problems: [] };
  const madeDirs = new Set<string>();
  return {
    writeBatch(batch: PageBatch): void {
      for (const [sitePath, text, source] of batch) {
        const page = finish(sitePath, text, source);
        if (page.problems) {
          written.problems.push(...page.problems);
          continue;
        }
        const file = path.join(outputDir, sitePath);
        const dir = path.dirname(file);
        if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
        const bytes = Buffer.from(page.html);
        // The preview's last page may be a hard link to the build cache's copy (kept-pages.ts):
        // replace it, never write through it.
        if (!fresh) rmSync(file, { force: true });
        writeFileSync(file, bytes);
        written.rendered[sitePath] = describeFile(bytes);
      }
    },
    written,
  };
}

/** Pages per message to the thread: fewer, larger messages cost the rendering thread less. */
const BATCH_SIZE = 64;

export interface PageWriter {
  write(sitePath: string, text: string, source?: string): void;
  /** Waits for every page to be written (and the thread, if any, to end). */
  close(): Promise<WrittenPages>;
}

export function startPageWriter(options: PageWriterOptions, { threaded }: { threaded: boolean }): PageWriter {
  if (!threaded) {
    const sink = createPageSink(options);
    return {
      write: (sitePath, text, source) => sink.writeBatch([[sitePath, text, source]]),
      close: async () => sink.written,
    };
  }
  const worker = new Worker(new URL("./page-writer-worker.ts", import.meta.url), { workerData: options });
  const done = new Promise<WrittenPages>((resolve, reject) => {
    worker.once("message", (answer: WrittenPages | { failure: string }) =>
      "failure" in answer ? reject(new Error(`writing pages failed: ${answer.failure}`)) : resolve(answer),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the page writer stopped (exit code ${code})`)));
  });
  // A failing thread must not leave an unhandled rejection before close() is awaited.
  done.catch(() => {});
  let batch: PageBatch = [];
  return {
    write(sitePath, text, source) {
      batch.push([sitePath, text, source]);
      if (batch.length < BATCH_SIZE) return;
      worker.postMessage(batch);
      batch = [];
    },
    async close() {
      worker.postMessage(batch);
      worker.postMessage("end");
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}
