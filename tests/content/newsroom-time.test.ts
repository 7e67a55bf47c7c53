import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { buildClock, parseNewsroomDate, toNewsTime } from "../../src/content/newsroom-time.ts";

function iso(value: unknown): string {
  const parsed = parseNewsroomDate(value);
  assert.ok(parsed.ok, `${String(value)} should parse: ${parsed.ok ? "" : parsed.expected}`);
  return toNewsTime(parsed.time).iso;
}

function rejection(value: unknown): string {
  const parsed = parseNewsroomDate(value);
  assert.ok(!parsed.ok, `${String(value)} should be rejected`);
  return parsed.expected.en;
}

test("dates without a zone are Beijing time, not UTC", () => {
  assert.equal(iso("2021-11-22 09:27"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22 09:27:00"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22 09:27:45"), "2021-11-22T09:27:45+08:00");
  assert.equal(iso("2021-11-22T09:27"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("  2021-11-22 09:27  "), "2021-11-22T09:27:00+08:00");
});

test("ISO 8601 with a zone keeps its instant and shows in Beijing time", () => {
  assert.equal(iso("2021-11-22T09:27:00+08:00"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22T01:27:00Z"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22T01:27:00.500z"), "2021-11-22T09:27:00.500+08:00");
  assert.equal(iso("2021-11-21T20:27:00-05:00"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22T09:27+0800"), "2021-11-22T09:27:00+08:00");
  assert.equal(iso("2021-11-22T09:27:00+08"), "2021-11-22T09:27:00+08:00");
});

test("dates as YAML's examples, Jekyll and Hugo write them: a space before the zone, +0800", () => {
  // Their zone counts (09:27 in New York is 22:27 in Beijing; Z is UTC); without one, Beijing time.
  const beijing = "2021-11-22T09:27:00+08:00";
  const forms: [string, string][] = [
    ["2021-11-22 09:27:00 +08:00", beijing],
    ["2021-11-22 09:27:00 +0800", beijing],
    ["2021-11-22 09:27:00+0800", beijing],
    ["2021-11-22 09:27 +0800", beijing],
    ["2021-11-22T09:27:00 +08:00", beijing],
    ["2021-11-22 09:27:00 -0500", "2021-11-22T22:27:00+08:00"],
    ["2021-11-22 01:27:00 Z", beijing],
    ["2021-11-22 09:27:00", beijing],
  ];
  for (const [form, expected] of forms) assert.equal(iso(form), expected, form);
  // Still refused: two spaces, a zone name, an impossible offset or date.
  const refused: [string, RegExp][] = [
    ["2021-11-22 09:27:00  +0800", /^expected /],
    ["2021-11-22 09:27:00 CST", /^expected /],
    ["2021-11-22 09:27:00 +2500", /beyond ±14:00/],
    ["2021-02-30 09:27:00 +0800", /not a real date/],
  ];
  for (const [form, reason] of refused) assert.match(rejection(form), reason, form);
});

test("the reader's form and the Beijing calendar day", () => {
  const parsed = parseNewsroomDate("2021-11-21T17:30:00Z");
  assert.ok(parsed.ok);
  const time = toNewsTime(parsed.time);
  assert.equal(time.display, "2021-11-22 01:30");
  assert.equal(time.day, "2021-11-22");
  assert.equal(time.epochMs, Date.UTC(2021, 10, 21, 17, 30));
});

test("ambiguous dates are rejected with what was expected", () => {
  assert.match(rejection("2021-11-22"), /without a time is ambiguous; expected .*2021-11-22 09:27/);
  assert.match(rejection("2021/11/22 09:27"), /^expected /);
  assert.match(rejection("11/22/2021 09:27"), /^expected /);
  assert.match(rejection("2021-11-22 9:27"), /^expected /);
  assert.match(rejection("下周一"), /^expected /);
  assert.match(rejection(""), /^expected /);
});

test("impossible dates and times are rejected", () => {
  assert.match(rejection("2021-13-45"), /not a real date/);
  assert.match(rejection("2021-13-45 09:27"), /not a real date/);
  assert.match(rejection("2021-02-29 09:27"), /not a real date/);
  assert.match(rejection("2021-11-22 25:00"), /not a real date/);
  assert.match(rejection("2021-11-22 09:61"), /not a real date/);
  assert.match(rejection("2021-11-22T09:27:00+25:00"), /beyond ±14:00/);
});

test("values that are not text are rejected", () => {
  assert.match(rejection(20211122), /expected text/);
  assert.match(rejection(new Date()), /expected text/);
  assert.match(rejection(undefined), /expected text/);
});

test("the printed forms are Luxon's own, in every era of Beijing's clock", () => {
  // Local mean time (+08:05:43) until 1901, summer time in the 1940s and 1986-91, +08:00 since;
  // a pseudo-random minute, second and millisecond every 9 days or so, 1900 to 2100.
  let seed = 20211122;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2100, 0, 1); ms += Math.floor(next() * 1.6e9)) {
    const instant = ms - (next() < 0.5 ? ms % 1000 : 0);
    const beijing = DateTime.fromMillis(instant, { zone: "Asia/Shanghai" });
    const time = toNewsTime(DateTime.fromMillis(instant, { zone: "utc" }));
    const expected = {
      iso: beijing.toISO({ suppressMilliseconds: true }),
      display: beijing.toFormat("yyyy-MM-dd HH:mm"),
      day: beijing.toFormat("yyyy-MM-dd"),
      epochMs: instant,
    };
    assert.deepEqual(time, expected, new Date(instant).toISOString());
  }
});

test("Beijing's daylight saving years (1986-1991) use the real zone rules", () => {
  // 1988-07-01 was in summer time, UTC+9.
  assert.equal(iso("1988-07-01 12:00"), "1988-07-01T12:00:00+09:00");
  // Clocks went from 02:00 to 03:00 on 1988-04-17: 02:30 never happened.
  assert.match(rejection("1988-04-17 02:30"), /did not exist/);
});

test("the build clock comes from HEZE_NOW when it is set", () => {
  assert.equal(
    buildClock("2026-04-08 09:30").toISO({ suppressMilliseconds: true }),
    "2026-04-08T09:30:00+08:00",
  );
  assert.throws(() => buildClock("soon"), /HEZE_NOW="soon"/);
  assert.ok(Math.abs(buildClock(undefined).toMillis() - Date.now()) < 5000);
});

test("24:00 is called an impossible time, not a daylight-saving gap", () => {
  const message = rejection("2021-11-22 24:00");
  assert.match(message, /^not a real date or time: hours run 00 to 23/);
  assert.doesNotMatch(message, /did not exist/);
  assert.match(rejection("2021-11-22 23:60"), /^not a real date or time/);
});

test("years before 1900 (0001, a typing mistake) are rejected", () => {
  assert.match(rejection("0001-11-22 09:27"), /the year 1 is before 1900/);
  assert.match(rejection("0021-11-22T09:27:00Z"), /the year 21 is before 1900/);
  assert.equal(iso("1950-01-02 00:00"), "1950-01-02T00:00:00+08:00");
});
