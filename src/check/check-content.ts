/**
 * `npm run check` without building: every article is read and validated exactly as the build does it
 * (src/content/: reader, schema, URLs, collisions), then checked for what only a whole-corpus view or
 * an editor's eye catches: missing images (existence only: nothing is resized), broken internal links,
 * an empty body, an over-long title. No HTML is rendered and no page is written.
 */
import path from "node:path";
import type { DateTime } from "luxon";
import type Token from "markdown-it/lib/token.mjs";
import type { SourceFile } from "../content/front-matter.ts";
import {
  addressed,
  corpusCollisions,
  linkedArticleProblems,
  readArticle,
  samePage,
  unaddressed,
  type Addressed,
} from "../content/load-articles.ts";
import { findArticleFiles } from "../content/article-files.ts";
import { sortProblems, type Problem } from "../content/problems.ts";
import type { PublishingState } from "../content/publishing-state.ts";
import { bodyProblem, imageProblems } from "../content/render-body.ts";
import { assetPaths, siteAssetPlan } from "../build/site-assets.ts";
import { findMediaFile } from "../images/responsive-image.ts";
import { mapLimited } from "../util/for-each-limited.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import type { Site } from "../content/site-data.ts";
import { judgeLink, sitePath, type LinkIndex } from "./internal-links.ts";
import { authorUrl, tagUrl } from "../content/name-key.ts";
import { brokenMediaLink } from "../util/messages/links.ts";
import { bodyIsEmpty, titleTooLong } from "../util/messages/report.ts";

export interface CheckResult {
  /** How many article files were checked. */
  files: number;
  /** Every problem, errors and warnings, in file order. */
  problems: Problem[];
}

/** A file as the checker keeps it: its parsed body, and its address when its front matter is valid. */
interface Checked {
  source: SourceFile;
  tokens: Token[];
  address?: Addressed & { url: string; state: PublishingState };
}

/** The links of parsed Markdown, with the 1-based line of their block. */
function linkTargets(tokens: Token[]): { href: string; line: number }[] {
  return tokens.flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === "link_open")
      .map((child) => ({ href: child.attrGet("href") ?? "", line: (token.map?.[0] ?? 0) + 1 })),
  );
}

/** Problems of one file that need no other file and the build does not make: empty body, title length. */
function editorialProblems({ source }: Checked, site: Site): Problem[] {
  const problems: Problem[] = [];
  if (source.body.trim() === "") problems.push(bodyProblem(source, 0, bodyIsEmpty, "warning"));
  const title = String(source.data.title ?? "").trim();
  const length = [...title].length;
  if (length > site.check.titleMaxLength) {
    problems.push({
      file: source.file,
      ...source.keyPositions.get("title"),
      field: "title",
      message: titleTooLong(length, site.check.titleMaxLength),
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
      if (!("file" in found)) problems.push(bodyProblem(a.source, line, brokenMediaLink(found)));
    } else {
      problems.push(bodyProblem(a.source, line, verdict.message, verdict.severity));
    }
  }
  return problems;
}

/**
 * Checks every article under `<contentDir>/articles`; `now` decides which ones are live. A file whose
 * front matter has problems still has its images and links checked: one run names every problem.
 */
export async function checkContent(site: Site, contentDir: string, now: DateTime): Promise<CheckResult> {
  const dir = path.join(contentDir, "articles");
  const { files, links: symbolicLinks } = await findArticleFiles(dir);
  const markdown = createMarkdown();
  const read = await mapLimited(files, 32, async (file) => {
    const result = readArticle(file, site, now);
    if (!result.source) return { problems: result.problems };
    const { source } = result;
    const checked: Checked = {
      source,
      tokens: markdown.parse(source.body, {}),
      address:
        "frontMatter" in result ? addressed(source, result.frontMatter, result.state, site) : undefined,
    };
    const images = await imageProblems(source, contentDir);
    return { checked, problems: [...result.problems, ...images, ...editorialProblems(checked, site)] };
  });
  const checked = read.flatMap((r) => ("checked" in r && r.checked ? [r.checked] : []));
  const articles = checked.flatMap((c) => (c.address ? [c.address] : []));
  const live = articles.filter((a) => a.state === "live");
  const index: LinkIndex = {
    site,
    articles: new Map(articles.map((a) => [samePage(a.url), a.state])),
    aliases: new Map(articles.flatMap((a) => a.aliases.map((alias) => [samePage(alias), a.url] as const))),
    listPages: new Set(live.flatMap((a) => [...a.authors.map(authorUrl), ...a.tags.map(tagUrl)])),
  };
  const broken = checked.flatMap((c) => (c.address ? [] : [unaddressed(c.source)]));
  const collisions = corpusCollisions(articles, broken, site, assetPaths(await siteAssetPlan(site.baseUrl)));
  const links = await mapLimited(checked, 32, (a) => linkProblems(a, index, contentDir));
  const problems = [
    ...linkedArticleProblems(symbolicLinks),
    ...read.flatMap((r) => r.problems),
    ...collisions,
    ...links.flat(),
  ];
  return { files: files.length, problems: sortProblems(problems) };
}
