/**
 * Message catalog: what the commands print around the problems: check's summary (src/check/report.ts),
 * the lines of `npm run check`, `npm run build` and `npm run new` (src/cli/). Chinese and English side
 * by side.
 */
import type { Text } from "./text.ts";

/** `2 个错误、1 个警告，涉及 120 篇稿件中的 2 篇` / `2 errors, 1 warning in 2 of 120 articles`. */
export const checkSummary = (errors: number, warnings: number, affected: number, files: number): Text => {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (errors + warnings === 0)
    return { zh: `检查了 ${files} 篇稿件，没有发现问题`, en: `no problems in ${plural(files, "article")}` };
  return {
    zh: `${errors} 个错误、${warnings} 个警告，涉及 ${files} 篇稿件中的 ${affected} 篇`,
    en: `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${affected} of ${plural(files, "article")}`,
  };
};

export const siteDataHasErrors: Text = {
  zh: "网站设置 site.yaml 有错误，其他内容没有检查；请先改正它",
  en: "the site data has errors; nothing else was checked",
};

export const buildFailed = (errors: number): Text => ({
  zh: `构建失败：内容有 ${errors} 个错误；已发布的网站没有改动`,
  en: `build failed: ${errors} error(s) in content; the previous site is unchanged`,
});

export const articleCreated = (file: string): Text => ({ zh: `已创建 ${file}`, en: `created ${file}` });

export const urlOncePublished = (url: string): Text => ({
  zh: `发布后的网址：${url}`,
  en: `URL once published: ${url}`,
});

export const articleExists = (file: string): Text => ({
  zh: `${file} 已经存在；请用 --slug 另给一个网址短名`,
  en: `${file} already exists; give another --slug`,
});
