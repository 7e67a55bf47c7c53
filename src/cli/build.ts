/**
 * `npm run build [-- --lang en]`: builds the site (see src/build/build-site.ts). Content problems are
 * printed one per line (`file:line:column: field: message`), in Chinese unless `--lang en` or
 * `HEZE_LANG=en`, and the build exits 1, leaving the last good site.
 */
import { buildSite } from "../build/build-site.ts";
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

const COMMAND = {
  name: "build",
  usage: `usage: npm run build [-- ${LANGUAGE_USAGE}]   (${ENVIRONMENT_USAGE})`,
};
const language = readLanguage(COMMAND, parseOptions(COMMAND, LANGUAGE_OPTION).lang);
const options = readEnvironment(COMMAND);
await checkOutputDir(COMMAND, options.outputDir);
const started = performance.now();
try {
  // The after-build steps (after-build-stages.ts) load only once a build renders: a build with
  // nothing to do never needs Pagefind's or the asset minifier's modules (0.12 s of its start).
  const stages = async () => (await import("../build/after-build-stages.ts")).afterBuildStages;
  const timings = await buildSite(options, stages);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parts = timings.map(([part, s]) => `${part} ${s.toFixed(2)} s`).join(", ");
  console.log(`heze-press: built ${options.outputDir} in ${seconds} s (${parts})`);
} catch (error) {
  const { findContentError, formatProblem } = await import("../content/problems.ts");
  const content = findContentError(error);
  if (!content) throw error;
  for (const problem of content.problems) console.error(formatProblem(problem, language));
  const errors = content.problems.filter((p) => p.severity === "error").length;
  console.error(`heze-press: ${buildFailed(errors)[language]}`);
  process.exitCode = 1;
}
