/**
 * After-build step: the schedule file, `next-embargo.json` at the site root, so that CI can plan the
 * next build, and the same times on the console:
 *   { "nextEmbargo": "2026-04-09T06:00:00+08:00", "nextExpiry": null, "nextRebuild": "2026-04-09T06:00:00+08:00" }
 *   heze-press: next embargo lifts at 2026-04-09 06:00 (Beijing time)
 * `nextEmbargo` is when the earliest scheduled article goes live, `nextExpiry` when the earliest live
 * article goes offline, `nextRebuild` the earlier of the two (null when nothing is pending). Only
 * times are written, never a title or URL, so an embargoed story does not leak through this file.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { nextRebuild, type Schedule } from "../content/publishing-state.ts";
import type { AfterBuildStep } from "./build-context.ts";

export const SCHEDULE_FILE = "next-embargo.json";

export interface ScheduleFile {
  nextEmbargo: string | null;
  nextExpiry: string | null;
  nextRebuild: string | null;
}

/** The schedule file's content. */
export function scheduleFile(schedule: Schedule): ScheduleFile {
  return {
    nextEmbargo: schedule.nextEmbargo?.iso ?? null,
    nextExpiry: schedule.nextExpiry?.iso ?? null,
    nextRebuild: nextRebuild(schedule)?.iso ?? null,
  };
}

export const writeScheduleFile: AfterBuildStep = {
  name: "schedule",
  async run(dir, { corpus: { schedule } }) {
    await writeFile(path.join(dir, SCHEDULE_FILE), `${JSON.stringify(scheduleFile(schedule), null, 2)}\n`);
    if (schedule.nextEmbargo)
      console.log(`heze-press: next embargo lifts at ${schedule.nextEmbargo.display} (Beijing time)`);
    if (schedule.nextExpiry)
      console.log(`heze-press: next article goes offline at ${schedule.nextExpiry.display} (Beijing time)`);
  },
};
