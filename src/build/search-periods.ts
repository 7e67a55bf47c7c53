/**
 * The periods of site search: the live articles cut by their Beijing publication day, each period
 * indexed into a Pagefind bundle of its own (search-index.ts) that the search page merges in the
 * browser (docs/decisions/007-search-periods.md). A period is a half-year (`2025-h2`: July to
 * December 2025), except the half-year of the newest article, which is cut into its months
 * (`2026-10`), and the newest month, which is cut into weeks (`2026-11-w4`: the 22nd to the month's
 * end), less the newest day, a period of its own (`2026-11-24`): publishing reindexes one day, not
 * six months. When a newer day starts, the day joins its week (one rebuild of the week a day). The
 * name is also the bundle's folder.
 *   searchPeriods(articles)
 *   // [{ name: "2026-11-24", months: ["2026-11"], articles }, { name: "2026-11-w4", … }, …,
 *   //  { name: "2026-h1", months: [...] }, …]
 */
import type { Article } from "../content/article.ts";

export interface SearchPeriod {
  /**
   * `2026-h1` (a half-year), `2026-10` (a month of the newest half-year), `2026-11-w2` (a week of
   * the newest month) or `2026-11-24` (the newest day): its bundle's folder.
   */
  name: string;
  /** The months it has articles in, newest first: the search page's 月份 choices. */
  months: string[];
  articles: Article[];
}

/** `halfYearOf("2026-03") === "2026-h1"`, `halfYearOf("2026-11") === "2026-h2"`. */
export function halfYearOf(month: string): string {
  return `${month.slice(0, 4)}-h${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The newest Beijing publication day among `articles` (`""` for none). */
function newestDayOf(articles: Article[]): string {
  let newest = "";
  for (const { published } of articles) if (published.day > newest) newest = published.day;
  return newest;
}

/** A period as its articles are gathered: its months, and its newest day. */
interface PeriodBuilding {
  name: string;
  months: Set<string>;
  articles: Article[];
  last: string;
}

/** The week of its month a day is in: the 1st to 7th is w1, then w2, w3, and w4 from the 22nd on. */
const weekOf = (day: string) => `w${Math.min(4, Math.ceil(Number(day.slice(8, 10)) / 7))}`;

/** The periods that have articles, newest first; each keeps its articles in the order given. */
export function searchPeriods(articles: Article[]): SearchPeriod[] {
  const newestDay = newestDayOf(articles);
  const newestMonth = newestDay.slice(0, 7);
  const periodOf = (day: string) => {
    const month = day.slice(0, 7);
    if (day === newestDay) return day;
    if (month === newestMonth) return `${month}-${weekOf(day)}`;
    return halfYearOf(month) === halfYearOf(newestMonth) ? month : halfYearOf(month);
  };
  // Decided once per day, not per article: 100,000 articles fall on about 4,000 days, and the
  // strings made per article took a third of a second of a warm build.
  const periods = new Map<string, PeriodBuilding>();
  const periodOfDay = new Map<string, PeriodBuilding>();
  for (const article of articles) {
    const { day } = article.published;
    let period = periodOfDay.get(day);
    if (!period) {
      const name = periodOf(day);
      period = periods.get(name);
      if (!period) periods.set(name, (period = { name, months: new Set(), articles: [], last: "" }));
      period.months.add(day.slice(0, 7));
      if (day > period.last) period.last = day;
      periodOfDay.set(day, period);
    }
    period.articles.push(article);
  }
  // Newest first: periods never share a day, so the newest day each holds orders them.
  return [...periods.values()]
    .sort((a, b) => b.last.localeCompare(a.last))
    .map(({ name, months, articles }) => ({ name, months: [...months].sort().reverse(), articles }));
}
