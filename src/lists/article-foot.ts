/**
 * What the foot of each article lists: the previous and next article in its channel, and related
 * articles: articles of any channel sharing at least one tag, chosen among those published EARLIER
 * (the newest of them first, at most 5). An article's related list therefore never changes when new
 * articles arrive, so its page stays as built (fit for incremental builds and long CDN caching).
 * Built for all articles at once from per-channel and per-tag indexes: each article costs O(its
 * tags), not O(N).
 */
import type { Article } from "../content/article.ts";
import { firstAtLeast } from "../util/first-at-least.ts";
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
 * An article's foot, its related articles picked when first asked for: a warm build renders few
 * article pages, and a page older than every change needs only 下一篇 to be known unchanged
 * (src/pages/kept-pages.ts). Picking them for all 100,000 articles cost 0.25 s, and gathering every
 * article's candidates beforehand 0.2 s more.
 */
class Foot implements ArticleFoot {
  readonly older?: Article;
  readonly newer?: Article;
  readonly #index: RelatedIndex;
  /** The article's rank (its index in the newest-first list). */
  readonly #rank: number;
  #related?: Article[];

  constructor(index: RelatedIndex, rank: number, older?: Article, newer?: Article) {
    this.#index = index;
    this.#rank = rank;
    this.older = older;
    this.newer = newer;
  }

  get related(): Article[] {
    return (this.#related ??= this.#index.olderSharingTags(this.#rank));
  }
}

/** Each tag's articles by rank, ascending (newest first), over the articles of one build. */
class RelatedIndex {
  readonly #articles: Article[];
  readonly #byTag: Map<string, number[]>;

  constructor(articles: Article[], ranks: number[]) {
    this.#articles = articles;
    this.#byTag = groupBy(ranks, (rank) => articles[rank]!.tags);
  }

  /**
   * The newest RELATED_LIMIT articles older than the one at `rank` sharing a tag with it: they are
   * among the RELATED_LIMIT just after it in each of its tags' lists.
   */
  olderSharingTags(rank: number): Article[] {
    const candidates = new Set<number>();
    for (const tag of this.#articles[rank]!.tags) {
      const list = this.#byTag.get(tag)!;
      const at = firstAtLeast(list, rank);
      for (const other of list.slice(at + 1, at + 1 + RELATED_LIMIT)) candidates.add(other);
    }
    const ranks = [...candidates].sort((a, b) => a - b).slice(0, RELATED_LIMIT);
    return ranks.map((other) => this.#articles[other]!);
  }
}

/** Feet of all articles, by article URL. `articles` must be newest first. */
export function articleFeet(articles: Article[]): Map<string, ArticleFoot> {
  // Articles by rank (their index in `articles`): at 100,000 articles a map from article to rank
  // cost more than the rest of this function.
  const ranks = articles.map((_, rank) => rank);
  const at = (rank: number | undefined) => (rank === undefined ? undefined : articles[rank]);
  const related = new RelatedIndex(articles, ranks);
  const feet = new Map<string, ArticleFoot>();
  for (const list of groupBy(ranks, (rank) => articles[rank]!.channel.slug).values()) {
    list.forEach((own, i) => {
      feet.set(articles[own]!.url, new Foot(related, own, at(list[i + 1]), at(list[i - 1])));
    });
  }
  return feet;
}
