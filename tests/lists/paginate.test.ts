import assert from "node:assert/strict";
import { test } from "node:test";
import { numberedPages, pageUrl, pagerNumbers, paginate, type Paged } from "../../src/lists/paginate.ts";

/** Items 1..n, newest first (n is the newest, 1 the oldest). */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);

test("the front is the list's own URL, numbered pages are /page/<n>/", () => {
  assert.equal(pageUrl("/bendi/"), "/bendi/");
  assert.equal(pageUrl("/bendi/", 7), "/bendi/page/7/");
});

test("the front shows the newest items; numbered pages count from the oldest and are always full", () => {
  const pages = paginate(items(5), 2, "/bendi/");
  assert.deepEqual(
    pages.map((p) => [p.pager.url, p.items]),
    [
      ["/bendi/", [5, 4]],
      ["/bendi/page/2/", [4, 3]],
      ["/bendi/page/1/", [2, 1]],
    ],
  );
  const [front, two, one] = pages as [Paged<number>, Paged<number>, Paged<number>];
  assert.deepEqual([front.pager.prev, front.pager.next], [undefined, "/bendi/page/2/"]);
  assert.deepEqual([two.pager.prev, two.pager.next], ["/bendi/", "/bendi/page/1/"]);
  assert.deepEqual([one.pager.prev, one.pager.next], ["/bendi/page/2/", undefined]);
  assert.deepEqual(two.pager.links, [
    { label: "最新", url: "/bendi/", current: false },
    { label: "2", url: "/bendi/page/2/", current: true },
    { label: "1", url: "/bendi/page/1/", current: false },
  ]);
});

test("a list that fits on the front has no numbered page; an empty one still has its front", () => {
  assert.deepEqual(
    paginate(items(2), 2, "/tiyu/").map((p) => p.pager.url),
    ["/tiyu/"],
  );
  const [empty] = paginate([], 20, "/tiyu/");
  assert.deepEqual([empty!.items, empty!.pager.count, empty!.pager.next], [[], 1, undefined]);
  assert.equal(numberedPages(0, 20), 0);
  assert.equal(numberedPages(21, 20), 1);
  assert.equal(numberedPages(40, 20), 1);
  assert.equal(numberedPages(41, 20), 2);
});

test("adding an item never changes a numbered page's items, and at most two older pagers", () => {
  const size = 3;
  for (let n = 0; n < 40; n++) {
    const before = new Map(paginate(items(n), size, "/x/").map((p) => [p.pager.url, p]));
    const after = paginate(items(n + 1), size, "/x/");
    const changedPagers: string[] = [];
    for (const page of after) {
      const old = before.get(page.pager.url);
      if (!old || page.pager.number === undefined) continue;
      assert.deepEqual(page.items, old.items, `${page.pager.url} after ${n + 1} items`);
      // What a page prints of its pager: `count` only decides whether it shows at all.
      const printed = ({ prev, next, links }: typeof page.pager) => JSON.stringify({ prev, next, links });
      if (printed(page.pager) !== printed(old.pager)) changedPagers.push(page.pager.url);
    }
    assert.ok(changedPagers.length <= 2, `${n + 1} items: ${changedPagers.join(", ")}`);
    // Every item is on the front or a numbered page, and 下一页 from the front reaches them all.
    const byUrl = new Map(after.map((p) => [p.pager.url, p]));
    const seen = new Set<number>();
    for (let page = byUrl.get("/x/"); page; page = page.pager.next ? byUrl.get(page.pager.next) : undefined)
      page.items.forEach((item) => seen.add(item));
    assert.equal(seen.size, n + 1);
  }
});

test("pagers show 最新, the pages around the current one, newest first, and page 1", () => {
  assert.deepEqual(pagerNumbers(6, 10), [8, 7, 6, 5, 4, "gap", 1]);
  assert.deepEqual(pagerNumbers(undefined, 10), [10, 9, "gap", 1]);
  assert.deepEqual(pagerNumbers(10, 10), [10, 9, 8, "gap", 1]);
  assert.deepEqual(pagerNumbers(3, 10), [5, 4, 3, 2, 1]);
  assert.deepEqual(pagerNumbers(4, 10), [6, 5, 4, 3, 2, 1]);
  assert.deepEqual(pagerNumbers(undefined, 0), []);
});

test("a numbered page's fixedBy: while the items up to it stay, so do the page's items and pager", () => {
  const size = 3;
  const shown = (page: Paged<number>) => [page.items, { ...page.pager, count: page.pager.count > 1 }];
  let fixed = 0;
  for (let total = 0; total <= 40; total++)
    for (const page of paginate(items(total), size, "/bendi/")) {
      if (page.fixedBy === undefined) continue;
      fixed++;
      // Any list holding the same oldest items up to fixedBy, with more or fewer newer ones.
      for (let other = page.fixedBy; other <= 45; other++) {
        const same = paginate(items(other), size, "/bendi/").find((p) => p.pager.url === page.pager.url);
        assert.ok(same, `page ${page.pager.number} of ${other} items`);
        assert.deepEqual(shown(same), shown(page), `page ${page.pager.number}: ${total} and ${other} items`);
      }
    }
  assert.ok(fixed > 100);
  // The front and the newest WINDOW + 1 numbered pages depend on newer items.
  const pages = paginate(items(40), size, "/bendi/");
  assert.deepEqual(
    pages.filter((page) => page.fixedBy === undefined).map((page) => page.pager.number),
    [undefined, 13, 12, 11],
  );
  assert.equal(pages.find((page) => page.pager.number === 10)!.fixedBy, 39);
});
