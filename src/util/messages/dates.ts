/**
 * Message catalog: front-matter dates and times (src/content/newsroom-time.ts). Each text says what is
 * wrong and how to write the time instead. Chinese and English side by side.
 */
import type { Text } from "./text.ts";

/** What an editor may write. */
export const DATE_FORMS: Text = {
  zh: "2021-11-22 09:27 这样的北京时间（也可带秒：2021-11-22 09:27:00，或带时区：2021-11-22T09:27:00+08:00）",
  en: "a date and time such as 2021-11-22 09:27 or 2021-11-22 09:27:00 (Beijing time), or ISO 8601 with a zone such as 2021-11-22T09:27:00+08:00",
};

const writeAs = (why: string, whyEn: string): Text => ({
  zh: `${why}；请写成 ${DATE_FORMS.zh}`,
  en: `${whyEn}; expected ${DATE_FORMS.en}`,
});

export const notADate: Text = writeAs("不是日期和时间", "expected text");

export const impossibleClock: Text = writeAs(
  "不是有效时间：小时从 00 到 23，分和秒从 00 到 59（24:00 是第二天的 00:00）",
  "not a real date or time: hours run 00 to 23, minutes and seconds 00 to 59 (24:00 is 00:00 of the next day)",
);

export const zoneTooFar: Text = writeAs("时区超出了 ±14:00", "the zone offset is beyond ±14:00");

export const dateWithoutTime: Text = writeAs("只有日期，没有时间", "a date without a time is ambiguous");

/** `explanation` is Luxon's, for engineers only. */
export const notARealDate = (explanation: string | null): Text =>
  writeAs("不是有效日期", `not a real date (${explanation})`);

export const notARealTime = (explanation: string | null): Text =>
  writeAs("不是有效的日期或时间", `not a real date or time (${explanation})`);

export const unknownDateForm: Text = {
  zh: `不是认得的时间写法；请写成 ${DATE_FORMS.zh}`,
  en: `expected ${DATE_FORMS.en}`,
};

export const yearTooEarly = (year: number, earliest: number): Text => ({
  zh: `${year} 年早于 ${earliest} 年，多半是笔误；请写成 2021-11-22 09:27 这样的真实时间`,
  en: `the year ${year} is before ${earliest}; expected a real date such as 2021-11-22 09:27`,
});

export const skippedByDaylightSaving: Text = writeAs(
  "北京时间没有这个时刻（当年实行夏令时，时钟跳过了它）",
  "that time did not exist in Beijing",
);

/** A time that must come after the article's `date`. */
export const earlierThan = (date: Text): Text => ({
  zh: `早于 ${date.zh}；请写一个在它之后的时间`,
  en: `is earlier than ${date.en}; give a time after ${date.en}`,
});

export const notLaterThan = (date: Text, field: Text): Text => ({
  zh: `没有晚于 ${date.zh}；请写一个更晚的时间，或删掉 ${field.zh}`,
  en: `is not later than ${date.en}; give a later time, or remove ${field.en}`,
});
