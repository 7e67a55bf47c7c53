/**
 * After-build step, the last one: the build manifest `build-manifest.json` at the site root lists
 * every other file of the site with its size and SHA-256, and the time of the next embargoed article
 * if any. The publisher compares it with the copy stored in the bucket to upload only what changed,
 * and stores it there last; CI reads `nextRebuild` (the next embargo or expiry) to know when the
 * next build is due.
 *   { "version": 1, "baseUrl": "https://www.heze.cn", "nextEmbargo": null, "nextRebuild": null,
 *     "files": { "index.html": { "size": 5210, "sha256": "9f2c…" }, … } }
 * It holds no build time, so that the same content always builds the same bytes.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { BuildOptions } from "./build-options.ts";
import { SCHEDULE_FILE, type ScheduleFile } from "./schedule-file.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { loadSite } from "../content/site-data.ts";
import type { AfterBuildStep } from "./build-site.ts";
import { listFiles } from "../util/list-files.ts";

const fileEntry = z.object({ size: z.int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const buildManifestSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string(),
  /** When the next embargoed article goes live (from the schedule file), or null. */
  nextEmbargo: z.string().nullable(),
  /** When the site must next be built: that embargo or an article's expiry, whichever is first. */
  nextRebuild: z.string().nullable(),
  files: z.record(z.string(), fileEntry),
  /** Written by the publisher only: hashed assets no longer used, and since when (src/publish/plan.ts). */
  retired: z.record(z.string(), z.string()).optional(),
});

export type BuildManifest = z.infer<typeof buildManifestSchema>;
export type ManifestEntry = z.infer<typeof fileEntry>;

/** A manifest's text, as the build writes it and the publisher stores it. */
export function formatBuildManifest(manifest: BuildManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

/** Parses a manifest's text; throws a zod error when it is not one. */
export function parseBuildManifest(text: string): BuildManifest {
  return buildManifestSchema.parse(JSON.parse(text));
}

/** The schedule file the content plugin writes (src/build/schedule-file.ts); nulls without one. */
async function readSchedule(dir: string): Promise<Pick<ScheduleFile, "nextEmbargo" | "nextRebuild">> {
  const text = await readFile(path.join(dir, SCHEDULE_FILE), "utf8").catch(() => undefined);
  const schedule = text === undefined ? {} : (JSON.parse(text) as Partial<ScheduleFile>);
  return { nextEmbargo: schedule.nextEmbargo ?? null, nextRebuild: schedule.nextRebuild ?? null };
}

/** A file's manifest entry: its size and SHA-256. */
export function describeFile(bytes: Buffer): ManifestEntry {
  return { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * Describes every file of a built site. Pages the build rendered come with their digests already
 * (`rendered`, taken from the text it wrote); only the other files are read and hashed.
 */
export async function makeBuildManifest(
  dir: string,
  options: BuildOptions,
  rendered: Record<string, ManifestEntry> = {},
): Promise<BuildManifest> {
  const names = listFiles(dir).filter((file) => file !== MANIFEST_FILE);
  const entries = new Map<string, ManifestEntry>();
  await forEachLimited(names, 16, async (file) => {
    const known = Object.hasOwn(rendered, file) ? rendered[file] : undefined;
    if (known) return void entries.set(file, known);
    entries.set(file, describeFile(await readFile(path.join(dir, file))));
  });
  const files = Object.fromEntries(names.map((file) => [file, entries.get(file)!]));
  return {
    version: 1,
    baseUrl: (await loadSite(options.contentDir)).baseUrl,
    ...(await readSchedule(dir)),
    files,
  };
}

export const writeBuildManifest: AfterBuildStep = {
  name: "build manifest",
  async run(dir, options, rendered) {
    const manifest = await makeBuildManifest(dir, options, rendered);
    await writeFile(path.join(dir, MANIFEST_FILE), formatBuildManifest(manifest));
  },
};
