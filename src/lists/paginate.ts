/**
 * Pagination of every list (channel fronts, author, tag and month archives): page 1 lives at the
 * list's own URL, page n at `<url>page/<n>/`. Each page carries a ready-made pager (上一页/下一页 and
 * a window of numbered links), so templates print it without arithmetic.
 */

/** A numbered link in the pager; `gap` stands for the pages left out (…). */
export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

export interface Pager {
  /** 1-based number of this page. */
  number: number;
  count: number;
  url: string;
  prev?: string;
  next?: string;
  links: PageLink[];
}

export interface Paged<T> {
  items: T[];
  pager: Pager;
}

/** Numbered links shown on each side of the current page, besides the first and the last. */
const WINDOW = 2;

/** `pageUrl("/bendi/", 1) === "/bendi/"`, `pageUrl("/bendi/", 2) === "/bendi/page/2/"`. */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/** The page numbers to link from page `current` of `count`: `pagerNumbers(6, 10)` is 1 … 4 5 6 7 8 … 10. */
export function pagerNumbers(current: number, count: number): (number | "gap")[] {
  const wanted = [1, ...Array.from({ length: 2 * WINDOW + 1 }, (_, i) => current - WINDOW + i), count];
  const numbers: (number | "gap")[] = [];
  let last = 0;
  for (const n of wanted) {
    if (n <= last || n > count) continue;
    if (n > last + 1) numbers.push("gap");
    numbers.push(n);
    last = n;
  }
  return numbers;
}

/**
 * Cuts `items` into pages of `size` under `base`. An empty list still gets one (empty) page, so an
 * empty channel has a front. Work is O(items + pages × window).
 */
export function paginate<T>(items: T[], size: number, base: string): Paged<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * size, number * size),
      pager: {
        number,
        count,
        url: pageUrl(base, number),
        prev: number > 1 ? pageUrl(base, number - 1) : undefined,
        next: number < count ? pageUrl(base, number + 1) : undefined,
        links: pagerNumbers(number, count).map((n) =>
          n === "gap" ? { gap: true } : { number: n, url: pageUrl(base, n), current: n === number },
        ),
      },
    };
  });
}
