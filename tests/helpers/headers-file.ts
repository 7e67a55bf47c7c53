/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format) the way those hosts do, so tests can
 * serve a built site with exactly the headers the CDN would send:
 *   const rules = parseHeadersFile(await site.file("_headers"));
 *   await serveSite(site.outputDir, (pathname) => headersForUrl(rules, pathname));
 */
import assert from "node:assert/strict";
import type { HeaderRule } from "../../src/build/headers-file.ts";
import { hostHeadersFor } from "../../src/hosting/header-rules.ts";

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0) throw new Error(`not a _headers line: ${line}`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Whether a URL path matches a rule's pattern (`*` matches anything, including nothing). */
export function matches(pattern: string, pathname: string): boolean {
  const regex = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${regex.join(".*")}$`).test(pathname);
}

/** The headers a host sends for a URL path: every matching rule's, repeated names joined by commas. */
export function headersForUrl(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => matches(r.pattern, pathname))) {
    for (const [name, value] of Object.entries(rule.headers)) {
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  return headers;
}

/**
 * Asserts that each URL of each site file (`bendi/index.html` answers `/bendi/` and
 * `/bendi/index.html`) matches exactly one rule, and that the rule carries the headers a host gives
 * the file (hostHeadersFor).
 */
export function assertOneRulePerUrl(rules: HeaderRule[], files: string[]): void {
  for (const file of files) {
    const urls = [
      `/${file}`,
      ...(file.endsWith("index.html") ? [`/${file.slice(0, -"index.html".length)}`] : []),
    ];
    for (const url of urls) {
      const matching = rules.filter((rule) => matches(rule.pattern, url));
      assert.equal(
        matching.length,
        1,
        `${url} matches ${matching.map((r) => r.pattern).join(", ") || "nothing"}`,
      );
      assert.deepEqual(matching[0]!.headers, hostHeadersFor(file), url);
    }
  }
}
