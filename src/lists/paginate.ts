/**
 * Pagination of every list (channel fronts, author, tag and month archives) that never reshuffles
 * what was published. The list's own URL, its front, shows the newest `size` items. The older ones
 * are on numbered pages counted from the OLDEST item, `size` to a page: page 1 holds the 1st to the
 * 20th article ever, and `/bendi/page/37/` lists the same 20 articles for ever. A numbered page
 * exists once it holds an item the front does not (the newest one may share items with the front).
 * 下一页 leads to older items, 上一页 to newer ones; a new article changes the front, and a new page
 * (every `size` articles) its two newer neighbours' pagers. See docs/decisions/006-stable-pages.md.
 * Each page carries a ready-made pager, so templates print it without arithmetic.
 */

/** A link in the pager: 最新 (the front) or a page number; `gap` stands for pages left out (…). */
export type PageLink = { label: string; url: string; current: boolean } | { gap: true };

export interface Pager {
  /** The page's number counted from the oldest page; none on the front. */
  number?: number;
  /** Pages of the list, the front included (the pager shows when there is more than one). */
  count: number;
  url: string;
  /** The next newer page. */
  prev?: string;
  /** The next older page. */
  next?: string;
  links: PageLink[];
}

export interface Paged<T> {
  items: T[];
  pager: Pager;
  /**
   * On a numbered page with at least WINDOW + 1 pages newer than it: the newest item of that page.
   * While the list's items up to this one (oldest first) stay the same, so do this page's items and
   * pager, whatever newer items come or go: both lists have at least WINDOW + 1 newer pages. Undefined
   * on the front and the newest few pages, which newer items change.
   */
  fixedBy?: T;
}

/** Numbered links shown on each side of the current page, besides the front and page 1. */
const WINDOW = 2;

/** `pageUrl("/bendi/")` is the front, `pageUrl("/bendi/", 2) === "/bendi/page/2/"`. */
export function pageUrl(base: string, number?: number): string {
  return number === undefined ? base : `${base}page/${number}/`;
}

/**
 * The numbered pages a pager links, newest first: the window around `current` (none: the front),
 * clipped to the `newest` page, then page 1. `pagerNumbers(6, 10)` is 8 7 6 5 4 … 1. Page k links
 * no page newer than k + WINDOW, so it changes only while pages up to that one are being added.
 */
export function pagerNumbers(current: number | undefined, newest: number): (number | "gap")[] {
  const centre = current ?? newest + 1;
  const numbers: (number | "gap")[] = [];
  for (let n = Math.min(newest, centre + WINDOW); n >= Math.max(1, centre - WINDOW); n--) numbers.push(n);
  const last = numbers.at(-1);
  if (last !== undefined && last !== 1) {
    if (last !== 2) numbers.push("gap");
    numbers.push(1);
  }
  return numbers;
}

/** How many numbered pages a list of `total` items has: those holding an item older than the front's. */
export function numberedPages(total: number, size: number): number {
  return total > size ? Math.ceil((total - size) / size) : 0;
}

/**
 * Cuts `newestFirst` into the front and the numbered pages under `base`, front first, then the
 * numbered pages newest first. An empty list still gets its front, so an empty channel has one.
 */
export function paginate<T>(newestFirst: T[], size: number, base: string): Paged<T>[] {
  const total = newestFirst.length;
  const newest = numberedPages(total, size);
  const pager = (number?: number): Pager => {
    const newer = number === undefined ? undefined : number === newest ? base : pageUrl(base, number + 1);
    const older =
      number === undefined ? (newest > 0 ? newest : undefined) : number > 1 ? number - 1 : undefined;
    return {
      number,
      count: newest + 1,
      url: pageUrl(base, number),
      prev: newer,
      next: older === undefined ? undefined : pageUrl(base, older),
      links: [
        { label: "最新", url: base, current: number === undefined },
        ...pagerNumbers(number, newest).map((n) =>
          n === "gap"
            ? { gap: true as const }
            : { label: String(n), url: pageUrl(base, n), current: n === number },
        ),
      ],
    };
  };
  // Item j of the oldest-first order sits on page floor(j / size) + 1; every numbered page is full.
  const byAge = (number: number) => newestFirst.slice(total - number * size, total - (number - 1) * size);
  return [
    { items: newestFirst.slice(0, size), pager: pager() },
    ...Array.from({ length: newest }, (_, i) => newest - i).map((number) => ({
      items: byAge(number),
      pager: pager(number),
      fixedBy: number + WINDOW + 1 <= newest ? byAge(number + WINDOW + 1)[0] : undefined,
    })),
  ];
}
