/**
 * markdown-it plugin: table column alignment (`| --: |`) as a class, not an inline style. The site's
 * Content-Security-Policy refuses `style=""` (browsers would drop it, and the build refuses pages
 * carrying one), so `<td style="text-align:right">` becomes `<td class="align-right">`, which
 * public/css/site.css styles.
 */
import type MarkdownIt from "markdown-it";

const ALIGN = /^text-align:(left|center|right)$/;

export function tableAlign(md: MarkdownIt): void {
  md.core.ruler.push("table_align", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const align = ALIGN.exec(token.attrGet("style") ?? "")?.[1];
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
  });
}
