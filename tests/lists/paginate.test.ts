import assert from "node:assert/strict";
import { test } from "node:test";
import { pageUrl, pagerNumbers, paginate } from "../../src/lists/paginate.ts";

test("page 1 is the list's own URL, later pages are /page/<n>/", () => {
  assert.equal(pageUrl("/bendi/", 1), "/bendi/");
  assert.equal(pageUrl("/bendi/", 7), "/bendi/page/7/");
});

test("pagination cuts items into pages with prev/next and numbered links", () => {
  const pages = paginate([1, 2, 3, 4, 5], 2, "/bendi/");
  assert.deepEqual(
    pages.map((p) => p.items),
    [[1, 2], [3, 4], [5]],
  );
  const [first, second, third] = pages;
  assert.deepEqual(
    [first!.pager.prev, first!.pager.next, first!.pager.url],
    [undefined, "/bendi/page/2/", "/bendi/"],
  );
  assert.deepEqual([second!.pager.prev, second!.pager.next], ["/bendi/", "/bendi/page/3/"]);
  assert.equal(third!.pager.next, undefined);
  assert.deepEqual(second!.pager.links, [
    { number: 1, url: "/bendi/", current: false },
    { number: 2, url: "/bendi/page/2/", current: true },
    { number: 3, url: "/bendi/page/3/", current: false },
  ]);
});

test("an empty list still has one empty page", () => {
  const pages = paginate([], 20, "/tiyu/");
  assert.equal(pages.length, 1);
  assert.deepEqual(pages[0]!.items, []);
  assert.equal(pages[0]!.pager.count, 1);
});

test("long lists show the first, the last and two pages either side, with gaps", () => {
  assert.deepEqual(pagerNumbers(6, 10), [1, "gap", 4, 5, 6, 7, 8, "gap", 10]);
  assert.deepEqual(pagerNumbers(1, 10), [1, 2, 3, "gap", 10]);
  assert.deepEqual(pagerNumbers(10, 10), [1, "gap", 8, 9, 10]);
  assert.deepEqual(pagerNumbers(4, 10), [1, 2, 3, 4, 5, 6, "gap", 10]);
  assert.deepEqual(pagerNumbers(1, 1), [1]);
});
