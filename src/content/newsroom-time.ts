/**
 * Newsroom time. Every date in front matter is read here, never by Eleventy or the YAML parser:
 * a date without a zone is Beijing time (Asia/Shanghai), a date with a zone keeps its instant.
 */
import { DateTime, FixedOffsetZone, type Zone } from "luxon";
import {
  dateWithoutTime,
  impossibleClock,
  notADate,
  notARealDate,
  notARealTime,
  skippedByDaylightSaving,
  unknownDateForm,
  yearTooEarly,
  zoneTooFar,
} from "../util/messages/dates.ts";
import type { Text } from "../util/messages/text.ts";

export const NEWSROOM_ZONE = "Asia/Shanghai";
// China has kept UTC+8 without daylight saving since 1992; for those years a fixed offset gives the
// same answers as the IANA zone without Intl look-ups, which dominate a 10,000-article build.
const SINCE_1992 = FixedOffsetZone.instance(8 * 60);
const FIXED_FROM_MS = Date.UTC(1992, 0, 1) - 8 * 3_600_000;

function zoneFor(year: number): Zone | string {
  return year >= 1992 ? SINCE_1992 : NEWSROOM_ZONE;
}

/** Years before this are typing mistakes (`0001`, `0021`), not publication dates. */
const EARLIEST_YEAR = 1900;

/** A moment as templates need it: machine form, reader form and sort key. */
export interface NewsTime {
  /** ISO 8601 with the +08:00 offset: `2021-11-22T09:27:00+08:00`. */
  iso: string;
  /** What readers see: `2021-11-22 09:27`. */
  display: string;
  /** The Beijing calendar date: `2021-11-22`. */
  day: string;
  /** Milliseconds since the epoch, for sorting and comparing. */
  epochMs: number;
}

export type ParsedDate = { ok: true; time: DateTime } | { ok: false; expected: Text };

// Beijing wall-clock forms: "2021-11-22 09:27" and "2021-11-22 09:27:00".
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
// ISO 8601 date-time with an explicit zone: Z or ±hh:mm / ±hhmm / ±hh.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
// The same with a space before the time and the zone, as YAML's timestamp examples
// (`2021-11-22 09:27:00 +08:00`) and Jekyll (`2021-11-22 09:27:00 +0800`) write it: read as the ISO form.
const SPACED_ZONE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Parses a front-matter date: `parseNewsroomDate("2021-11-22 09:27")` is 09:27 in Beijing
 * (01:27 UTC). Date-only values, other layouts and impossible dates are rejected with what was expected.
 */
export function parseNewsroomDate(value: unknown): ParsedDate {
  if (value instanceof Date || typeof value !== "string") {
    return { ok: false, expected: notADate };
  }
  const text = value.trim().replace(SPACED_ZONE, "$1T$2$3");
  const wall = WALL_CLOCK.exec(text);
  let time: DateTime;
  if (wall) {
    const [, year, month, day, hour, minute, second] = wall.map(Number);
    if (hour! > 23 || minute! > 59 || (second ?? 0) > 59) {
      return { ok: false, expected: impossibleClock };
    }
    time = DateTime.fromObject(
      { year, month, day, hour, minute, second: second || 0 },
      { zone: zoneFor(year ?? 0) },
    );
  } else if (ISO_WITH_ZONE.test(text)) {
    time = DateTime.fromISO(text, { setZone: true });
    if (time.isValid && Math.abs(time.offset) > 14 * 60) {
      return { ok: false, expected: zoneTooFar };
    }
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: NEWSROOM_ZONE });
    return { ok: false, expected: day.isValid ? dateWithoutTime : notARealDate(day.invalidExplanation) };
  } else {
    return { ok: false, expected: unknownDateForm };
  }
  if (!time.isValid) return { ok: false, expected: notARealTime(time.invalidExplanation) };
  if (time.year < EARLIEST_YEAR) return { ok: false, expected: yearTooEarly(time.year, EARLIEST_YEAR) };
  // Luxon rolls an hour skipped by daylight saving forward; a Beijing clock from 1986-91 could.
  if (wall && (time.hour !== Number(wall[4]) || time.minute !== Number(wall[5]))) {
    return { ok: false, expected: skippedByDaylightSaving };
  }
  return { ok: true, time: inNewsroomZone(time) };
}

/** The same instant on Beijing's clock. */
function inNewsroomZone(time: DateTime): DateTime {
  return time.setZone(time.toMillis() >= FIXED_FROM_MS ? SINCE_1992 : NEWSROOM_ZONE);
}

/**
 * Turns an instant into the forms templates print: `toNewsTime(t).display === "2021-11-22 09:27"`.
 * Written from the clock's fields as Luxon's `toISO` and `toFormat` write them (a test compares
 * them), at a tenth of their cost: those read their format anew on every call, about 14 µs an
 * article measured alone, 1.4 s of a cold build of 100,000 articles.
 */
export function toNewsTime(time: DateTime): NewsTime {
  const local = inNewsroomZone(time);
  const { year, month, day, hour, minute, second, millisecond } = local;
  const date = `${digits(year, 4)}-${digits(month)}-${digits(day)}`;
  const clock = `${digits(hour)}:${digits(minute)}`;
  const fraction = millisecond === 0 ? "" : `.${digits(millisecond, 3)}`;
  return {
    iso: `${date}T${clock}:${digits(second)}${fraction}${offsetText(local.offset)}`,
    display: `${date} ${clock}`,
    day: date,
    epochMs: local.toMillis(),
  };
}

const digits = (value: number, width = 2): string => String(value).padStart(width, "0");

/** A UTC offset in minutes as ISO 8601 writes it: `+08:00` (Luxon drops the seconds of old local times). */
function offsetText(minutes: number): string {
  const whole = Math.trunc(Math.abs(minutes));
  return `${minutes < 0 ? "-" : "+"}${digits(Math.trunc(whole / 60))}:${digits(whole % 60)}`;
}

/** The build clock: `HEZE_NOW` when set (tests and scheduled builds), otherwise the real time. */
export function buildClock(envValue: string | undefined): DateTime {
  if (!envValue) return inNewsroomZone(DateTime.now());
  const parsed = parseNewsroomDate(envValue);
  if (!parsed.ok) throw new Error(`HEZE_NOW="${envValue}": ${parsed.expected.en}`);
  return parsed.time;
}
