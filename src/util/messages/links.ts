/**
 * Message catalog: links in article bodies to the site's own pages (src/check/internal-links.ts).
 * Chinese and English side by side.
 */
import { didYouMean, type Text } from "./text.ts";

export const linkToOffline = (path: string): Text => ({
  zh: `链接 ${path} 指向的稿件已下线`,
  en: `link to ${path}: that article has gone offline`,
});

export const linkToUnpublished = (path: string, state: "draft" | "scheduled"): Text => ({
  zh: `链接 ${path} 指向的稿件还没有发布（${state === "draft" ? "草稿" : "定时发布"}）`,
  en: `link to ${path}: that article is not published yet (${state})`,
});

export const linkToOldUrl = (path: string, moved: string): Text => ({
  zh: `链接 ${path} 是旧网址；请改链到 ${moved}`,
  en: `link to ${path}: an old URL; link to ${moved} instead`,
});

export const brokenLink = (path: string, why: Text, nearest: string | undefined): Text => {
  const broken = { zh: `链接 ${path} 打不开：${why.zh}`, en: `broken link to ${path}: ${why.en}` };
  return nearest === undefined ? broken : didYouMean(broken, nearest);
};

export const noArticleWithAuthor: Text = {
  zh: "没有哪篇已发布的稿件署这个作者",
  en: "no live article has that author",
};
export const noArticleWithTag: Text = {
  zh: "没有哪篇已发布的稿件用这个标签",
  en: "no live article has that tag",
};
export const noSuchPage: Text = {
  zh: "没有这个网址的稿件或栏目页",
  en: "no article or channel page has that URL",
};
export const noSuchChannel = (slug: string): Text => ({
  zh: `没有 ${slug} 这个栏目`,
  en: `there is no channel ${slug}`,
});

/** A link to a file under /media/ that is not there (`missing`: why, from media.ts). */
export const brokenMediaLink = (missing: Text): Text => ({
  zh: `链接打不开：${missing.zh}`,
  en: `broken link: ${missing.en}`,
});
