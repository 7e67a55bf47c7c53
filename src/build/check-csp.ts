/**
 * After-build step: no page may carry what the Content-Security-Policy (src/publish/header-rules.ts)
 * refuses, since a browser would drop it silently: an inline `<script>` (JSON-LD and other data
 * blocks are fine), an `on…=` event-handler attribute, or, where the policy forbids inline styles, a
 * `style=""` attribute. Each offence fails the build naming the page and the line:
 *   _site/bendi/index.html:12: inline <script>: load a file from public/js/ instead (the Content-…)
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { forEachLimited } from "../concurrency/for-each-limited.ts";
import { ContentError, type Problem } from "../articles/problems.ts";
import { headersFor } from "../publish/header-rules.ts";
import type { AfterBuildStep } from "./build-site.ts";
import { listSiteFiles } from "./site-files.ts";

/** Script types that are data, not code: the CSP does not apply to them. */
const DATA_SCRIPT = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/template)\b/i;

/** A start tag, its attributes respecting quotes (so `content="… onerror=x"` is one value). */
const TAG = /<([a-z][^\s>/]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** What a page's CSP refuses, each with the line it starts on. `allowInlineStyle` skips style="". */
export function findCspOffences(html: string, allowInlineStyle: boolean): { line: number; what: string }[] {
  const offences: { line: number; what: string }[] = [];
  const lineOf = (index: number) => html.slice(0, index).split("\n").length;
  for (const tag of html.matchAll(TAG)) {
    const names = [...(tag[2] ?? "").matchAll(ATTRIBUTE)].map((a) => a[1]!.toLowerCase());
    const whats: string[] = [];
    if (tag[1]!.toLowerCase() === "script" && !names.includes("src") && !DATA_SCRIPT.test(tag[0])) {
      whats.push("inline <script>: load a file from public/js/ instead");
    }
    for (const handler of names.filter((name) => name.startsWith("on"))) {
      whats.push(`${handler}="…" attribute: bind events in a script file`);
    }
    if (!allowInlineStyle && names.includes("style"))
      whats.push(`style="…" attribute: use a class in public/css/`);
    for (const what of whats) offences.push({ line: lineOf(tag.index), what });
  }
  return offences;
}

export const checkCsp: AfterBuildStep = {
  name: "pages obey the Content-Security-Policy",
  async run(dir, options) {
    const pages = (await listSiteFiles(dir)).filter((f) => f.endsWith(".html"));
    const problems: Problem[] = [];
    await forEachLimited(pages, 16, async (page) => {
      const policy = headersFor(page)["Content-Security-Policy"] ?? "";
      const allowInlineStyle = /style-src[^;]*'unsafe-inline'/.test(policy);
      const html = await readFile(path.join(dir, page), "utf8");
      for (const { line, what } of findCspOffences(html, allowInlineStyle)) {
        problems.push({
          // Named where it would have been written: the staging folder is gone when this prints.
          file: path.relative(process.cwd(), path.join(options.outputDir, page)),
          line,
          message: `${what} (the Content-Security-Policy refuses it)`,
          severity: "error",
        });
      }
    });
    if (problems.length) throw new ContentError(problems);
  },
};
