/**
 * After-build step, the last one: the build manifest `build-manifest.json` at the site root lists
 * every other file of the site with its size and SHA-256, and the time of the next embargoed article
 * if any. The publisher compares it with the copy stored in the bucket to upload only what changed,
 * and stores it there last; CI reads `nextEmbargo` to know when the next build is due.
 *   { "version": 1, "baseUrl": "https://www.heze.cn", "nextEmbargo": null,
 *     "files": { "index.html": { "size": 5210, "sha256": "9f2c…" }, … } }
 * It holds no build time, so that the same content always builds the same bytes.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { BuildOptions } from "../build-options.ts";
import { forEachLimited } from "../concurrency/for-each-limited.ts";
import { MANIFEST_FILE } from "../publish/header-rules.ts";
import { loadSite } from "../site/site-data.ts";
import type { AfterBuildStep } from "./build-site.ts";
import { listSiteFiles } from "./site-files.ts";

/**
 * Written into the site by the embargo step (issue 4) when an embargoed article is waiting:
 * `{ "nextEmbargo": "2026-05-01T08:00:00+08:00" }`. Absent means no embargo.
 */
export const NEXT_EMBARGO_FILE = "next-embargo.json";

const fileEntry = z.object({ size: z.int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const buildManifestSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string(),
  nextEmbargo: z.string().nullable(),
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

async function readNextEmbargo(dir: string): Promise<string | null> {
  const text = await readFile(path.join(dir, NEXT_EMBARGO_FILE), "utf8").catch(() => undefined);
  if (text === undefined) return null;
  return z.object({ nextEmbargo: z.string().nullable() }).parse(JSON.parse(text)).nextEmbargo;
}

export async function makeBuildManifest(dir: string, options: BuildOptions): Promise<BuildManifest> {
  const names = (await listSiteFiles(dir)).filter((file) => file !== MANIFEST_FILE);
  const entries = new Map<string, ManifestEntry>();
  await forEachLimited(names, 16, async (file) => {
    const bytes = await readFile(path.join(dir, file));
    entries.set(file, { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  });
  const files = Object.fromEntries(names.map((file) => [file, entries.get(file)!]));
  return {
    version: 1,
    baseUrl: (await loadSite(options.contentDir)).baseUrl,
    nextEmbargo: await readNextEmbargo(dir),
    files,
  };
}

export const writeBuildManifest: AfterBuildStep = {
  name: "build manifest",
  async run(dir, options) {
    const manifest = await makeBuildManifest(dir, options);
    await writeFile(path.join(dir, MANIFEST_FILE), formatBuildManifest(manifest));
  },
};
