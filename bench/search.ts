/**
 * `npm run bench:search -- --articles 10000 [--out /dev/shm/heze] [--no-browser] [--no-add]`: what
 * site search costs at a size. Generates the synthetic corpus (bench/generate-corpus.ts), builds it
 * cold with search on and an empty build cache, and prints the wall time and the peak resident
 * memory of the whole process tree (the build and Pagefind's service, sampled from /proc every
 * 100 ms), the size of each period's bundle and the number of `_headers` rules, then for a few
 * queries (filters off) how many requests and bytes the search page fetched in Chromium, cold.
 * Unless --no-add, it then adds one article newer than all the others and builds again with the
 * warm cache: how long the search step took.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { listFiles } from "../src/util/list-files.ts";
import { CHROMIUM } from "../tests/helpers/browser.ts";
import { serveSite } from "../tests/helpers/static-server.ts";
import { addNewestArticle, generateCorpus } from "./generate-corpus.ts";
import { BUILD_ARGS } from "./measure.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    out: { type: "string", default: "bench/corpus" },
    "no-browser": { type: "boolean", default: false },
    "no-add": { type: "boolean", default: false },
  },
});
const count = Number(values.articles);
const root = path.resolve(values.out, `search-${count}`);
const corpus = path.join(root, "content");
const output = path.join(root, "site");
const cache = path.join(root, "cache");
/**
 * A place name the corpus never uses in indexed text, a subject in a tenth of the headlines, and a
 * phrase in about one headline in a thousand.
 */
const QUERIES = ["菏泽", "乡村振兴", "曹县签约物流枢纽"];

/** Resident memory of a process and all its descendants, in KiB. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    total = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRss(Number(child));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
}

/** Runs `npm run build`'s command; returns wall seconds, the tree's peak RSS in MiB and its output. */
async function build(): Promise<{ seconds: number; peakMiB: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, BUILD_ARGS, {
    env: { ...process.env, HEZE_CONTENT: corpus, HEZE_OUTPUT: output, HEZE_CACHE: cache, SEARCH: "on" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`build failed (${code}):\n${stdout}`);
  return { seconds: (performance.now() - started) / 1000, peakMiB: Math.round(peak / 1024), stdout };
}

/** The build's lap holding the search step (src/cli/build.ts runs it beside other steps). */
const stepSeconds = (stdout: string) => /search index[^,(]*? ([\d.]+) s/.exec(stdout)?.[1] ?? "?";

function bundleSizes(): string[] {
  const bundles = path.join(output, "pagefind");
  return readdirSync(bundles, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const files = listFiles(path.join(bundles, entry.name));
      const bytes = files.reduce((sum, file) => sum + statSync(path.join(bundles, entry.name, file)).size, 0);
      return `${entry.name} ${(bytes / 2 ** 20).toFixed(1)} MiB in ${files.length} files`;
    })
    .sort()
    .reverse();
}

/** Opens /search/?q=… in a fresh browser context; counts requests and transferred bytes. */
async function measureQueries(): Promise<void> {
  const server = await serveSite(output, () => ({}), { gzip: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<{ search: boolean; bytes: number }>[] = [];
      page.on("requestfinished", (request) =>
        sizes.push(
          request.sizes().then((s) => ({
            search: new URL(request.url()).pathname.startsWith("/pagefind/"),
            bytes: s.responseBodySize + s.responseHeadersSize,
          })),
        ),
      );
      const started = performance.now();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() =>
        /：|未找到|无法使用/.test(document.querySelector(".search-status")?.textContent ?? ""),
      );
      const seconds = (performance.now() - started) / 1000;
      await page.waitForLoadState("networkidle");
      const shown = await page.locator(".search-list li").count();
      const all = await Promise.all(sizes);
      const search = all.filter((s) => s.search);
      const kib = (list: { bytes: number }[]) => Math.round(list.reduce((sum, s) => sum + s.bytes, 0) / 1024);
      console.log(
        `query "${query}": ${shown} shown in ${seconds.toFixed(1)} s; ${all.length} requests, ${kib(all)} KiB ` +
          `(of which /pagefind/: ${search.length} requests, ${kib(search)} KiB)`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

rmSync(root, { recursive: true, force: true });
await generateCorpus(corpus, count);
const cold = await build();
console.log(
  `cold build, ${count} articles, search on: ${cold.seconds.toFixed(1)} s (search index and the steps beside it ${stepSeconds(cold.stdout)} s), ` +
    `peak RSS of all processes ${cold.peakMiB} MiB\n  ${cold.stdout.trim().split("\n").join("\n  ")}`,
);
const rules = readFileSync(path.join(output, "_headers"), "utf8").match(/^\//gm)?.length ?? 0;
console.log(`bundles (_headers has ${rules} rules):\n  ${bundleSizes().join("\n  ")}`);
if (!values["no-browser"]) await measureQueries();
if (!values["no-add"]) {
  await addNewestArticle(corpus);
  const warm = await build();
  console.log(
    `one article added, warm cache: ${warm.seconds.toFixed(1)} s (search index and the steps beside it ${stepSeconds(warm.stdout)} s), ` +
      `peak RSS ${warm.peakMiB} MiB\n  ${warm.stdout.trim().split("\n").join("\n  ")}`,
  );
}
rmSync(root, { recursive: true, force: true });
