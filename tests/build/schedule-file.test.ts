import assert from "node:assert/strict";
import { test } from "node:test";
import { scheduleFile } from "../../src/build/schedule-file.ts";
import { parseNewsroomDate, toNewsTime } from "../../src/content/newsroom-time.ts";

const time = (text: string) => {
  const parsed = parseNewsroomDate(text);
  assert.ok(parsed.ok);
  return toNewsTime(parsed.time);
};

test("the schedule file gives times only: the next embargo, the next expiry, and the earlier of them", () => {
  assert.deepEqual(scheduleFile({}), { nextEmbargo: null, nextExpiry: null, nextRebuild: null });
  assert.deepEqual(
    scheduleFile({ nextEmbargo: time("2026-04-09 06:00"), nextExpiry: time("2026-04-08 20:00") }),
    {
      nextEmbargo: "2026-04-09T06:00:00+08:00",
      nextExpiry: "2026-04-08T20:00:00+08:00",
      nextRebuild: "2026-04-08T20:00:00+08:00",
    },
  );
});
