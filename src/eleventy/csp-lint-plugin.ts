/**
 * Eleventy plugin: each page is checked against the site's Content-Security-Policy as it renders,
 * before it is written (an Eleventy linter: no second pass over the files). A page carrying what the
 * policy refuses (src/publish/csp-offences.ts) fails the build, naming the page and the line. The
 * article and list pages, rendered outside Eleventy (src/render/bulk-pages.ts), get the same check.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "../articles/problems.ts";
import type { BuildOptions } from "../build-options.ts";
import { cspProblems } from "../publish/csp-offences.ts";

export function cspLintPlugin(config: UserConfig, options: BuildOptions): void {
  config.addLinter("content-security-policy", function (content) {
    const url = this.url;
    if (typeof url !== "string" || !(url.endsWith("/") || url.endsWith(".html"))) return;
    const sitePath = url.slice(1) + (url.endsWith("/") ? "index.html" : "");
    const problems = cspProblems(sitePath, content, options.outputDir);
    if (problems.length > 0) throw new ContentError(problems);
  });
}
