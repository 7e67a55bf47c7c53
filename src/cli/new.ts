/**
 * `npm run new -- --section 本地要闻 --title "标题" [--author 李明] [--source 新华社] [--slug my-slug]
 * [--date "2026-04-09 06:00"] [--draft] [--lang en]`: writes a new article with valid front matter
 * (date = now in Beijing time unless given) under content/articles/<channel>/<yyyy>/<slug>.md and
 * prints its path and the URL it will have. Never overwrites a file. A bad option is one line and
 * the usage, exit 2; a file already there or bad site data, exit 1. What it prints about the
 * article and the content is in Chinese unless `--lang en` or `HEZE_LANG=en`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { newArticle } from "../content/new-article.ts";
import { parseNewsroomDate } from "../content/newsroom-time.ts";
import { formatProblem, findContentError } from "../content/problems.ts";
import { loadSite } from "../content/site-data.ts";
import { absoluteUrl } from "../util/absolute-url.ts";
import { articleCreated, articleExists, urlOncePublished } from "../util/messages/commands.ts";
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
  name: "new",
  usage: `usage: npm run new -- --section 本地要闻 --title "标题" [--author 名字] [--source 来源] [--slug ascii-slug] [--date "2026-04-09 06:00"] [--draft] ${LANGUAGE_USAGE}   (${ENVIRONMENT_USAGE})`,
};
/** A failure that is not the options' fault (the file exists, the disk is full): one line, exit 1. */
function fail(message: string): never {
  console.error(`heze-press new: ${message}`);
  process.exit(1);
}

const args = parseOptions(COMMAND, {
  section: { type: "string" },
  title: { type: "string" },
  author: { type: "string" },
  source: { type: "string" },
  slug: { type: "string" },
  date: { type: "string" },
  draft: { type: "boolean" },
  ...LANGUAGE_OPTION,
});
const language = readLanguage(COMMAND, args.lang);
if (!args.section || args.title === undefined) usageError(COMMAND, "--section and --title are required");

const options = readEnvironment(COMMAND);
let date = options.now;
if (args.date) {
  const parsed = parseNewsroomDate(args.date);
  if (!parsed.ok) usageError(COMMAND, `--date "${args.date}": ${parsed.expected[language]}`);
  date = parsed.time;
}
const site = await loadSite(options.contentDir).catch((error: unknown) => {
  const content = findContentError(error);
  return fail(content ? content.problems.map((p) => formatProblem(p, language)).join("\n") : String(error));
});
const created = newArticle(
  { ...args, section: args.section, title: args.title, date },
  site,
  options.contentDir,
);
// The file does not exist yet, so problems name the option (the field) rather than a path and line.
if (Array.isArray(created))
  usageError(COMMAND, created.map((p) => `--${p.field}: ${p.message[language]}`).join("; "));

await mkdir(path.dirname(created.file), { recursive: true });
await writeFile(created.file, created.text, { flag: "wx" }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "EEXIST" ? articleExists(created.file)[language] : error.message),
);
console.log(articleCreated(path.relative(process.cwd(), created.file))[language]);
console.log(urlOncePublished(absoluteUrl(created.url, site.baseUrl))[language]);
