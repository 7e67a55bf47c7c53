import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article } from "../../src/content/article.ts";
import { halfYearOf, searchPeriods } from "../../src/build/search-periods.ts";

/** Just what the periods read: the Beijing publication day. */
const articleOn = (day: string) => ({ url: `/bendi/${day}/`, published: { day } }) as unknown as Article;

test("half-years run January to June and July to December", () => {
  assert.equal(halfYearOf("2026-01"), "2026-h1");
  assert.equal(halfYearOf("2026-06"), "2026-h1");
  assert.equal(halfYearOf("2026-07"), "2026-h2");
  assert.equal(halfYearOf("2026-12"), "2026-h2");
});

test("older half-years are whole; the newest half-year is cut into months, its newest month into weeks, the newest day apart; newest first", () => {
  const days = [
    "2024-12-31",
    "2025-01-01",
    "2025-06-30",
    "2026-07-02",
    "2026-02-11",
    "2026-03-01",
    "2026-03-31",
  ];
  const periods = searchPeriods(days.map(articleOn));
  assert.deepEqual(
    periods.map(({ name, months, articles }) => [name, months, articles.map((a) => a.published.day)]),
    [
      ["2026-07-02", ["2026-07"], ["2026-07-02"]],
      ["2026-h1", ["2026-03", "2026-02"], ["2026-02-11", "2026-03-01", "2026-03-31"]],
      ["2025-h1", ["2025-06", "2025-01"], ["2025-01-01", "2025-06-30"]],
      ["2024-h2", ["2024-12"], ["2024-12-31"]],
    ],
  );
  assert.deepEqual(searchPeriods([]), []);
});

test("the newest month's weeks run 1st–7th, 8th–14th, 15th–21st and 22nd to the month's end", () => {
  const days = [
    "2026-11-01",
    "2026-11-07",
    "2026-11-08",
    "2026-11-21",
    "2026-11-22",
    "2026-11-30",
    "2026-10-31",
  ];
  assert.deepEqual(
    searchPeriods(days.map(articleOn)).map(({ name, articles }) => [
      name,
      articles.map((a) => a.published.day),
    ]),
    [
      ["2026-11-30", ["2026-11-30"]],
      ["2026-11-w4", ["2026-11-22"]],
      ["2026-11-w3", ["2026-11-21"]],
      ["2026-11-w2", ["2026-11-08"]],
      ["2026-11-w1", ["2026-11-01", "2026-11-07"]],
      ["2026-10", ["2026-10-31"]],
    ],
  );
});

test("the newest day is a period of its own, whatever the order given; its week keeps the days before", () => {
  const days = ["2026-11-24", "2026-11-22", "2026-11-24", "2026-11-23", "2026-11-08"];
  assert.deepEqual(
    searchPeriods(days.map(articleOn)).map(({ name, months, articles }) => [
      name,
      months,
      articles.map((a) => a.published.day),
    ]),
    [
      ["2026-11-24", ["2026-11"], ["2026-11-24", "2026-11-24"]],
      ["2026-11-w4", ["2026-11"], ["2026-11-22", "2026-11-23"]],
      ["2026-11-w2", ["2026-11"], ["2026-11-08"]],
    ],
  );
});
