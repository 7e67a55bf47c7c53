/**
 * After-build step: prints when the next embargo lifts and the next article expires, from the schedule
 * file the content plugin wrote (src/build/schedule-file.ts), so that it shows however many
 * processes rendered the site.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseNewsroomDate, toNewsTime } from "../content/newsroom-time.ts";
import { SCHEDULE_FILE, type ScheduleFile } from "./schedule-file.ts";
import type { AfterBuildStep } from "./build-site.ts";

/** `2026-04-09T06:00:00+08:00` → `2026-04-09 06:00`. */
function beijing(iso: string): string {
  const parsed = parseNewsroomDate(iso);
  return parsed.ok ? toNewsTime(parsed.time).display : iso;
}

/** After-build step: says on the console when the next embargo lifts and the next article expires. */
export const announceSchedule: AfterBuildStep = {
  name: "announce the schedule",
  async run(dir) {
    const data = JSON.parse(await readFile(path.join(dir, SCHEDULE_FILE), "utf8")) as ScheduleFile;
    if (data.nextEmbargo)
      console.log(`heze-press: next embargo lifts at ${beijing(data.nextEmbargo)} (Beijing time)`);
    if (data.nextExpiry)
      console.log(`heze-press: next article goes offline at ${beijing(data.nextExpiry)} (Beijing time)`);
  },
};
