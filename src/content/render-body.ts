/**
 * Renders an article's Markdown body to HTML, resolving its images first (resizing is async,
 * markdown-it rendering is not). A missing or unreadable image is a problem naming the article.
 */
import type MarkdownIt from "markdown-it";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { imageSources, type FiguresEnv } from "../markdown/figures.ts";
import {
  findMediaFile,
  prepareImage,
  type ImageOptions,
  type ResponsiveImage,
} from "../images/responsive-image.ts";
import { unreadableImage } from "../util/messages/media.ts";
import type { Text } from "../util/messages/text.ts";
import type { SourceFile } from "./front-matter.ts";
import type { Problem } from "./problems.ts";

let markdown: MarkdownIt | undefined;

/** Resolves a `/media/...` path to its responsive variants, or says why it cannot. */
export async function resolveImage(src: string, options: ImageOptions): Promise<ResponsiveImage | Text> {
  const found = await findMediaFile(src, options.contentDir);
  if (!("file" in found)) return found;
  try {
    return await prepareImage(found.file, options);
  } catch (error) {
    return unreadableImage(src, (error as Error).message);
  }
}

/**
 * The images a file names (its lead `image` and the body's), each checked to exist under
 * content/media without resizing: what `npm run check` checks, and what the build reports for a
 * file whose front matter has problems.
 */
export async function imageProblems(source: SourceFile, contentDir: string): Promise<Problem[]> {
  markdown ??= createMarkdown();
  const problems: Problem[] = [];
  const image = source.data.image;
  if (typeof image === "string") {
    const found = await findMediaFile(image, contentDir);
    const position = source.keyPositions.get("image");
    if (!("file" in found))
      problems.push({ file: source.file, ...position, field: "image", message: found, severity: "error" });
  }
  for (const { src, line } of imageSources(markdown.parse(source.body, {}))) {
    const found = await findMediaFile(src, contentDir);
    if (!("file" in found)) problems.push(bodyProblem(source, line, found));
  }
  return problems;
}

/** A problem at `line` of the body (1-based within the body), placed at its line in the file. */
export function bodyProblem(
  where: { file: string; bodyLine: number },
  line: number,
  message: Text,
  severity: Problem["severity"] = "error",
): Problem {
  return { file: where.file, line: where.bodyLine + line - 1, field: "body", message, severity };
}

export interface RenderedBody {
  html: string;
  /** The images the body shows, for copying their variants into the site. */
  images: ResponsiveImage[];
  problems: Problem[];
}

/** `renderBody("**加粗：**文字", ...)` gives `<p><strong>加粗：</strong>文字</p>`. */
export async function renderBody(
  body: string,
  where: { file: string; bodyLine: number },
  options: ImageOptions,
): Promise<RenderedBody> {
  markdown ??= createMarkdown();
  const env: FiguresEnv = { images: new Map() };
  const tokens = markdown.parse(body, env);
  const problems: Problem[] = [];
  for (const { src, line } of imageSources(tokens)) {
    if (env.images?.has(src)) continue;
    const resolved = await resolveImage(src, options);
    if (!("src" in resolved)) {
      problems.push(bodyProblem(where, line, resolved));
    } else {
      env.images?.set(src, resolved);
    }
  }
  if (problems.length > 0) return { html: "", images: [], problems };
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, images: [...(env.images?.values() ?? [])], problems };
}
