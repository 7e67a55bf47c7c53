/**
 * Message catalog: URLs and names that collide (src/content/load-articles.ts), old URLs (aliases,
 * src/content/alias-path.ts) and the moved addresses of site.yaml. Chinese and English side by side.
 */
import type { Text } from "./text.ts";

export const nameSharesUrl = (name: string, first: string, file: string): Text => ({
  zh: `“${name}”与“${first}”（在 ${file}）会得到同一个作者/标签网址；请把其中一个写得不同`,
  en: `the name ${name} gets the same author/tag URL as ${first} (in ${file}); spell one of them differently`,
});

export const urlTaken = (url: string, file: string): Text => ({
  zh: `网址 ${url} 已被 ${file} 使用；请给其中一篇换一个 slug`,
  en: `URL ${url} is also used by ${file}; give one of them a different slug`,
});

export const idTaken = (id: string, file: string): Text => ({
  zh: `编号 ${id} 已被 ${file} 使用；请给其中一篇换一个 id`,
  en: `id ${id} is also used by ${file}; give one of them a different id`,
});

export const aliasIsArticleUrl = (alias: string, file: string): Text => ({
  zh: `旧网址 ${alias} 正是 ${file} 现在的网址；请从 aliases 中删掉它`,
  en: `old URL ${alias} is a live URL of ${file}; remove it from aliases`,
});

export const aliasIsSitePage = (alias: string, page: string): Text => ({
  zh: `旧网址 ${alias} 是本站正在用的网址（${page}）；请从 aliases 中删掉它`,
  en: `old URL ${alias} is a live URL of the site (${page}); remove it from aliases`,
});

export const aliasOnWrittenPath = (alias: string, written: string): Text => ({
  zh: `旧网址 ${alias} 会占用网站生成的 ${written}；请从 aliases 中删掉它`,
  en: `old URL ${alias} would stand where the site writes ${written}; remove it from aliases`,
});

export const aliasTwice = (alias: string, file: string): Text => ({
  zh: `旧网址 ${alias} 也写在 ${file} 的 aliases 里；只留在一篇稿件上`,
  en: `old URL ${alias} is also an alias of ${file}; keep it on one article`,
});

export const redirectIsArticleUrl: Text = {
  zh: "这是一篇稿件的网址；请删掉这条跳转",
  en: "it is an article's URL; remove the redirect",
};

export const redirectOnWrittenPath = (written: string): Text => ({
  zh: `网站会生成 ${written}；请删掉这条跳转`,
  en: `the site writes ${written}; remove the redirect`,
});

// What is wrong with an old URL itself (after `写的是 "…"，` / `got "…": `).
export const aliasBadEscape: Text = {
  zh: "其中 % 转义写错了；请写成 %XX（两位十六进制数），或直接写字符",
  en: "a malformed %-escape; write %XX with two hex digits, or the character itself",
};
export const aliasNotAPath: Text = {
  zh: "不是以 / 开头的路径；请写成 /news/2021-11/22/content_12345.htm 这样的旧网址",
  en: "expected a path starting with /",
};
export const aliasUnsafe: Text = {
  zh: '解码后含有 " < > \\ | * ? # `、Tab、换行或控制字符；这个网址不能用，请删掉它',
  en: 'once %-escapes are decoded it holds " < > \\ | * ? # `, a tab, a line break or a control character; leave this URL out',
};
export const aliasDotDot: Text = {
  zh: "含有 .. 这一段；请去掉它",
  en: "a .. segment; write the path without it",
};
export const aliasEmptySegment: Text = {
  zh: "含有空的一段（//）；请去掉多余的 /",
  en: "an empty segment (//); write the path without it",
};
