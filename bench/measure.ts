/**
 * What the benchmarks share: a command's wall time and peak memory under GNU time
 * (`apt-get install -y time`), and the median of a few runs.
 *   const { seconds, peakMiB, stdout } = timed(process.execPath, ["src/cli/build.ts"], env);
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

/** Runs a command under GNU time; returns wall seconds, peak RSS in MiB and what it printed. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv) {
  if (!existsSync(GNU_TIME)) throw new Error("the benchmarks need GNU time: apt-get install -y time");
  const dir = mkdtempSync(path.join(tmpdir(), "heze-bench-"));
  const report = path.join(dir, "time");
  const stdout = execFileSync(GNU_TIME, ["-f", "%e %M", "-o", report, command, ...args], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  }).toString();
  const [seconds, kib] = readFileSync(report, "utf8").trim().split(/\s+/).map(Number);
  rmSync(dir, { recursive: true, force: true });
  return { seconds: seconds ?? NaN, peakMiB: Math.round((kib ?? 0) / 1024), stdout };
}

/**
 * The node arguments of a build, as `npm run build` gives them (package.json): a young generation
 * of 16 MB from the start (docs/decisions/001-articles-as-data.md, 008-warm-builds.md).
 */
export const BUILD_ARGS = ["--max-semi-space-size=16", "--min-semi-space-size=16", "src/cli/build.ts"];

export const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
