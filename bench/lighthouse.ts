/**
 * `npm run lighthouse -- [--site _site] [--path /bendi/2026/04/08/peony-fair-opens/] [--runs 3] [--report FILE]`:
 * Lighthouse's mobile performance audit (its default: a Moto G Power on slow 4G, simulated) of one
 * page of a built site, served from loopback gzipped as a CDN would send it, in Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium, headless). Prints each run's score and metrics, the
 * median score, and what the page weighs (HTML bytes, and bytes transferred); `--report` keeps the
 * last run's JSON report. A figure to report,
 * not a test: the machine is shared and its speed varies.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { serveSite } from "../tests/helpers/static-server.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    path: { type: "string", default: "/bendi/2026/04/08/peony-fair-opens/" },
    runs: { type: "string", default: "3" },
    report: { type: "string" },
  },
});
const root = path.resolve(values.site);
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const server = await serveSite(root, () => ({}), { gzip: true });

interface Audit {
  numericValue?: number;
  details?: { items?: { transferSize?: number; resourceType?: string }[] };
}
const scores: number[] = [];
try {
  for (let run = 1; run <= Math.max(1, Number(values.runs) || 1); run++) {
    // Asynchronously: this process serves the pages Lighthouse loads.
    const { stdout: json } = await promisify(execFile)(
      "node_modules/.bin/lighthouse",
      [
        server.url + values.path,
        "--only-categories=performance",
        "--output=json",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
    );
    const report = JSON.parse(json) as {
      lighthouseVersion: string;
      categories: { performance: { score: number } };
      audits: Record<string, Audit>;
    };
    if (values.report) writeFileSync(values.report, json);
    const score = Math.round(report.categories.performance.score * 100);
    scores.push(score);
    const ms = (id: string) => Math.round(report.audits[id]?.numericValue ?? NaN);
    const items = report.audits["network-requests"]?.details?.items ?? [];
    const transferred = items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
    console.log(
      `run ${run} (Lighthouse ${report.lighthouseVersion}, mobile): performance ${score}; FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms, CLS ${report.audits["cumulative-layout-shift"]?.numericValue?.toFixed(3)}, SI ${ms("speed-index")} ms; ${items.length} requests, ${transferred} bytes transferred`,
    );
  }
} finally {
  await server.close();
}
const sorted = [...scores].sort((a, b) => a - b);
const html = readFileSync(path.join(root, values.path, "index.html"));
console.log(`median performance ${sorted[Math.floor(sorted.length / 2)]} of ${scores.join(", ")}`);
console.log(`${values.path}: ${html.length} bytes of HTML`);
