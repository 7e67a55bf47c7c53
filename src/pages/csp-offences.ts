/**
 * What the site's Content-Security-Policy (header-rules.ts) refuses in a page, which a browser would
 * drop silently: an inline `<script>` (JSON-LD and other data blocks are fine), an `on…=` event
 * handler attribute, and, where the policy forbids inline styles, a `style=""` attribute.
 *   findCspOffences('<p>\n<button onclick="go()">', false)
 *   // [{ line: 2, what: { zh: 'onclick="…" 属性：…', en: 'onclick="…" attribute: bind events in a script file' } }]
 */

import path from "node:path";
import type { Problem } from "../content/problems.ts";
import { headersFor } from "../hosting/header-rules.ts";
import { cspHandler, cspInlineScript, cspRefuses, cspStyle } from "../util/messages/report.ts";
import type { Text } from "../util/messages/text.ts";

/** Script types that are data, not code: the CSP does not apply to them. */
const DATA_SCRIPT = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/template)\b/i;

/** A start tag, its attributes respecting quotes (so `content="… onerror=x"` is one value). */
const TAG = /<([a-z][^\s>/]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** Cheap tests that rule out most pages before tags are parsed (every page is checked). */
const MAYBE_INLINE_SCRIPT = /<script\b(?![^>]*\ssrc\s*=)(?![^>]*\btype\s*=\s*["']?application\/(ld\+)?json)/i;
const MAYBE_HANDLER = /\son[a-z]+\s*=/i;
const MAYBE_STYLE = /\sstyle\s*=/i;

/** What a page's CSP refuses, each with the line it starts on. `allowInlineStyle` skips style="". */
export function findCspOffences(html: string, allowInlineStyle: boolean): { line: number; what: Text }[] {
  const suspect =
    MAYBE_INLINE_SCRIPT.test(html) ||
    MAYBE_HANDLER.test(html) ||
    (!allowInlineStyle && MAYBE_STYLE.test(html));
  if (!suspect) return [];
  const offences: { line: number; what: Text }[] = [];
  const lineOf = (index: number) => html.slice(0, index).split("\n").length;
  for (const tag of html.matchAll(TAG)) {
    const names = [...(tag[2] ?? "").matchAll(ATTRIBUTE)].map((a) => a[1]!.toLowerCase());
    const whats: Text[] = [];
    if (tag[1]!.toLowerCase() === "script" && !names.includes("src") && !DATA_SCRIPT.test(tag[0])) {
      whats.push(cspInlineScript);
    }
    for (const handler of names.filter((name) => name.startsWith("on"))) {
      whats.push(cspHandler(handler));
    }
    if (!allowInlineStyle && names.includes("style")) whats.push(cspStyle);
    for (const what of whats) offences.push({ line: lineOf(tag.index), what });
  }
  return offences;
}

/** Whether a site file's policy lets inline styles through (the web editor's does). */
export function allowsInlineStyle(sitePath: string): boolean {
  return /style-src[^;]*'unsafe-inline'/.test(headersFor(sitePath)["Content-Security-Policy"] ?? "");
}

/**
 * The offences of a page about to be written at `sitePath` (`bendi/index.html`) under `outputDir`,
 * as build errors naming the file and line:
 *   _site/bendi/index.html:12: inline <script>: load a file from public/js/ instead (…)
 */
export function cspProblems(sitePath: string, html: string, outputDir: string): Problem[] {
  const offences = findCspOffences(html, allowsInlineStyle(sitePath));
  if (offences.length === 0) return [];
  const file = path.relative(process.cwd(), path.join(outputDir, sitePath));
  return offences.map(({ line, what }) => ({
    file,
    line,
    message: cspRefuses(what),
    severity: "error",
  }));
}
