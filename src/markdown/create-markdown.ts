/**
 * The one markdown-it instance for article bodies: CommonMark plus tables, CJK-friendly emphasis
 * (`**加粗：**文字` is bold), stable heading ids, responsive figures, and tables that scroll inside
 * their own box on narrow screens, with column alignment as classes. Raw HTML is off: editors write
 * Markdown, readers get escaped text.
 */
import MarkdownIt from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { figures } from "./figures.ts";
import { headingIds } from "./heading-ids.ts";
import { tableAlign } from "./table-align.ts";

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.use(cjkFriendly).use(headingIds).use(figures).use(tableAlign);
  md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
  md.renderer.rules.table_close = () => "</table></div>\n";
  return md;
}
