/**
 * What `npm run build` does after Eleventy has rendered, on the staging folder, a stage at a time,
 * the steps of a stage together; any failure leaves the previous site in place. Pagefind indexes in
 * a process of its own while the schedule and the assets are written (and the build cache kept:
 * build-site.ts). `_headers` covers every file, so it comes after them; the build manifest is
 * written last (build-site.ts).
 */
import type { AfterBuildStep } from "./build-context.ts";
import { writeAssets } from "./write-assets.ts";
import { writeHeadersFile } from "./headers-file.ts";
import { writeScheduleFile } from "./schedule-file.ts";
import { searchIndexStep } from "./search-index.ts";

export const afterBuildStages: AfterBuildStep[][] = [
  [searchIndexStep, writeScheduleFile, writeAssets],
  [writeHeadersFile],
];
