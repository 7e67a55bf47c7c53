/**
 * The paginated lists: channel fronts, author pages, tag pages and the month archive (with its days).
 * Built in one pass over the corpus (newest first, so every group stays newest first) into page
 * objects that templates paginate with size 1.
 */
import type { Article } from "../content/article.ts";
import type { Channel, Site } from "../content/site-data.ts";
import { authorUrl, tagUrl } from "../content/name-key.ts";
import type { Crumb } from "../discovery/structured-data.ts";
import { groupBy } from "../util/group-by.ts";
import { paginate, type Paged } from "./paginate.ts";

export interface DayGroup {
  /** `2021-11-22` */
  day: string;
  /** `11月22日` */
  label: string;
  items: Article[];
}

export interface ListPage extends Paged<Article> {
  kind: "channel" | "author" | "tag" | "month";
  /** The list's heading: `本地要闻`, `作者：李明`, `标签：牡丹`, `2021年11月`. */
  title: string;
  /** Page title for `<title>`, with the page number after page 1. */
  pageTitle: string;
  crumbs: Crumb[];
  /** Channel fronts: the channel (marked in the nav) and its feed. */
  channel?: Channel;
  feedUrl?: string;
  /** Month archives: this page's articles grouped by Beijing day. */
  days?: DayGroup[];
}

export interface ArchiveMonth {
  title: string;
  url: string;
  count: number;
}

/** Articles of one day, in the order given: `groupDays` of a page of a month archive. */
export function groupDays(items: Article[]): DayGroup[] {
  return [...groupBy(items, (a) => a.published.day)].map(([day, dayItems]) => ({
    day,
    label: `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
    items: dayItems,
  }));
}

type ListSpec = Pick<ListPage, "kind" | "title" | "channel" | "feedUrl"> & {
  url: string;
  items: Article[];
  /** Crumbs between the homepage and the list itself. */
  parents?: Crumb[];
};

/**
 * The pages of one list. A month page groups its articles by day when first asked: a warm build
 * renders few of the 5,000 month pages of 100,000 articles, and grouping them all cost 0.2 s.
 */
function listPages(spec: ListSpec, site: Site): ListPage[] {
  const { url, items, parents = [], ...rest } = spec;
  return paginate(items, site.pageSize, url).map((paged): ListPage => {
    const { number } = paged.pager;
    const page = {
      ...rest,
      ...paged,
      pageTitle: `${spec.title}${number === undefined ? "" : `(第${number}页)`}_${site.name}`,
      crumbs: [
        { name: site.name, url: "/" },
        ...parents,
        number === undefined ? { name: spec.title } : { name: spec.title, url },
        ...(number === undefined ? [] : [{ name: `第${number}页` }]),
      ],
    };
    if (spec.kind !== "month") return page;
    let days: DayGroup[] | undefined;
    return {
      ...page,
      get days() {
        return (days ??= groupDays(paged.items));
      },
    };
  });
}

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const monthUrl = (month: string) => `/archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`;

export const ARCHIVE_URL = "/archive/";

/** The archive's months, newest first, with their article counts. */
export function archiveMonths(articles: Article[]): ArchiveMonth[] {
  return [...groupBy(articles, (a) => a.published.day.slice(0, 7))].map(([month, items]) => ({
    title: monthTitle(month),
    url: monthUrl(month),
    count: items.length,
  }));
}

/** One key per distinct name: NFC, so that one name typed two ways has one page. */
const names = (list: string[]) =>
  list.length === 1 ? list[0]!.normalize("NFC") : [...new Set(list.map((name) => name.normalize("NFC")))];

/** Every paginated list page of the site. `articles` must be newest first. */
export function buildListPages(articles: Article[], site: Site): ListPage[] {
  const byChannel = groupBy(articles, (a) => a.channel.slug);
  const specs: ListSpec[] = [
    ...site.channels.map((channel) => ({
      kind: "channel" as const,
      title: channel.name,
      channel,
      url: `/${channel.slug}/`,
      feedUrl: `/${channel.slug}/feed.xml`,
      items: byChannel.get(channel.slug) ?? [],
    })),
    ...[...groupBy(articles, (a) => names(a.authors))].map(([name, items]) => ({
      kind: "author" as const,
      title: `作者：${name}`,
      url: authorUrl(name),
      items,
    })),
    // Tags are NFC and distinct already (enrich-article.ts); authors are as written.
    ...[...groupBy(articles, (a) => a.tags)].map(([name, items]) => ({
      kind: "tag" as const,
      title: `标签：${name}`,
      url: tagUrl(name),
      items,
    })),
    ...[...groupBy(articles, (a) => a.published.day.slice(0, 7))].map(([month, items]) => ({
      kind: "month" as const,
      title: monthTitle(month),
      url: monthUrl(month),
      parents: [{ name: "归档", url: ARCHIVE_URL }],
      items,
    })),
  ];
  return specs.flatMap((spec) => listPages(spec, site));
}
