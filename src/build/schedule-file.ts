/**
 * The build's schedule file, `next-embargo.json` at the site root, so that CI can plan the next build:
 *   { "nextEmbargo": "2026-04-09T06:00:00+08:00", "nextExpiry": null, "nextRebuild": "2026-04-09T06:00:00+08:00" }
 * `nextEmbargo` is when the earliest scheduled article goes live, `nextExpiry` when the earliest live
 * article goes offline, `nextRebuild` the earlier of the two (null when nothing is pending). Only
 * times are written, never a title or URL, so an embargoed story does not leak through this file.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { nextRebuild, type Schedule } from "../content/publishing-state.ts";

export const SCHEDULE_FILE = "next-embargo.json";

export interface ScheduleFile {
  nextEmbargo: string | null;
  nextExpiry: string | null;
  nextRebuild: string | null;
}

/** Writes the schedule file into `dir` (the content plugin does, once per build). */
export async function writeSchedule(dir: string, schedule: Schedule): Promise<void> {
  const rebuild = nextRebuild(schedule);
  const data: ScheduleFile = {
    nextEmbargo: schedule.nextEmbargo?.iso ?? null,
    nextExpiry: schedule.nextExpiry?.iso ?? null,
    nextRebuild: rebuild?.iso ?? null,
  };
  await writeFile(path.join(dir, SCHEDULE_FILE), `${JSON.stringify(data, null, 2)}\n`);
}
