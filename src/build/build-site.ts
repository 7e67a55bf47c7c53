/**
 * One production build, all or nothing: Eleventy writes into a fresh staging folder beside the
 * output, the after-build steps (search index, headers, manifest...) run on it, and only when all of
 * them succeeded is it swapped into place. A failed build removes its staging folder and leaves the
 * previous output exactly as it was.
 *
 * A large site renders in parallel: one process per core, each rendering every n-th article page
 * (shard 0 also renders every other page), all into the same staging folder.
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { rename, rm } from "node:fs/promises";
import { findArticleFiles } from "../articles/load-articles.ts";
import { ContentError, type Problem } from "../articles/problems.ts";
import type { BuildOptions } from "../build-options.ts";
import { renderSite } from "./render-site.ts";

/** Below this many articles one process is faster than paying for several start-ups. */
export const PARALLEL_FROM_ARTICLES = 2000;
const MAX_SHARDS = 4;
const CONTENT_PROBLEMS_EXIT = 3; // render-shard.ts

/** Work done on the finished pages before they go live; `dir` is the staging folder. */
export interface AfterBuildStep {
  name: string;
  run(dir: string, options: BuildOptions): Promise<void>;
}

/** How many processes render the site: HEZE_SHARDS when set, else one per core for a large corpus. */
export async function shardCount(
  options: BuildOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (env.HEZE_SHARDS) return Math.max(1, Number(env.HEZE_SHARDS) || 1);
  const articles = (await findArticleFiles(path.join(options.contentDir, "articles"))).length;
  return articles >= PARALLEL_FROM_ARTICLES ? Math.min(availableParallelism(), MAX_SHARDS) : 1;
}

function renderShard(index: number, count: number, staging: string): Promise<void> {
  const script = path.join(import.meta.dirname, "render-shard.ts");
  const env = { ...process.env, HEZE_SHARD: `${index}/${count}`, HEZE_STAGING: staging };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, script],
      { env, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) resolve();
        else if (error.code === CONTENT_PROBLEMS_EXIT)
          reject(new ContentError(JSON.parse(stdout) as Problem[]));
        else reject(new Error(`shard ${index}/${count} failed:\n${stderr}`));
      },
    );
  });
}

export async function buildSite(options: BuildOptions, steps: AfterBuildStep[] = []): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${options.outputDir}.staging-${stamp}`;
  try {
    const shards = await shardCount(options);
    if (shards === 1) await renderSite(staging);
    else {
      // Wait for every shard, failed or not, before the staging folder may be removed: a shard
      // still writing into it would make the removal fail and hide the content errors.
      const rendered = await Promise.allSettled(
        Array.from({ length: shards }, (_, i) => renderShard(i, shards, staging)),
      );
      const failed = rendered.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    }
    for (const step of steps) await step.run(staging, options);
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
}
