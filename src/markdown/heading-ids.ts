/**
 * markdown-it plugin: gives every heading a stable, non-empty ASCII id. ASCII headings get a slug of
 * their text (`## Key facts` → `key-facts`); headings with Chinese get `h-` and a short hash of their
 * text (`## 会议要点` → `h-` + 6 hex digits), so ids survive edits elsewhere in the article and never
 * percent-encode. A repeated id gets `-2`, `-3`... (the first number no other heading has).
 */
import type MarkdownIt from "markdown-it";
import { sha256 } from "../util/sha256.ts";

/** `headingId("Key facts") === "key-facts"`; `headingId("会议要点")` is `h-` plus 6 hex digits. */
export function headingId(text: string): string {
  const trimmed = text.trim();
  const ascii = trimmed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (/^[\x20-\x7e]*$/.test(trimmed) && /^[a-z]/.test(ascii)) return ascii;
  return `h-${sha256(trimmed).slice(0, 6)}`;
}

export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state) => {
    const used = new Set<string>();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const base = headingId(state.tokens[i + 1]?.content ?? "");
      let id = base;
      // Numbered past every id already given: `## Intro 2` is `intro-2` too.
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
    });
  });
}
