/**
 * What the foot of each article lists: the previous and next article in its channel, and related
 * articles: articles of any channel sharing at least one tag, chosen among those published EARLIER
 * (the newest of them first, at most 5). An article's related list therefore never changes when new
 * articles arrive, so its page stays as built (fit for incremental builds and long CDN caching).
 * Built for all articles at once from per-channel and per-tag indexes: each article costs O(its
 * tags), not O(N).
 */
import type { Article } from "../content/article.ts";
import { groupBy } from "../util/group-by.ts";

export const RELATED_LIMIT = 5;

export interface ArticleFoot {
  related: Article[];
  /** 上一篇: the channel's article published just before this one. */
  older?: Article;
  /** 下一篇: the channel's article published just after this one. */
  newer?: Article;
}

/** Feet of all articles, by article URL. `articles` must be newest first. */
export function articleFeet(articles: Article[]): Map<string, ArticleFoot> {
  const rank = new Map(articles.map((article, i) => [article, i]));
  const byChannel = groupBy(articles, (a) => [a.channel.slug]);
  const byTag = groupBy(articles, (a) => a.tags);
  // Where each article stands in each of its tags' lists (newest first).
  const placeInTag = new Map<string, Map<Article, number>>();
  for (const [tag, list] of byTag) placeInTag.set(tag, new Map(list.map((a, i) => [a, i])));
  const feet = new Map<string, ArticleFoot>();
  for (const list of byChannel.values()) {
    list.forEach((article, i) => {
      // The RELATED_LIMIT articles just older than this one in each shared tag hold the newest
      // RELATED_LIMIT older articles of their union.
      const candidates = new Set(
        article.tags.flatMap((tag) => {
          const start = placeInTag.get(tag)!.get(article)! + 1;
          return byTag.get(tag)!.slice(start, start + RELATED_LIMIT);
        }),
      );
      const related = [...candidates].sort((a, b) => rank.get(a)! - rank.get(b)!).slice(0, RELATED_LIMIT);
      feet.set(article.url, { related, older: list[i + 1], newer: list[i - 1] });
    });
  }
  return feet;
}
