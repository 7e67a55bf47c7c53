/**
 * `npm run build [-- --lang en]`: builds the site (see src/build/build-site.ts). Content problems are
 * printed one per line (`file:line:column: field: message`), in Chinese unless `--lang en` or
 * `HEZE_LANG=en`, and the build exits 1, leaving the last good site.
 */
import { formatProblem, findContentError } from "../content/problems.ts";
import type { AfterBuildStep } from "../build/build-context.ts";
import { buildSite } from "../build/build-site.ts";
import { writeAssets } from "../build/write-assets.ts";
import { writeHeadersFile } from "../build/headers-file.ts";
import { writeScheduleFile } from "../build/schedule-file.ts";
import { searchIndexStep } from "../build/search-index.ts";
import { buildFailed } from "../util/messages/commands.ts";
import {
  checkOutputDir,
  ENVIRONMENT_USAGE,
  LANGUAGE_OPTION,
  LANGUAGE_USAGE,
  parseOptions,
  readEnvironment,
  readLanguage,
} from "./command-line.ts";

/**
 * Run on the staging folder a stage at a time, the steps of a stage together; any failure leaves the
 * previous site in place. Pagefind indexes in a process of its own while the schedule and the
 * assets are written (and the build cache kept: build-site.ts). `_headers` covers every file, so it
 * comes after them; the build manifest is written last (build-site.ts).
 */
const afterBuildStages: AfterBuildStep[][] = [
  [searchIndexStep, writeScheduleFile, writeAssets],
  [writeHeadersFile],
];

const COMMAND = {
  name: "build",
  usage: `usage: npm run build [-- ${LANGUAGE_USAGE}]   (${ENVIRONMENT_USAGE})`,
};
const language = readLanguage(COMMAND, parseOptions(COMMAND, LANGUAGE_OPTION).lang);
const options = readEnvironment(COMMAND);
await checkOutputDir(COMMAND, options.outputDir);
const started = performance.now();
try {
  const timings = await buildSite(options, afterBuildStages);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parts = timings.map(([part, s]) => `${part} ${s.toFixed(2)} s`).join(", ");
  console.log(`heze-press: built ${options.outputDir} in ${seconds} s (${parts})`);
} catch (error) {
  const content = findContentError(error);
  if (!content) throw error;
  for (const problem of content.problems) console.error(formatProblem(problem, language));
  const errors = content.problems.filter((p) => p.severity === "error").length;
  console.error(`heze-press: ${buildFailed(errors)[language]}`);
  process.exitCode = 1;
}
