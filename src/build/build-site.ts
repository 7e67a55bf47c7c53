/**
 * One production build, all or nothing: Eleventy writes into a fresh staging folder beside the
 * output, the after-build steps (search index, headers, manifest...) run on it, and only when all of
 * them succeeded is it swapped into place. A failed build removes its staging folder and leaves the
 * previous output exactly as it was.
 */
import { rename, rm } from "node:fs/promises";
import Eleventy from "@11ty/eleventy";
import type { BuildOptions } from "../build-options.ts";

/** Work done on the finished pages before they go live; `dir` is the staging folder. */
export interface AfterBuildStep {
  name: string;
  run(dir: string, options: BuildOptions): Promise<void>;
}

export async function buildSite(options: BuildOptions, steps: AfterBuildStep[] = []): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${options.outputDir}.staging-${stamp}`;
  try {
    const eleventy = new Eleventy(undefined, staging, { configPath: ".eleventy.ts", quietMode: true });
    // Errors reach the caller, which prints content problems plainly; Eleventy's own log would repeat them.
    eleventy.disableLogger();
    await eleventy.write();
    for (const step of steps) await step.run(staging, options);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = `${options.outputDir}.previous-${stamp}`;
  await rename(options.outputDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, options.outputDir);
  await rm(previous, { recursive: true, force: true });
}
