/**
 * `npm run build`: builds the site (see src/build/build-site.ts). Content problems are printed one
 * per line (`file:line:column: field: message`) and the build exits 1, leaving the last good site.
 */
import { formatProblem, findContentError } from "../content/problems.ts";
import type { AfterBuildStep } from "../build/build-context.ts";
import { buildSite } from "../build/build-site.ts";
import { hashAssets } from "../build/hash-assets.ts";
import { writeHeadersFile } from "../build/headers-file.ts";
import { writeScheduleFile } from "../build/schedule-file.ts";
import { searchIndexStep } from "../build/search-index.ts";
import { writeBuildManifest } from "../build/write-manifest.ts";
import { checkOutputDir, ENVIRONMENT_USAGE, parseOptions, readEnvironment } from "./command-line.ts";

/**
 * Run in order on the staging folder; any failure leaves the previous site in place. Publishing
 * steps come last: they rename the finished files, then describe them.
 */
const afterBuildSteps: AfterBuildStep[] = [
  searchIndexStep,
  writeScheduleFile,
  hashAssets,
  writeHeadersFile,
  writeBuildManifest,
];

const COMMAND = { name: "build", usage: `usage: npm run build   (${ENVIRONMENT_USAGE})` };
parseOptions(COMMAND, {});
const options = readEnvironment(COMMAND);
await checkOutputDir(COMMAND, options.outputDir);
const started = performance.now();
try {
  const timings = await buildSite(options, afterBuildSteps);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parts = timings.map(([part, s]) => `${part} ${s.toFixed(2)} s`).join(", ");
  console.log(`heze-press: built ${options.outputDir} in ${seconds} s (${parts})`);
} catch (error) {
  const content = findContentError(error);
  if (!content) throw error;
  for (const problem of content.problems) console.error(formatProblem(problem));
  const errors = content.problems.filter((p) => p.severity === "error").length;
  console.error(`heze-press: build failed: ${errors} error(s) in content; the previous site is unchanged`);
  process.exitCode = 1;
}
