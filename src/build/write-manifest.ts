/**
 * The build manifest (src/hosting/build-manifest.ts), written last by every build
 * (src/build/build-site.ts), describing every other file of the new site. Pages the build rendered
 * come with their digests already (`context.rendered`, taken from the text it wrote), files kept in
 * the live output with the live manifest's (src/pages/live-output.ts); only the other files are read
 * and hashed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { nextRebuild } from "../content/publishing-state.ts";
import {
  describeFile,
  formatBuildManifest,
  type BuildManifest,
  type ManifestEntry,
} from "../hosting/build-manifest.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { listFiles } from "../util/list-files.ts";
import type { BuildContext } from "./build-context.ts";

type ManifestFacts = Pick<BuildContext, "site" | "corpus" | "rendered" | "siteFiles" | "live">;

/** Describes every file of the built site in `dir` (and those kept in the live output). */
export async function makeBuildManifest(
  dir: string,
  { site, corpus, rendered, siteFiles, live }: ManifestFacts,
): Promise<BuildManifest> {
  const names = (siteFiles ?? listFiles(dir)).filter((file) => file !== MANIFEST_FILE);
  const entries = new Map<string, ManifestEntry>();
  const unknown: string[] = [];
  for (const file of names) {
    const known =
      (Object.hasOwn(rendered, file) ? rendered[file] : undefined) ??
      (live?.kept.has(file) ? live.entry(file) : undefined);
    if (known) entries.set(file, known);
    else unknown.push(file);
  }
  await forEachLimited(unknown, 16, async (file) => {
    entries.set(file, describeFile(await readFile(path.join(dir, file))));
  });
  return {
    version: 1,
    baseUrl: site.baseUrl,
    nextEmbargo: corpus.schedule.nextEmbargo?.iso ?? null,
    nextRebuild: nextRebuild(corpus.schedule)?.iso ?? null,
    files: Object.fromEntries(names.map((file) => [file, entries.get(file)!])),
  };
}

/** Writes the manifest into `dir`; returns it, and the SHA-256 of its text (what up-to-date.ts notes). */
export async function writeBuildManifest(
  dir: string,
  context: ManifestFacts,
): Promise<{ manifest: BuildManifest; sha256: string }> {
  const manifest = await makeBuildManifest(dir, context);
  const bytes = Buffer.from(formatBuildManifest(manifest));
  await writeFile(path.join(dir, MANIFEST_FILE), bytes);
  return { manifest, sha256: describeFile(bytes).sha256 };
}
