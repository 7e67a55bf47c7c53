/**
 * Message catalog: how problems are printed (src/content/problems.ts), the checks only `npm run check`
 * makes (src/check/check-content.ts) and the CSP check of pages (src/pages/). Chinese and English
 * side by side.
 */
import type { Text } from "./text.ts";

/** Before a warning's field and message (errors have none). */
export const warningWord: Text = { zh: "警告：", en: "warning: " };

/** After the field name: `date（发表时间）：…` / `date: …`. */
export const afterField = (field: Text): Text => ({ zh: `${field.zh}：`, en: `${field.en}: ` });

export const bodyIsEmpty: Text = { zh: "正文是空的", en: "the body is empty" };

export const titleTooLong = (length: number, limit: number): Text => ({
  zh: `标题有 ${length} 个字；请缩短到 ${limit} 个字以内（上限见 site.yaml 的 check.titleMaxLength）`,
  en: `the title has ${length} characters; keep it within ${limit} (check.titleMaxLength in site.yaml)`,
});

/** A problem of an article's page, named on the article's file. */
export const onItsPage = (page: string, line: number | undefined, problem: Text): Text => ({
  zh: `它的页面 ${page}:${line}：${problem.zh}`,
  en: `its page ${page}:${line}: ${problem.en}`,
});

export const cspInlineScript: Text = {
  zh: "内嵌的 <script>：请把脚本放进 public/js/ 中的文件再引用",
  en: "inline <script>: load a file from public/js/ instead",
};
export const cspHandler = (attribute: string): Text => ({
  zh: `${attribute}="…" 属性：请在脚本文件中绑定事件`,
  en: `${attribute}="…" attribute: bind events in a script file`,
});
export const cspStyle: Text = {
  zh: 'style="…" 属性：请改用 public/css/ 中的 class',
  en: 'style="…" attribute: use a class in public/css/',
};
export const cspRefuses = (what: Text): Text => ({
  zh: `${what.zh}（网站的内容安全策略 CSP 不允许）`,
  en: `${what.en} (the Content-Security-Policy refuses it)`,
});
