/**
 * What the foot of each article lists: related articles (same channel, at least one shared tag,
 * newest first, at most 5) and the previous and next article in the channel. Built for all articles
 * at once from per-channel and per-(channel, tag) indexes: each article costs O(its tags), not O(N).
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
  const byChannelTag = groupBy(articles, (a) => a.tags.map((tag) => `${a.channel.slug}\u0000${tag}`));
  const feet = new Map<string, ArticleFoot>();
  for (const list of byChannel.values()) {
    list.forEach((article, i) => {
      // The newest RELATED_LIMIT + 1 of each shared tag hold the newest RELATED_LIMIT of their union
      // once the article itself is left out.
      const candidates = new Set(
        article.tags.flatMap((tag) =>
          (byChannelTag.get(`${article.channel.slug}\u0000${tag}`) ?? []).slice(0, RELATED_LIMIT + 1),
        ),
      );
      candidates.delete(article);
      const related = [...candidates].sort((a, b) => rank.get(a)! - rank.get(b)!).slice(0, RELATED_LIMIT);
      feet.set(article.url, { related, older: list[i + 1], newer: list[i - 1] });
    });
  }
  return feet;
}
