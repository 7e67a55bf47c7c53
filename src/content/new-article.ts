/**
 * A new article file, written from the one schema: the fields the schema requires get values, every
 * optional field is listed as a comment with its label and what it expects, so an editor sees all
 * the fields without opening the README. The file is validated before it is returned.
 *
 * The slug is `--slug` when given, else the first 8 hex digits of the SHA-256 of title and time:
 * ASCII, never the Chinese title, and written into the file so renaming the file keeps the URL.
 */
import path from "node:path";
import type { DateTime } from "luxon";
import { CORE_SCHEMA, dump } from "js-yaml";
import { findChannel, type Site } from "./site-data.ts";
import { addressOfFile } from "./address-of-file.ts";
import { toNewsTime } from "./newsroom-time.ts";
import type { Problem } from "./problems.ts";
import { articleFields, fieldMeta, type ArticleField } from "./schema.ts";
import { sha256 } from "../util/sha256.ts";

export interface NewArticleRequest {
  title: string;
  section: string;
  author?: string;
  source?: string;
  slug?: string;
  draft?: boolean;
  /** Publication time; an embargo when in the future. */
  date: DateTime;
}

export interface NewArticle {
  /** Where to write it: `<contentDir>/articles/<channel>/<yyyy>/<slug>.md`. */
  file: string;
  text: string;
  /** Site-relative URL it will have once published. */
  url: string;
}

/** Byline when the command is given no author: the paper's usual credit for its own reporters. */
export const DEFAULT_AUTHOR = "本报记者";

/** What a new article says when the editor gives no author or source (`npm run new`, the web editor). */
export function newArticleDefaults(site: Site): { author: string; source: string } {
  return { author: DEFAULT_AUTHOR, source: site.publisher };
}

/** `defaultSlug("标题", time)` is 8 hex digits, the same for the same title and minute. */
export function defaultSlug(title: string, date: DateTime): string {
  return sha256(`${title}\n${toNewsTime(date).display}`).slice(0, 8);
}

const required = (name: ArticleField) => !articleFields[name].safeParse(undefined).success;

/** The front matter: given values in schema order, then every other optional field as a comment. */
function frontMatter(values: Partial<Record<ArticleField, unknown>>): string {
  const names = Object.keys(articleFields) as ArticleField[];
  const given = names.filter((name) => values[name] !== undefined);
  const hints = names.filter((name) => values[name] === undefined && !required(name));
  const line = (name: ArticleField) =>
    dump({ [name]: values[name] }, { schema: CORE_SCHEMA, lineWidth: -1 }).trimEnd();
  const hint = (name: ArticleField) => {
    const meta = fieldMeta.get(articleFields[name]);
    return `# ${name}: (${meta?.label}) ${meta?.expected.zh}`;
  };
  return [...given.map(line), "# 可选字段 (optional fields):", ...hints.map(hint)].join("\n");
}

/** Builds and validates the file; problems (unknown channel, empty title, bad slug) come back instead. */
export function newArticle(
  request: NewArticleRequest,
  site: Site,
  contentDir: string,
): NewArticle | Problem[] {
  const slug = request.slug ?? defaultSlug(request.title, request.date);
  const defaults = newArticleDefaults(site);
  const values = {
    title: request.title,
    author: request.author ?? defaults.author,
    source: request.source ?? defaults.source,
    date: toNewsTime(request.date).display,
    section: request.section,
    slug,
    draft: request.draft || undefined,
  };
  const text = `---\n${frontMatter(values)}\n---\n\n`;
  const year = toNewsTime(request.date).day.slice(0, 4);
  const channel = findChannel(site, request.section)?.slug ?? "unknown";
  const file = path.join(contentDir, "articles", channel, year, `${slug}.md`);
  const address = addressOfFile(path.relative(process.cwd(), file), new TextEncoder().encode(text), site);
  return Array.isArray(address) ? address : { file, text, url: address.url };
}
