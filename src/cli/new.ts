/**
 * `npm run new -- --section 本地要闻 --title "标题" [--author 李明] [--source 新华社] [--slug my-slug]
 * [--date "2026-04-09 06:00"] [--draft]`: writes a new article with valid front matter (date = now in
 * Beijing time unless given) under content/articles/<channel>/<yyyy>/<slug>.md and prints its path and
 * the URL it will have. Never overwrites a file. Exits 1 on bad input, naming what was expected.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { newArticle } from "../content/new-article.ts";
import { parseNewsroomDate } from "../content/newsroom-time.ts";
import { readBuildOptions } from "../build/build-options.ts";
import { absoluteUrl } from "../util/absolute-url.ts";
import { loadSite } from "../content/site-data.ts";

function fail(message: string): never {
  console.error(`heze-press new: ${message}`);
  process.exit(1);
}

const USAGE =
  'usage: npm run new -- --section 本地要闻 --title "标题" [--author 名字] [--source 来源] [--slug ascii-slug] [--date "2026-04-09 06:00"] [--draft]';

const args = (() => {
  try {
    return parseArgs({
      options: {
        section: { type: "string" },
        title: { type: "string" },
        author: { type: "string" },
        source: { type: "string" },
        slug: { type: "string" },
        date: { type: "string" },
        draft: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (!args.section || args.title === undefined) fail(`--section and --title are required\n${USAGE}`);

const options = readBuildOptions();
let date = options.now;
if (args.date) {
  const parsed = parseNewsroomDate(args.date);
  if (!parsed.ok) fail(`--date "${args.date}": ${parsed.expected}`);
  date = parsed.time;
}
const site = await loadSite(options.contentDir).catch((error: Error) => fail(error.message));
const created = newArticle(
  { ...args, section: args.section, title: args.title, date },
  site,
  options.contentDir,
);
// The file does not exist yet, so problems name the option (the field) rather than a path and line.
if (Array.isArray(created)) fail(created.map((p) => `--${p.field}: ${p.message}`).join("\n"));

await mkdir(path.dirname(created.file), { recursive: true });
await writeFile(created.file, created.text, { flag: "wx" }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "EEXIST" ? `${created.file} already exists; give another --slug` : error.message),
);
console.log(`created ${path.relative(process.cwd(), created.file)}`);
console.log(`URL once published: ${absoluteUrl(created.url, site.baseUrl)}`);
