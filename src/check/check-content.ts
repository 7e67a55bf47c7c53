/**
 * `npm run check` without building: every article is read and validated exactly as the build does it
 * (src/articles/: reader, schema, URLs, collisions), then checked for what only a whole-corpus view or
 * an editor's eye catches: missing images (existence only: nothing is resized), broken internal links,
 * an empty body, an over-long title. No HTML is rendered and no page is written.
 */
import path from "node:path";
import type { DateTime } from "luxon";
import type Token from "markdown-it/lib/token.mjs";
import { articleAddress } from "../articles/enrich-article.ts";
import type { SourceFile } from "../articles/front-matter.ts";
import { findArticleFiles, findCollisions, readArticle, samePage } from "../articles/load-articles.ts";
import type { Problem } from "../articles/problems.ts";
import type { PublishingState } from "../articles/publishing-state.ts";
import { bodyProblem } from "../articles/render-body.ts";
import { findMediaFile } from "../images/responsive-image.ts";
import { mapLimited } from "../concurrency/for-each-limited.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { imageSources } from "../markdown/figures.ts";
import type { Site } from "../site/site-data.ts";
import { judgeLink, sitePath, type LinkIndex } from "./internal-links.ts";
import { authorUrl, tagUrl } from "../lists/name-key.ts";

export interface CheckResult {
  /** How many article files were checked. */
  files: number;
  /** Every problem, errors and warnings, in file order. */
  problems: Problem[];
}

/** One valid article as the checker keeps it: enough to address it and check its body's links. */
interface Checked {
  file: string;
  url: string;
  id?: string;
  aliases: string[];
  authors: string[];
  tags: string[];
  state: PublishingState;
  source: SourceFile;
  tokens: Token[];
}

/** The links of parsed Markdown, with the 1-based line of their block. */
function linkTargets(tokens: Token[]): { href: string; line: number }[] {
  return tokens.flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === "link_open")
      .map((child) => ({ href: child.attrGet("href") ?? "", line: (token.map?.[0] ?? 0) + 1 })),
  );
}

/** Problems of one file that need no other file: images, empty body, title length. */
async function fileProblems(a: Checked, site: Site, contentDir: string): Promise<Problem[]> {
  const { source } = a;
  const problems: Problem[] = [];
  const at = (field: string) => ({ file: a.file, ...source.keyPositions.get(field), field });
  const image = source.data.image;
  if (typeof image === "string") {
    const found = await findMediaFile(image, contentDir);
    if (typeof found === "string") problems.push({ ...at("image"), message: found, severity: "error" });
  }
  for (const { src, line } of imageSources(a.tokens)) {
    const found = await findMediaFile(src, contentDir);
    if (typeof found === "string") problems.push(bodyProblem(a.source, line, found));
  }
  if (source.body.trim() === "") problems.push(bodyProblem(source, 0, "the body is empty", "warning"));
  const title = String(source.data.title ?? "").trim();
  const length = [...title].length;
  if (length > site.check.titleMaxLength) {
    problems.push({
      ...at("title"),
      message: `the title has ${length} characters; keep it within ${site.check.titleMaxLength} (check.titleMaxLength in site.yaml)`,
      severity: "warning",
    });
  }
  return problems;
}

async function linkProblems(a: Checked, index: LinkIndex, contentDir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const { href, line } of linkTargets(a.tokens)) {
    const pathname = sitePath(href, index.site);
    const verdict = pathname === undefined ? undefined : judgeLink(pathname, index);
    if (!verdict) continue;
    if ("media" in verdict) {
      const found = await findMediaFile(verdict.media, contentDir);
      if (typeof found === "string") problems.push(bodyProblem(a.source, line, `broken link: ${found}`));
    } else {
      problems.push(bodyProblem(a.source, line, verdict.message, verdict.severity));
    }
  }
  return problems;
}

/** Checks every article under `<contentDir>/articles`; `now` decides which ones are live. */
export async function checkContent(site: Site, contentDir: string, now: DateTime): Promise<CheckResult> {
  const files = await findArticleFiles(path.join(contentDir, "articles"));
  const markdown = createMarkdown();
  const read = await mapLimited(files, 32, async (file) => {
    const result = await readArticle(file, site, now);
    if (!("source" in result)) return { problems: result.problems };
    const { source, frontMatter: fm, state } = result;
    const checked: Checked = {
      file: source.file,
      url: articleAddress(source.file, fm, site).url,
      id: fm.id === undefined ? undefined : String(fm.id),
      aliases: fm.aliases ?? [],
      authors: typeof fm.author === "string" ? [fm.author] : fm.author,
      tags: fm.tags ?? [],
      state,
      source,
      tokens: markdown.parse(source.body, {}),
    };
    return { checked, problems: await fileProblems(checked, site, contentDir) };
  });
  const articles = read.flatMap((r) => ("checked" in r && r.checked ? [r.checked] : []));
  const live = articles.filter((a) => a.state === "live");
  const index: LinkIndex = {
    site,
    articles: new Map(articles.map((a) => [samePage(a.url), a.state])),
    aliases: new Map(articles.flatMap((a) => a.aliases.map((alias) => [samePage(alias), a.url] as const))),
    listPages: new Set(live.flatMap((a) => [...a.authors.map(authorUrl), ...a.tags.map(tagUrl)])),
  };
  const collisions = findCollisions(
    articles.map((a) => ({ ...a, keyPositions: a.source.keyPositions })),
    site,
  );
  const links = await mapLimited(articles, 32, (a) => linkProblems(a, index, contentDir));
  const problems = [...read.flatMap((r) => r.problems), ...collisions, ...links.flat()];
  return { files: files.length, problems: sortProblems(problems) };
}

/** By file, then line: the order editors fix them in. */
function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
