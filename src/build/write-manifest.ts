/**
 * The build manifest (src/hosting/build-manifest.ts), written last by every build
 * (src/build/build-site.ts), describing every other file of the new site. Pages the build rendered
 * come with their digests already (`context.rendered`, taken from the text it wrote); only the other
 * files are read and hashed. When the build updates the live output in place
 * (src/pages/live-output.ts), the manifest is the live one with what changed: only the staged files
 * are looked at, and the live text is patched (src/hosting/manifest-text.ts), the files kept live
 * keeping their entries as they stand, rather than the whole manifest written anew.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { nextRebuild } from "../content/publishing-state.ts";
import {
  formatBuildManifest,
  type BuildManifest,
  type ManifestEntry,
  type ManifestHeader,
} from "../hosting/build-manifest.ts";
import { describeFile } from "../hosting/describe-file.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { mapLimited } from "../util/for-each-limited.ts";
import { listFiles } from "../util/list-files.ts";
import type { BuildContext } from "./build-context.ts";
import type { LiveOutput, ManifestChanges } from "../pages/live-output.ts";

type ManifestFacts = Pick<BuildContext, "site" | "corpus" | "rendered" | "siteFiles" | "live">;

/**
 * The entries of `files` (in `dir`): from the render when it has them, in one plain loop (a promise
 * per file cost 0.3 s at 100,000 articles); only the others are read and hashed.
 */
async function describeFiles(
  dir: string,
  files: string[],
  rendered: BuildContext["rendered"],
): Promise<ManifestEntry[]> {
  const entries = files.map((file) => (Object.hasOwn(rendered, file) ? rendered[file] : undefined));
  const unknown = files.flatMap((_, i) => (entries[i] ? [] : [i]));
  const read = await mapLimited(unknown, 16, async (i) =>
    describeFile(await readFile(path.join(dir, files[i]!))),
  );
  unknown.forEach((i, n) => (entries[i] = read[n]));
  return entries as ManifestEntry[];
}

const headerOf = ({ site, corpus }: ManifestFacts): ManifestHeader => ({
  version: 1,
  baseUrl: site.baseUrl,
  nextEmbargo: corpus.schedule.nextEmbargo?.iso ?? null,
  nextRebuild: nextRebuild(corpus.schedule)?.iso ?? null,
});

/** The site's files (those listed by the `_headers` step, or found in `dir`) but the manifest. */
const siteFilesOf = (dir: string, { siteFiles }: ManifestFacts) =>
  (siteFiles ?? listFiles(dir)).filter((file) => file !== MANIFEST_FILE);

/** Describes every file of the built site in `dir`, a whole site (no files kept in a live output). */
export async function makeBuildManifest(dir: string, facts: ManifestFacts): Promise<BuildManifest> {
  const names = siteFilesOf(dir, facts);
  const entries = await describeFiles(dir, names, facts.rendered);
  return { ...headerOf(facts), files: Object.fromEntries(names.map((file, i) => [file, entries[i]!])) };
}

/**
 * What the new site changes of the live one: the entry of each staged file whose bytes differ from
 * the live file's (or that is new), and null for each live file the new site no longer has. Every
 * other file is one the build kept in the live output as it is.
 */
async function liveChanges(dir: string, live: LiveOutput, facts: ManifestFacts): Promise<ManifestChanges> {
  const staged = siteFilesOf(dir, facts).filter((file) => !live.kept.has(file));
  const entries = await describeFiles(dir, staged, facts.rendered);
  const changes: ManifestChanges = new Map();
  staged.forEach((file, i) => {
    const entry = entries[i]!;
    const before = live.entry(file);
    if (before?.size !== entry.size || before.sha256 !== entry.sha256) changes.set(file, entry);
  });
  const inSite = new Set(staged);
  for (const file of live.files()) if (!live.kept.has(file) && !inSite.has(file)) changes.set(file, null);
  return changes;
}

/**
 * Writes the manifest into `dir`; returns the SHA-256 of its text (what up-to-date.ts notes) and,
 * when the build updates the live output in place, what changed (what the update moves and removes).
 */
export async function writeBuildManifest(
  dir: string,
  facts: ManifestFacts,
): Promise<{ sha256: string; changes?: ManifestChanges }> {
  const { live } = facts;
  const changes = live && (await liveChanges(dir, live, facts));
  const bytes = Buffer.from(
    live && changes
      ? live.manifest.patch(headerOf(facts), changes)
      : formatBuildManifest(await makeBuildManifest(dir, facts)),
  );
  await writeFile(path.join(dir, MANIFEST_FILE), bytes);
  return { sha256: describeFile(bytes).sha256, changes };
}
