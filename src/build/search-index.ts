/**
 * Site search: once every page is written, Pagefind (its npm package carries the binary; nothing
 * downloads) indexes the article pages one period at a time (search-periods.ts: half-years, and
 * the months of the newest one) into `/pagefind/<period>/`, a full bundle each, and the list of
 * periods goes to `/pagefind/periods.json` for the search page, which merges the bundles in the
 * browser (public/js/search.js). Pagefind runs from a thread of its own, one per period indexed
 * (pagefind-worker.ts), and its service is closed after each period, so its memory never adds up
 * (about 1 GiB for a half-year of the bench corpus: docs/decisions/007-search-periods.md). Only
 * elements marked `data-pagefind-body` are indexed (article bodies: never the nav, footer or share
 * bar), with the filters and sort key the article layout sets. `SEARCH=off` skips the step (the
 * search page then says search is off).
 *
 * With a build cache, a period whose pages (paths and digests), Pagefind version and settings are
 * unchanged is copied from `<buildCache>/search/` instead of indexed again (search-cache.ts), or,
 * when the output is updated in place and already holds that bundle, left where it is.
 * Each period's pages are indexed as one folder (indexPages): Pagefind then numbers them by path,
 * where pages added one by one in parallel are numbered in the order it finishes them, which gives
 * different bytes for the same site.
 */
import { linkSync, mkdirSync, rmSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { sha256 } from "../util/sha256.ts";
import type { AfterBuildStep, BuildContext } from "./build-context.ts";
import { copyCachedBundle, keepLiveBundle, pruneBundles, storeBundle } from "./search-cache.ts";
import { searchPeriods, type SearchPeriod } from "./search-periods.ts";

const SEARCH_BUNDLE = "pagefind";
/** The search page's list of bundles, newest first, each with its months. */
const PERIODS_FILE = "periods.json";

/**
 * Everything of ours that shapes a bundle besides its pages: bump `format` when this step changes
 * what it writes. Pagefind's default UIs are dropped: the search page draws results itself, and
 * every period would carry another copy.
 */
const BUNDLE_SETTINGS = {
  format: 1,
  pagefind: {},
  dropped: [
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
  ],
};

const PAGEFIND_VERSION = JSON.parse(
  await readFile(new URL("../package.json", import.meta.resolve("pagefind")), "utf8"),
) as { version: string };

/** The site paths of a period's article pages, sorted: `bendi/2026/11/20/a/index.html`. */
function pagePaths(period: SearchPeriod): string[] {
  return period.articles.map((article) => `${article.url.slice(1)}index.html`).sort();
}

/** What a period's bundle is made from: its pages' paths and digests, Pagefind's version, our settings. */
function fingerprint(period: string, pages: string[], rendered: BuildContext["rendered"]): string {
  // One text hashed at once: a call into the hash per page cost 0.1 s for 100,000 pages.
  let text = `${JSON.stringify([PAGEFIND_VERSION.version, BUNDLE_SETTINGS])}\n${period}\n`;
  for (const page of pages) {
    const described = Object.hasOwn(rendered, page) ? rendered[page] : undefined;
    if (!described) throw new Error(`search index: ${page} was not rendered by this build`);
    text += `${page} ${described.sha256}\n`;
  }
  return sha256(text);
}

/** Where a period's pages are gathered inside the staging folder, removed once indexed. */
const PERIOD_PAGES = ".search-pages";

/** What Pagefind's thread (pagefind-worker.ts) is asked to index, and what it answers. */
export interface IndexRequest {
  folder: string;
  outputPath: string;
  settings: typeof BUNDLE_SETTINGS.pagefind;
}
export type IndexAnswer = { pageCount: number } | { failed: string; errors: string[] };

/** Indexes the pages in `folder` into a bundle at `outputPath`, on Pagefind's own thread. */
function indexFolder(folder: string, outputPath: string): Promise<IndexAnswer> {
  const request: IndexRequest = { folder, outputPath, settings: BUNDLE_SETTINGS.pagefind };
  const worker = new Worker(new URL("./pagefind-worker.ts", import.meta.url), { workerData: request });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("search index: Pagefind's thread ended without an answer")));
  });
}

/**
 * Indexes the pages (site paths; `locate` says where each is) into a Pagefind bundle at
 * `outputPath`. The pages are hard-linked into a folder of their own, at their site paths, which
 * Pagefind indexes with `addDirectory`: it numbers pages by path, so the same pages give the same
 * bytes, and it indexes on every core (4,000 pages: 8.5 s, against 13.5 s added one at a time on
 * this machine).
 */
async function indexPages(
  siteDir: string,
  pages: string[],
  outputPath: string,
  locate: (page: string) => string,
): Promise<void> {
  const gathered = path.join(siteDir, PERIOD_PAGES);
  rmSync(gathered, { recursive: true, force: true });
  // Linked without yielding (a few milliseconds for a month's pages): Pagefind starts sooner, and
  // the steps beside this one (build-site.ts) run while it works.
  for (const page of pages) {
    mkdirSync(path.dirname(path.join(gathered, page)), { recursive: true });
    linkSync(locate(page), path.join(gathered, page));
  }
  try {
    const answer = await indexFolder(gathered, outputPath);
    if ("failed" in answer)
      throw new Error(`search index: ${answer.failed} failed:\n${answer.errors.join("\n")}`);
    if (answer.pageCount !== pages.length)
      throw new Error(`search index: Pagefind indexed ${answer.pageCount} of ${pages.length} pages`);
  } finally {
    await rm(gathered, { recursive: true, force: true });
  }
  for (const name of BUNDLE_SETTINGS.dropped) await rm(path.join(outputPath, name), { force: true });
}

export const searchIndexStep: AfterBuildStep = {
  name: "search index",
  async run(dir, { options, corpus, rendered, live }) {
    if (!options.search) return;
    // Updating the output in place, a page this build did not write is the live output's.
    const locate = (page: string) => (live ? live.locate(dir, page) : path.join(dir, page));
    const periods = searchPeriods(corpus.articles);
    const cacheDir = options.buildCache && path.join(options.buildCache, "search");
    if (cacheDir) mkdirSync(cacheDir, { recursive: true });
    // Pagefind indexes one period at a time, in a process of its own. The first starts before this
    // step first waits on a file; while it works, the other periods are checked and copied, and the
    // steps beside this one run (after-build-stages.ts).
    let indexing: Promise<void> | undefined;
    const index = (work: () => Promise<void>) => {
      indexing = indexing ? indexing.then(work) : work();
      indexing.catch(() => {}); // awaited below: a failure meanwhile is not left unhandled
    };
    const rebuilt: string[] = [];
    for (const period of periods) {
      const pages = pagePaths(period);
      const target = path.join(dir, SEARCH_BUNDLE, period.name);
      if (!cacheDir) {
        index(() => indexPages(dir, pages, target, locate));
        continue;
      }
      const print = fingerprint(period.name, pages, rendered);
      const bundlePath = `${SEARCH_BUNDLE}/${period.name}`;
      if (live && keepLiveBundle(cacheDir, period.name, print, live, bundlePath)) continue;
      const written = (file: string, described: ManifestEntry) => {
        rendered[`${bundlePath}/${file}`] = described;
      };
      if ((await copyCachedBundle(cacheDir, period.name, print, target, written)) === "copied") continue;
      index(async () => {
        await indexPages(dir, pages, target, locate);
        await storeBundle(cacheDir, period.name, print, target, written);
      });
      rebuilt.push(period.name);
    }
    await indexing;
    if (cacheDir) {
      await pruneBundles(
        cacheDir,
        periods.map((period) => period.name),
      );
      const reused = periods.length - rebuilt.length;
      console.log(
        `heze-press: search index: ${periods.length} period(s), ${reused} from the cache` +
          (rebuilt.length ? `, indexed ${rebuilt.join(" ")}` : ""),
      );
    }
    await mkdir(path.join(dir, SEARCH_BUNDLE), { recursive: true });
    const list = periods.map(({ name, months }) => ({ bundle: name, months }));
    await writeFile(path.join(dir, SEARCH_BUNDLE, PERIODS_FILE), `${JSON.stringify({ periods: list })}\n`);
  },
};
