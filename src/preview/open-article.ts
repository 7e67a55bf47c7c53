/**
 * `/preview/open/?file=<path under content/articles, without .md>`: the preview server's answer to the
 * web editor's 查看发布 (Decap's `preview_path`, src/cms/cms-config.ts). Decap knows an article by its
 * file, while its URL depends on its front matter (channel, Beijing date, slug): this reads the file
 * as the build does and redirects to the article's page in the preview, or says in Chinese why the
 * file has no page.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { addressOfFile } from "../content/address-of-file.ts";
import { formatProblem } from "../content/problems.ts";
import { loadSite } from "../content/site-data.ts";

export const OPEN_ARTICLE_PATH = "/preview/open/";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A short page in Chinese explaining why there is nothing to open. */
function notice(response: ServerResponse, status: number, heading: string, lines: string[]): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${heading}</title>` +
      `<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body><h1>${heading}</h1>` +
      lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
      `<p><a href="/preview/">返回预览台</a></p></body></html>`,
  );
}

/** Where the article in `file` (as in the query) is previewed, or why it is not. */
export async function openArticle(
  contentDir: string,
  file: string,
): Promise<{ url: string } | { status: number; heading: string; lines: string[] }> {
  const articlesDir = path.join(contentDir, "articles");
  const full = path.resolve(articlesDir, `${file}.md`);
  if (!file || path.relative(articlesDir, full).startsWith("..")) {
    return { status: 400, heading: "找不到稿件", lines: [`“${file}”不是 content/articles/ 下的稿件。`] };
  }
  const bytes = await readFile(full).catch(() => undefined);
  if (!bytes) {
    return {
      status: 404,
      heading: "找不到稿件",
      lines: [`没有文件 ${path.relative(process.cwd(), full)}：它可能刚被改名或删除。`],
    };
  }
  const address = addressOfFile(path.relative(process.cwd(), full), bytes, await loadSite(contentDir));
  if (!Array.isArray(address)) return { url: address.url };
  return {
    status: 422,
    heading: "稿件有问题，预览中没有它的页面",
    lines: [...address.map((p) => formatProblem(p, "zh")), "改正后保存，预览会自动更新。"],
  };
}

/** Dev-server middleware answering OPEN_ARTICLE_PATH; everything else goes on. */
export function openArticleMiddleware(contentDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const url = new URL(request.url ?? "/", "http://preview");
    if (url.pathname !== OPEN_ARTICLE_PATH) return next();
    void openArticle(contentDir, url.searchParams.get("file") ?? "").then((answer) => {
      if ("url" in answer) {
        response.writeHead(302, { location: answer.url });
        response.end();
      } else notice(response, answer.status, answer.heading, answer.lines);
    }, next);
  };
}
