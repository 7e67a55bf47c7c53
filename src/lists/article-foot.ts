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
  readonly related: Article[];
  /** 上一篇: the channel's article published just before this one. */
  readonly older?: Article;
  /** 下一篇: the channel's article published just after this one. */
  readonly newer?: Article;
}

/**
 * An article's foot, its related articles picked from their candidates when first asked for: a warm
 * build renders few article pages, and a page older than every change needs only 下一篇 to be
 * known unchanged (src/pages/kept-pages.ts). Picking them for all 100,000 articles cost 0.25 s.
 */
class Foot implements ArticleFoot {
  readonly older?: Article;
  readonly newer?: Article;
  readonly #articles: Article[];
  /** Ranks of the RELATED_LIMIT articles just older than this one in each of its tags. */
  #candidates: number[];
  #related?: Article[];

  constructor(articles: Article[], candidates: number[], older?: Article, newer?: Article) {
    this.#articles = articles;
    this.#candidates = candidates;
    this.older = older;
    this.newer = newer;
  }

  get related(): Article[] {
    if (!this.#related) {
      const ranks = [...new Set(this.#candidates)].sort((a, b) => a - b).slice(0, RELATED_LIMIT);
      this.#related = ranks.map((rank) => this.#articles[rank]!);
      this.#candidates = [];
    }
    return this.#related;
  }
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
      feet.set(articles[own]!.url, new Foot(articles, candidates[own]!, at(list[i + 1]), at(list[i - 1])));
    });
  }
  return feet;
}
