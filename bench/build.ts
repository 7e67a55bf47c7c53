/**
 * `npm run bench -- --articles 10000[,30000] [--search] [--runs 3] [--out /dev/shm] [--no-hugo]`:
 * for each size, generates the synthetic corpus (bench/generate-corpus.ts), then builds it `--runs`
 * times with `npm run build`'s command and, unless --no-hugo, with the two Hugo references of
 * ../shared/bench (hugo-heze.sh: the same pages the way a Hugo user writes them, the fair reference;
 * hugo-baseline.sh: minimal pages, the floor), alternating them so that all meet the same machine. Prints each run's wall time, articles per second and peak
 * memory, then the medians and their ratio. Both write into empty folders under `--out` (default
 * bench/corpus; /dev/shm takes this VM's erratic disk out of the comparison).
 * Needs GNU time (`apt-get install -y time`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";
import { BUILD_ARGS, median, timed } from "./measure.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    search: { type: "boolean", default: false },
    runs: { type: "string", default: "1" },
    out: { type: "string", default: "bench/corpus" },
    "no-hugo": { type: "boolean", default: false },
  },
});
/** The Hugo references: the same site as ours built the way a Hugo user would (the fair one), and minimal pages (the floor). */
const HUGO_SITES = [
  { name: "hugo-heze", script: path.resolve("../shared/bench/hugo-heze.sh") },
  { name: "hugo-baseline", script: path.resolve("../shared/bench/hugo-baseline.sh") },
].filter(({ script }) => existsSync(script));
const runs = Math.max(1, Number(values.runs) || 1);
const outRoot = path.resolve(values.out);
mkdirSync(outRoot, { recursive: true });

for (const count of values.articles.split(",").map(Number)) {
  const corpus = path.resolve("bench/corpus", String(count));
  await generateCorpus(corpus, count);
  const ours: number[] = [];
  const hugo = new Map(HUGO_SITES.map(({ name }) => [name, [] as number[]]));
  for (let run = 1; run <= runs; run++) {
    const output = path.join(outRoot, `heze-${count}`);
    rmSync(output, { recursive: true, force: true });
    const env = {
      ...process.env,
      HEZE_CONTENT: corpus,
      HEZE_OUTPUT: output,
      HEZE_CACHE: "off",
      // As npm run build runs it: with Node's cache of compiled code (package.json).
      NODE_COMPILE_CACHE: ".cache/node",
      SEARCH: values.search ? "on" : "off",
    };
    const build = timed(process.execPath, BUILD_ARGS, env);
    const pages = execFileSync("sh", ["-c", `find "${output}" -name '*.html' | wc -l`])
      .toString()
      .trim();
    ours.push(build.seconds);
    console.log(
      `heze-press: ${count} articles, ${pages} pages in ${build.seconds.toFixed(2)} s (${Math.round(count / build.seconds)} ` +
        `articles/s, peak RSS ${build.peakMiB} MiB, search ${values.search ? "on" : "off"})\n  ${build.stdout.trim()}`,
    );
    rmSync(output, { recursive: true, force: true });
    if (values["no-hugo"]) continue;
    for (const { name, script } of HUGO_SITES) {
      const hugoOut = path.join(outRoot, `${name}-${count}`);
      rmSync(hugoOut, { recursive: true, force: true });
      const line = execFileSync("bash", [script, path.join(corpus, "articles"), hugoOut])
        .toString()
        .trim();
      rmSync(hugoOut, { recursive: true, force: true });
      console.log(`${name}: ${line}`);
      hugo.get(name)!.push(Number(/in ([\d.]+) s/.exec(line)?.[1]));
    }
  }
  const ratios = [...hugo]
    .filter(([, times]) => times.length > 0)
    .map(
      ([name, times]) =>
        `${name} ${median(times).toFixed(2)} s (ratio ${(median(ours) / median(times)).toFixed(2)})`,
    );
  console.log(
    `median of ${runs} at ${count} articles: heze-press ${median(ours).toFixed(2)} s${ratios.map((r) => `, ${r}`).join("")}`,
  );
}
