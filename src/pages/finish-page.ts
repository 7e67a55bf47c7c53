/**
 * What happens to a rendered page before it is written, whether Eleventy rendered it
 * (src/eleventy/finish-pages-plugin.ts) or heze-press did (bulk-pages.ts): hashed asset names in a
 * production build, then, for an HTML page, the Content-Security-Policy check. A page the policy
 * would break is not written; the problem names the article's file when the page is an article's
 * (the editor fixes the article, not the page), else the page.
 */
import type { Problem } from "../content/problems.ts";
import { SITEMAPS_DIR } from "../discovery/sitemaps.ts";
import { referenceRewriter, type AssetPlan } from "../hosting/asset-names.ts";
import { onItsPage } from "../util/messages/report.ts";
import { cspProblems } from "./csp-offences.ts";

export interface FinishOptions {
  /** Where the site goes live, to name pages in problems (pages may be written to a staging folder). */
  siteDir: string;
  /** A production build's hashed asset names (src/hosting/asset-names.ts); none in the preview. */
  assetNames?: Pick<AssetPlan, "renamed" | "baseUrl">;
}

export type FinishedPage = { html: string; problems?: undefined } | { problems: Problem[] };

/** Finishes the page at `sitePath` (`bendi/index.html`); `source` is the article's file, if any. */
export type PageFinisher = (sitePath: string, text: string, source?: string) => FinishedPage;

export function pageFinisher({ siteDir, assetNames }: FinishOptions): PageFinisher {
  const rewrite = assetNames
    ? referenceRewriter(assetNames.renamed, assetNames.baseUrl)
    : (text: string) => text;
  return (sitePath, text, source) => {
    // A sitemap file names pages only, and holds up to 50,000 of them: searching it for asset
    // names took 0.15 s at 100,000 articles, on every build.
    const html = sitePath.startsWith(`${SITEMAPS_DIR}/`) ? text : rewrite(text);
    const offences = sitePath.endsWith(".html") ? cspProblems(sitePath, html, siteDir) : [];
    if (offences.length === 0) return { html };
    if (!source) return { problems: offences };
    return {
      problems: offences.map((p) => ({
        ...p,
        file: source,
        line: undefined,
        message: onItsPage(p.file, p.line, p.message),
      })),
    };
  };
}
