/**
 * The search bundles kept between builds, one entry per period under `<buildCache>/search/`:
 *   <period>/record.json   { fingerprint, files: { "pagefind.js": { size, sha256 }, … } }
 *   <period>/summary.bin   { format, fingerprint, listing }: the record's files as one digest
 *                          (listingDigest), which is all a build needs to keep a live bundle;
 *                          a checked file (src/util/checked-file.ts)
 *   <period>/bundle/…      the Pagefind bundle as it goes into the site
 * An entry is written into a temporary folder and renamed into place, so a build killed half-way
 * never leaves a half bundle under a period's name. Every file is checked against its record as it
 * is copied out: an entry that is missing a file or holds different bytes is said to be damaged (one
 * line) and rebuilt, never trusted. A bundle just indexed is stored by linking its files into the
 * entry; a bundle reused is copied out of it: either way the site holds the entry's bytes.
 *   if ((await copyCachedBundle(cache, "2026-07", fingerprint, target)) !== "copied") …
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { describeFile } from "../hosting/describe-file.ts";
import { listingDigest, type LiveOutput } from "../pages/live-output.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { linkOrCopy } from "../util/link-or-copy.ts";
import { listFiles } from "../util/list-files.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";

const RECORD = "record.json";
const SUMMARY = "summary.bin";
const BUNDLE = "bundle";
const TEMPORARY = /^\.tmp-/;

interface BundleRecord {
  fingerprint: string;
  files: Record<string, ManifestEntry>;
}

/**
 * What keeping a live bundle needs of its entry: at 100,000 articles the 31 records list 105,000
 * files (12 MB), which took about 0.45 s to read and look up in the live manifest on every build.
 */
interface BundleSummary {
  format: typeof SUMMARY_FORMAT;
  fingerprint: string;
  listing: string;
}

/** Changed whenever listingDigest changes what it digests: an older summary is then made again. */
const SUMMARY_FORMAT = 2;

const summaryOf = (record: BundleRecord): BundleSummary => ({
  format: SUMMARY_FORMAT,
  fingerprint: record.fingerprint,
  listing: listingDigest(Object.entries(record.files)),
});

/**
 * `value` if it has a record's shape, checked in place: at 100,000 articles a build reads 31 records
 * of 105,000 files in all, and a zod schema, which copies what it parses, took twice as long.
 */
function asRecord(value: unknown): BundleRecord | undefined {
  const record = value as Partial<BundleRecord> | null;
  const { files } = record ?? {};
  if (typeof record?.fingerprint !== "string" || typeof files !== "object" || !files || Array.isArray(files))
    return undefined;
  for (const file in files) {
    const entry = files[file] as Partial<ManifestEntry> | null;
    if (typeof entry?.size !== "number" || typeof entry.sha256 !== "string") return undefined;
  }
  return record as BundleRecord;
}

/** What became of a cached entry: copied into the site, absent, for other inputs, or unusable. */
export type CacheOutcome = "copied" | "missing" | "stale" | "damaged";

/** Read without waiting: the search step starts Pagefind before it first waits (search-index.ts). */
function readRecord(entry: string): BundleRecord | "missing" {
  let text: string;
  try {
    text = readFileSync(path.join(entry, RECORD), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = asRecord(parsed);
  if (!record) throw new Error(`${RECORD} is not a record`);
  return record;
}

/**
 * Copies the cached bundle of `period` into `target` if it was made from inputs with this
 * `fingerprint`, checking each file against the record as it goes; `written` hears of each file
 * copied, with its size and digest (the manifest need not read it again). A damaged entry is reported in
 * one line and removed, with whatever was copied of it.
 */
export async function copyCachedBundle(
  cacheDir: string,
  period: string,
  fingerprint: string,
  target: string,
  written: (file: string, described: ManifestEntry) => void = () => {},
): Promise<CacheOutcome> {
  const entry = path.join(cacheDir, period);
  try {
    const record = readRecord(entry);
    if (record === "missing") {
      if (!existsSync(entry)) return "missing";
      throw new Error(`${RECORD} is missing`);
    }
    if (record.fingerprint !== fingerprint) return "stale";
    const files = Object.keys(record.files).sort();
    for (const folder of new Set(files.map((file) => path.dirname(file))))
      await mkdir(path.join(target, folder), { recursive: true });
    await forEachLimited(files, 16, async (file) => {
      const bytes = await readFile(path.join(entry, BUNDLE, file));
      const described = describeFile(bytes);
      const expected = record.files[file]!;
      if (described.size !== expected.size || described.sha256 !== expected.sha256)
        throw new Error(`${file} does not match its record`);
      await writeFile(path.join(target, file), bytes);
      written(file, described);
    });
    return "copied";
  } catch (error) {
    console.log(
      `heze-press: search cache of ${period} is damaged (${(error as Error).message}); rebuilding it`,
    );
    await rm(target, { recursive: true, force: true });
    await rm(entry, { recursive: true, force: true });
    return "damaged";
  }
}

/**
 * Keeps the live output's bundle of `period` (at site path `bundlePath`) as it is, if the cached
 * entry was made from inputs with this `fingerprint` and the live output holds every one of its
 * files with the recorded bytes (src/pages/live-output.ts). Says whether it did.
 */
export function keepLiveBundle(
  cacheDir: string,
  period: string,
  fingerprint: string,
  live: LiveOutput,
  bundlePath: string,
): boolean {
  const entry = path.join(cacheDir, period);
  const summary = readSummary(entry) ?? summarise(entry);
  return summary?.fingerprint === fingerprint && live.keepFolder(bundlePath, summary.listing);
}

/** The entry's summary, if it has one that reads as a summary. */
function readSummary(entry: string): BundleSummary | undefined {
  // Missing, damaged or of another format: made again from the record.
  const read = readCheckedFile(path.join(entry, SUMMARY));
  if (typeof read === "string") return undefined;
  const summary = read.value as Partial<BundleSummary> | null;
  const whole =
    summary?.format === SUMMARY_FORMAT &&
    typeof summary.fingerprint === "string" &&
    typeof summary.listing === "string";
  return whole ? (summary as BundleSummary) : undefined;
}

/**
 * The summary of the entry's record, written beside it for the next build (an entry stored before
 * summaries were); undefined if the record is missing or damaged (copyCachedBundle then says so).
 */
function summarise(entry: string): BundleSummary | undefined {
  let record: ReturnType<typeof readRecord>;
  try {
    record = readRecord(entry);
  } catch {
    return undefined;
  }
  if (record === "missing") return undefined;
  const summary = summaryOf(record);
  writeCheckedFile(path.join(entry, SUMMARY), summary);
  return summary;
}

/**
 * Stores the bundle of `period` that was just written at `bundleDir` (in the staging folder): each
 * file is described (`written` hears of it, as from copyCachedBundle) and hard-linked into a
 * temporary entry, which is recorded and then renamed into place, replacing the period's previous
 * entry. The site's file and the entry's are then one file, never written through: a later build
 * that indexes the period again writes new files.
 */
export async function storeBundle(
  cacheDir: string,
  period: string,
  fingerprint: string,
  bundleDir: string,
  written: (file: string, described: ManifestEntry) => void,
): Promise<void> {
  const temporary = path.join(cacheDir, `.tmp-${period}-${process.pid}-${Date.now()}`);
  try {
    const files: Record<string, ManifestEntry> = {};
    for (const file of listFiles(bundleDir)) {
      files[file] = describeFile(await readFile(path.join(bundleDir, file)));
      const stored = path.join(temporary, BUNDLE, file);
      await mkdir(path.dirname(stored), { recursive: true });
      linkOrCopy(path.join(bundleDir, file), stored);
      written(file, files[file]);
    }
    await writeFile(path.join(temporary, RECORD), JSON.stringify({ fingerprint, files }));
    writeCheckedFile(path.join(temporary, SUMMARY), summaryOf({ fingerprint, files }));
    const entry = path.join(cacheDir, period);
    await rm(entry, { recursive: true, force: true });
    await rename(temporary, entry);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Removes the entries of periods no longer searched, and temporary folders left by stopped builds. */
export async function pruneBundles(cacheDir: string, periods: string[]): Promise<void> {
  const keep = new Set(periods);
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names)
    if (TEMPORARY.test(name) || !keep.has(name))
      await rm(path.join(cacheDir, name), { recursive: true, force: true });
}
