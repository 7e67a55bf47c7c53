/**
 * One production build, all or nothing: Eleventy writes into a fresh staging folder beside the
 * output, the after-build steps (search index, headers, manifest...) run on it, and only when all of
 * them succeeded is it swapped into place. A failed build removes its staging folder and leaves the
 * previous output exactly as it was.
 *
 * A large site renders in parallel: one process per core, each rendering every n-th article and
 * list page (shard 0 also runs Eleventy for every other page), all into the same staging folder.
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { rename, rm } from "node:fs/promises";
import { findArticleFiles } from "../articles/load-articles.ts";
import { ContentError, type Problem } from "../articles/problems.ts";
import type { BuildOptions } from "../build-options.ts";
import { CONTENT_PROBLEMS_EXIT, renderSite, type RenderedPages } from "./render-site.ts";

/**
 * Below this many articles one process is faster: each shard loads the whole corpus, and two busy
 * processes slow each other down on this 2-core VM (measured: 10,000 articles 5.0 s in one process,
 * 5.9 s in two; 30,000 articles 13.3 s in one, 11.8 s in two).
 */
const PARALLEL_FROM_ARTICLES = 20_000;
const MAX_SHARDS = 4;

/**
 * Work done on the finished pages before they go live; `dir` is the staging folder and `rendered`
 * the pages Eleventy wrote there. A step may add files but must not change a rendered page: the
 * manifest takes their hashes from the render.
 */
export interface AfterBuildStep {
  name: string;
  run(dir: string, options: BuildOptions, rendered: RenderedPages): Promise<void>;
}

/** How many processes render the site: HEZE_SHARDS when set, else one per core for a large corpus. */
async function shardCount(options: BuildOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (env.HEZE_SHARDS) return Math.max(1, Number(env.HEZE_SHARDS) || 1);
  const articles = (await findArticleFiles(path.join(options.contentDir, "articles"))).length;
  return articles >= PARALLEL_FROM_ARTICLES ? Math.min(availableParallelism(), MAX_SHARDS) : 1;
}

function renderShard(index: number, count: number, staging: string): Promise<RenderedPages> {
  const script = path.join(import.meta.dirname, "render-shard.ts");
  const env = { ...process.env, HEZE_SHARD: `${index}/${count}`, HEZE_STAGING: staging };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, script],
      { env, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) resolve(JSON.parse(stdout) as RenderedPages);
        else if (error.code === CONTENT_PROBLEMS_EXIT)
          reject(new ContentError(JSON.parse(stdout) as Problem[]));
        else reject(new Error(`shard ${index}/${count} failed:\n${stderr}`));
      },
    );
  });
}

/** How long each part of a build took, in seconds: `[["render (2 processes)", 3.1], ["search index", 4.2]]`. */
export type BuildTimings = [part: string, seconds: number][];

/** Renders shard 0 of `count` in this process; `.eleventy.ts` reads the shard from HEZE_SHARD. */
async function renderHere(count: number, staging: string): Promise<RenderedPages> {
  const previous = process.env.HEZE_SHARD;
  process.env.HEZE_SHARD = `0/${count}`;
  try {
    return await renderSite(staging);
  } finally {
    if (previous === undefined) delete process.env.HEZE_SHARD;
    else process.env.HEZE_SHARD = previous;
  }
}

export async function buildSite(options: BuildOptions, steps: AfterBuildStep[] = []): Promise<BuildTimings> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${options.outputDir}.staging-${stamp}`;
  const timings: BuildTimings = [];
  let started = performance.now();
  const lap = (part: string) => {
    const now = performance.now();
    timings.push([part, (now - started) / 1000]);
    started = now;
  };
  try {
    const shards = await shardCount(options);
    // Shard 0 renders in this process (one start-up fewer), the others in child processes. Wait for
    // every shard, failed or not, before the staging folder may be removed: a shard still writing
    // into it would make the removal fail and hide the content errors.
    const outcomes = await Promise.allSettled(
      Array.from({ length: shards }, (_, i) =>
        i === 0 ? renderHere(shards, staging) : renderShard(i, shards, staging),
      ),
    );
    const failed = outcomes.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    const rendered: RenderedPages = Object.assign(
      {},
      ...outcomes.map((r) => (r as PromiseFulfilledResult<RenderedPages>).value),
    );
    lap(`render (${shards} process${shards > 1 ? "es" : ""})`);
    for (const step of steps) {
      await step.run(staging, options, rendered);
      lap(step.name);
    }
  } catch (error) {
    // Eleventy may still be finishing a copy after a failure: retry the removal, and never let a
    // cleanup problem hide the error that stopped the build.
    await rm(staging, { recursive: true, force: true, maxRetries: 5 }).catch((cleanup: Error) => {
      console.error(`heze-press: could not remove ${staging}: ${cleanup.message}`);
    });
    throw error;
  }
  const previous = `${options.outputDir}.previous-${stamp}`;
  await rename(options.outputDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, options.outputDir);
  await rm(previous, { recursive: true, force: true });
  lap("swap into place");
  return timings;
}
