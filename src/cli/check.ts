/**
 * `npm run check [-- --format github] [--lang en]`: checks every article without building the site
 * (see src/check/check-content.ts). Prints one line per problem grouped by file and a summary, in
 * Chinese unless `--lang en` or `HEZE_LANG=en`; exits 1 when there is an error (site.yaml's
 * included), 0 when there are only warnings, 2 on a bad option or environment value
 * (src/cli/command-line.ts).
 */
import { checkContent } from "../check/check-content.ts";
import { reportLines, summary, type ReportFormat } from "../check/report.ts";
import { findContentError } from "../content/problems.ts";
import { loadSite } from "../content/site-data.ts";
import { siteDataHasErrors } from "../util/messages/commands.ts";
import {
  ENVIRONMENT_USAGE,
  LANGUAGE_OPTION,
  LANGUAGE_USAGE,
  parseOptions,
  readEnvironment,
  readLanguage,
  usageError,
} from "./command-line.ts";

const COMMAND = {
  name: "check",
  usage: `usage: npm run check [-- --format text|github ${LANGUAGE_USAGE}]   (${ENVIRONMENT_USAGE})`,
};
const values = parseOptions(COMMAND, { format: { type: "string", default: "text" }, ...LANGUAGE_OPTION });
if (values.format !== "text" && values.format !== "github")
  usageError(COMMAND, "--format must be text or github");
const format = values.format as ReportFormat;
const language = readLanguage(COMMAND, values.lang);

const options = readEnvironment(COMMAND);
const started = performance.now();
// A bad site.yaml is reported like an article's problems: file:line:column, exit 1.
const site = await loadSite(options.contentDir).catch((error: unknown) => {
  const content = findContentError(error);
  if (!content) throw error;
  for (const line of reportLines({ files: 0, problems: content.problems }, format, language))
    console.log(line);
  console.log(`heze-press check: ${siteDataHasErrors[language]}`);
  process.exit(1);
});
const result = await checkContent(site, options.contentDir, options.now);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const lines = reportLines(result, format, language);
// In text, a blank line sets the summary apart from the last file's problems.
if (lines.length > 0) console.log(`${lines.join("\n")}${format === "text" ? "\n" : ""}`);
console.log(`heze-press check: ${summary(result, language)} (${seconds} s)`);
process.exitCode = result.problems.some((p) => p.severity === "error") ? 1 : 0;
