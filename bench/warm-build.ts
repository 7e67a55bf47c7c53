/**
 * `npm run bench:warm -- --articles 10000 [--search] [--runs 3] [--out /dev/shm] [--no-cold]`: what a build costs
 * when the build cache (README, "Warm builds") holds the last one. Generates the synthetic corpus
 * (bench/generate-corpus.ts), builds it once to fill the cache, then `--runs` times, alternating:
 * a warm build where nothing changed, one newer article added and a warm build, and a cold build of
 * the same content (HEZE_CACHE=off) for comparison, unless --no-cold: at 100,000 articles each cold
 * build takes five minutes, where the warm runs whose median is wanted take seconds. Prints each
 * build's wall time, peak memory and what the cache reused, then the medians.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { addNewestArticle, generateCorpus } from "./generate-corpus.ts";
import { BUILD_ARGS, median, timed } from "./measure.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    search: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: "bench/corpus" },
    "no-cold": { type: "boolean", default: false },
  },
});
const count = Number(values.articles);
const runs = Math.max(1, Number(values.runs) || 1);
const outRoot = path.resolve(values.out);
mkdirSync(outRoot, { recursive: true });
const corpus = path.join(outRoot, `warm-${count}`);
const cache = path.join(outRoot, `warm-${count}-cache`);

function build(kind: string, cacheDir: string) {
  const output = path.join(outRoot, `warm-${count}-${cacheDir === "off" ? "cold" : "warm"}`);
  const env = {
    ...process.env,
    HEZE_CONTENT: corpus,
    HEZE_OUTPUT: output,
    HEZE_CACHE: cacheDir,
    // As npm run build runs it: with Node's cache of compiled code (package.json).
    NODE_COMPILE_CACHE: ".cache/node",
    SEARCH: values.search ? "on" : "off",
  };
  const run = timed(process.execPath, BUILD_ARGS, env);
  const reused =
    /build cache: (reused .*)/.exec(run.stdout)?.[1] ??
    (/nothing changed since the last build/.test(run.stdout) ? "nothing to do" : "no cache");
  console.log(`${kind}: ${run.seconds.toFixed(2)} s, peak RSS ${run.peakMiB} MiB (${reused})`);
  return run.seconds;
}

rmSync(cache, { recursive: true, force: true });
await generateCorpus(corpus, count);
console.log(`${count} articles, search ${values.search ? "on" : "off"}`);
build("first build, filling the cache", cache);
const times = { unchanged: [] as number[], oneNew: [] as number[], cold: [] as number[] };
for (let run = 1; run <= runs; run++) {
  times.unchanged.push(build(`run ${run}: warm, nothing changed`, cache));
  await addNewestArticle(corpus, run);
  times.oneNew.push(build(`run ${run}: warm, one new article`, cache));
  if (!values["no-cold"]) times.cold.push(build(`run ${run}: cold, same content`, "off"));
}
const cold = times.cold.length > 0 ? `, cold ${median(times.cold).toFixed(2)} s` : "";
console.log(
  `medians of ${runs}: nothing changed ${median(times.unchanged).toFixed(2)} s, one new article ` +
    `${median(times.oneNew).toFixed(2)} s${cold}`,
);
for (const dir of ["warm", "cold"])
  rmSync(path.join(outRoot, `warm-${count}-${dir}`), { recursive: true, force: true });
