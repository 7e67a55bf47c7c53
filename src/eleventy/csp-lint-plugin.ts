/**
 * Eleventy plugin: each page is checked against the site's Content-Security-Policy as it renders,
 * before it is written (an Eleventy linter: no second pass over the files). A page carrying what the
 * policy refuses (src/publish/csp-offences.ts) fails the build, naming the page and the line:
 *   _site/bendi/index.html:12: inline <script>: load a file from public/js/ instead (…)
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "../articles/problems.ts";
import type { BuildOptions } from "../build-options.ts";
import { allowsInlineStyle, findCspOffences } from "../publish/csp-offences.ts";

export function cspLintPlugin(config: UserConfig, options: BuildOptions): void {
  config.addLinter("content-security-policy", function (content) {
    const url = this.url;
    if (typeof url !== "string" || !(url.endsWith("/") || url.endsWith(".html"))) return;
    const sitePath = url.slice(1) + (url.endsWith("/") ? "index.html" : "");
    const offences = findCspOffences(content, allowsInlineStyle(sitePath));
    if (offences.length === 0) return;
    const file = path.relative(process.cwd(), path.join(options.outputDir, sitePath));
    throw new ContentError(
      offences.map(({ line, what }) => ({
        file,
        line,
        message: `${what} (the Content-Security-Policy refuses it)`,
        severity: "error",
      })),
    );
  });
}
