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
  // Articles by rank (their index in `articles`): at 100,000 articles a map from article to rank
  // cost more than the rest of this function.
  const ranks = articles.map((_, rank) => rank);
  const at = (rank: number | undefined) => (rank === undefined ? undefined : articles[rank]);
  // The RELATED_LIMIT articles just older than an article in each of its tags hold the newest
  // RELATED_LIMIT older articles of their union: gathered by rank, one walk of each tag's list.
  const candidates: number[][] = articles.map(() => []);
  for (const list of groupBy(ranks, (rank) => articles[rank]!.tags).values())
    list.forEach((own, i) => candidates[own]!.push(...list.slice(i + 1, i + 1 + RELATED_LIMIT)));
  const feet = new Map<string, ArticleFoot>();
  for (const list of groupBy(ranks, (rank) => [articles[rank]!.channel.slug]).values()) {
    list.forEach((own, i) => {
      const older = [...new Set(candidates[own])].sort((a, b) => a - b);
      const related = older.slice(0, RELATED_LIMIT).map((rank) => articles[rank]!);
      feet.set(articles[own]!.url, { related, older: at(list[i + 1]), newer: at(list[i - 1]) });
    });
  }
  return feet;
}
