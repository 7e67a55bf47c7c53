/**
 * `npm run bench -- --articles 10000[,30000] [--search] [--no-hugo]`: for each size, generates the
 * synthetic corpus (bench/generate-corpus.ts), builds the full site with `npm run build`'s command
 * and, unless --no-hugo, the Hugo baseline on the same corpus in the same run. Prints wall time,
 * articles per second, peak memory and the ratio to Hugo. Needs GNU time (`apt-get install time`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    search: { type: "boolean", default: false },
    "no-hugo": { type: "boolean", default: false },
  },
});
const HUGO_SCRIPT = path.resolve("../shared/bench/hugo-baseline.sh");
const GNU_TIME = "/usr/bin/time";
if (!existsSync(GNU_TIME)) throw new Error("bench needs GNU time: apt-get install -y time");

/** Runs a command under GNU time; returns wall seconds and peak RSS in MiB. */
function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { seconds: number; peakMiB: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "heze-bench-"));
  const report = path.join(dir, "time");
  execFileSync(GNU_TIME, ["-f", "%e %M", "-o", report, command, ...args], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const [seconds, kib] = readFileSync(report, "utf8").trim().split(/\s+/).map(Number);
  rmSync(dir, { recursive: true, force: true });
  return { seconds: seconds ?? NaN, peakMiB: Math.round((kib ?? 0) / 1024) };
}

for (const count of values.articles.split(",").map(Number)) {
  const corpus = path.resolve("bench/corpus", String(count));
  const output = path.resolve("bench/corpus", `${count}-site`);
  await generateCorpus(corpus, count);
  const env = {
    ...process.env,
    HEZE_CONTENT: corpus,
    HEZE_OUTPUT: output,
    SEARCH: values.search ? "on" : "off",
  };
  // Like the Hugo baseline, build into an empty folder: replacing a previous site is not what is timed.
  rmSync(output, { recursive: true, force: true });
  const ours = timed(
    process.execPath,
    ["--max-semi-space-size=64", "--import", "tsx", "src/cli/build.ts"],
    env,
  );
  const pages = Number(
    execFileSync("sh", ["-c", `find "${output}" -name '*.html' | wc -l`])
      .toString()
      .trim(),
  );
  console.log(
    `heze-press: ${count} articles, ${pages} pages in ${ours.seconds.toFixed(2)} s ` +
      `(${Math.round(count / ours.seconds)} articles/s, peak RSS ${ours.peakMiB} MiB, search ${values.search ? "on" : "off"})`,
  );
  if (!values["no-hugo"] && existsSync(HUGO_SCRIPT)) {
    const line = execFileSync("bash", [HUGO_SCRIPT, path.join(corpus, "articles")])
      .toString()
      .trim();
    console.log(line);
    const hugoSeconds = Number(/in ([\d.]+) s/.exec(line)?.[1]);
    console.log(`ratio: heze-press / hugo = ${(ours.seconds / hugoSeconds).toFixed(2)} at ${count} articles`);
  }
}
