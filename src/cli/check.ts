/**
 * `npm run check [-- --format github]`: checks every article without building the site (see
 * src/check/check-content.ts). Prints one line per problem grouped by file and a summary; exits 1 when
 * there is an error, 0 when there are only warnings, 2 on a bad option or unreadable site data.
 */
import { parseArgs } from "node:util";
import { readBuildOptions } from "../build/build-options.ts";
import { checkContent } from "../check/check-content.ts";
import { reportLines, summary, type ReportFormat } from "../check/report.ts";
import { loadSite } from "../content/site-data.ts";

function fail(message: string): never {
  console.error(`heze-press check: ${message}`);
  process.exit(2);
}

let format: ReportFormat = "text";
try {
  const { values } = parseArgs({ options: { format: { type: "string", default: "text" } } });
  if (values.format !== "text" && values.format !== "github")
    throw new Error("--format must be text or github");
  format = values.format;
} catch (error) {
  fail((error as Error).message);
}

const options = readBuildOptions();
const started = performance.now();
const site = await loadSite(options.contentDir).catch((error: Error) => fail(error.message));
const result = await checkContent(site, options.contentDir, options.now);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const lines = reportLines(result, format);
// In text, a blank line sets the summary apart from the last file's problems.
if (lines.length > 0) console.log(`${lines.join("\n")}${format === "text" ? "\n" : ""}`);
console.log(`heze-press check: ${summary(result)} (${seconds} s)`);
process.exitCode = result.problems.some((p) => p.severity === "error") ? 1 : 0;
