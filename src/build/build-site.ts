/**
 * One production build, all or nothing. The build context is made first (site data, corpus, lists,
 * asset plan: build-context.ts), so that a content error stops the build before anything is
 * written. Eleventy then writes into a fresh staging folder beside the output, the after-build steps
 * (search index, schedule, asset files, headers) run on it, and the build manifest is written last.
 * Only when all of them succeeded does the new site go live:
 *   - when the output is the one the last build wrote (up-to-date.ts), the staging folder holds only
 *     what this build wrote, and the files that changed are moved into the output, through a journal
 *     that a stopped build's successor finishes (src/pages/live-output.ts);
 *   - otherwise the staging folder holds the whole site and is swapped into place.
 * A failed build removes its staging folder and leaves the previous output exactly as it was.
 *
 * One process renders the whole site (its pages are written on a second thread:
 * src/pages/page-writer.ts). Splitting the site over processes was measured and dropped: each
 * process must load the whole corpus, and two busy processes slow each other down on this 2-core VM
 * (10,000 articles: 4.7 s in one process, 6.0 s in two; 30,000: 11.5 s either way).
 */
import { rename, rm } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { AfterBuildStep } from "./build-context.ts";
import type { BuildOptions } from "./build-options.ts";
import { cacheKey } from "./cache-key.ts";
import { checkUpToDate, noteBuiltFrom } from "./up-to-date.ts";
import type { CacheOpening } from "./build-cache.ts";
import { removeStaleBuildFolders, setAside } from "../util/stale-build-folders.ts";
import type { ManifestText } from "../hosting/manifest-text.ts";
import { finishInterruptedUpdates, LiveOutput, updateInPlace } from "../pages/live-output.ts";

/** How long each part of a build took, in seconds: `[["render", 3.1], ["search index", 4.2]]`. */
export type BuildTimings = [part: string, seconds: number][];

/**
 * Builds the site; the `afterBuild` stages run one after the other on the staging folder, the steps
 * of a stage together. Given as a function, they are loaded only once the build renders.
 */
export async function buildSite(
  options: BuildOptions,
  afterBuild: AfterBuildStep[][] | (() => Promise<AfterBuildStep[][]>) = [],
): Promise<BuildTimings> {
  const finish = (stale: string[]) => {
    for (const line of finishInterruptedUpdates(options.outputDir, stale)) console.log(`heze-press: ${line}`);
  };
  for (const folder of await removeStaleBuildFolders(options.outputDir, finish))
    console.log(`heze-press: removed ${folder}, left by a build that was stopped`);
  const timings: BuildTimings = [];
  let started = performance.now();
  const lap = (part: string) => {
    const now = performance.now();
    timings.push([part, (now - started) / 1000]);
    started = now;
  };
  let opening: CacheOpening | undefined;
  let liveManifest: ManifestText | undefined;
  if (options.buildCache) {
    const key = cacheKey(options);
    const check = await checkUpToDate(options, options.buildCache, key);
    if (check.upToDate) {
      console.log(
        `heze-press: nothing changed since the last build; ${options.outputDir} is up to date ` +
          `(${check.read.toLocaleString("en")} article file(s) read)`,
      );
      lap("check");
      return timings;
    }
    opening = { dir: options.buildCache, key, checked: check.checked };
    liveManifest = check.liveManifest;
  }
  // Loaded only now: a build with nothing to do never needs Eleventy, Markdown or the templates.
  const [{ createBuildContext }, { runEleventy }, { saveBuildCache }, { writeBuildManifest }, stages] =
    await Promise.all([
      import("./build-context.ts"),
      import("./run-eleventy.ts"),
      import("./build-cache.ts"),
      import("./write-manifest.ts"),
      typeof afterBuild === "function" ? afterBuild() : afterBuild,
    ]);
  const context = await createBuildContext(options, { buildCache: opening });
  if (liveManifest && context.cache) context.live = new LiveOutput(options.outputDir, liveManifest);
  if (context.cache?.coldBecause) console.log(`heze-press: ${context.cache.coldBecause}`);
  lap("load content");
  const stamp = `${process.pid}-${Date.now()}`;
  let written: Awaited<ReturnType<typeof writeBuildManifest>>;
  const staging = `${options.outputDir}.staging-${stamp}`;
  try {
    await runEleventy(staging, context);
    lap("render");
    // The cache is kept beside the first stage, while it waits on Pagefind, which starts before the
    // search step first waits (search-index.ts): the save starts on the next turn of the event loop,
    // and yields to it between its parts, so that Pagefind's messages are answered meanwhile.
    const cache = context.cache;
    const [first = [], ...later] = stages;
    for (const stage of [first, ...later]) {
      const kept =
        stage === first && cache
          ? nextTurn().then(() => saveBuildCache(cache, staging, context.rendered, nextTurn))
          : undefined;
      // Each settles before a failure is passed on: the save must not race the staging folder's removal.
      const settled = await Promise.allSettled([...stage.map((step) => step.run(staging, context)), kept]);
      for (const outcome of settled) if (outcome.status === "rejected") throw outcome.reason;
      const names = [...stage.map((step) => step.name), ...(kept ? ["keep the cache"] : [])];
      if (names.length > 0) lap(names.join(" + "));
    }
    written = await writeBuildManifest(staging, context);
    lap("build manifest");
  } catch (error) {
    context.cache?.close();
    // Eleventy may still be finishing a copy after a failure: retry the removal, and never let a
    // cleanup problem hide the error that stopped the build.
    await rm(staging, { recursive: true, force: true, maxRetries: 5 }).catch((cleanup: Error) => {
      console.error(`heze-press: could not remove ${staging}: ${cleanup.message}`);
    });
    throw error;
  }
  let removed: Promise<void>;
  if (context.live) {
    // The manifest step finds the changes whenever the output is updated in place.
    const update = updateInPlace(staging, context.live, written.changes!);
    console.log(
      `heze-press: updated ${options.outputDir} in place: ${update.written.toLocaleString("en")} file(s) written, ` +
        `${update.removed.toLocaleString("en")} removed`,
    );
    removed = rm(staging, { recursive: true, force: true });
  } else {
    const previous = await setAside(options.outputDir, stamp);
    await rename(staging, options.outputDir);
    // The old site is removed on the thread pool while this thread notes what is live.
    removed = previous ? rm(previous, { recursive: true, force: true }) : Promise.resolve();
  }
  if (context.cache && opening?.checked) {
    const { articles, pages } = context.cache;
    console.log(`heze-press: build cache: ${articles.summary}, ${pages.summary}`);
    context.cache.close();
    const { dir, key } = context.cache;
    const built = { files: articles.builtFrom(), manifest: written.sha256 };
    noteBuiltFrom(options, dir, key, built, opening.checked);
  }
  await removed;
  lap(context.live ? "update in place" : "swap into place");
  return timings;
}
