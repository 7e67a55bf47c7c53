import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { toNewsTime } from "../../src/content/newsroom-time.ts";
import { nextRebuild, publishingState, schedule } from "../../src/content/publishing-state.ts";

const now = DateTime.fromISO("2026-04-08T12:00:00+08:00");
const at = (iso: string) => DateTime.fromISO(iso);

test("publishing state follows draft, then embargo, then expiry", () => {
  const past = at("2026-04-01T09:00:00+08:00");
  const future = at("2026-04-09T06:00:00+08:00");
  assert.equal(publishingState({ date: past }, now), "live");
  assert.equal(publishingState({ date: past, draft: true }, now), "draft");
  assert.equal(publishingState({ date: future, draft: true }, now), "draft");
  assert.equal(publishingState({ date: future }, now), "scheduled");
  assert.equal(publishingState({ date: now }, now), "live", "an article dated exactly now is live");
  assert.equal(publishingState({ date: past, expires: now }, now), "expired");
  assert.equal(publishingState({ date: past, expires: future }, now), "live");
  assert.equal(publishingState({ date: future, expires: future.plus({ days: 1 }) }, now), "scheduled");
});

test("the schedule names the earliest embargo and expiry; drafts never schedule a rebuild", () => {
  const t = (iso: string) => toNewsTime(at(iso));
  const s = schedule([
    { state: "scheduled", published: t("2026-04-10T06:00:00+08:00") },
    { state: "scheduled", published: t("2026-04-09T06:00:00+08:00") },
    { state: "draft", published: t("2026-04-08T13:00:00+08:00") },
    { state: "live", published: t("2026-04-01T06:00:00+08:00"), expires: t("2026-04-09T08:00:00+08:00") },
  ]);
  assert.equal(s.nextEmbargo?.iso, "2026-04-09T06:00:00+08:00");
  assert.equal(s.nextExpiry?.iso, "2026-04-09T08:00:00+08:00");
  assert.equal(nextRebuild(s)?.iso, "2026-04-09T06:00:00+08:00");
  assert.equal(nextRebuild(schedule([])), undefined);
});
