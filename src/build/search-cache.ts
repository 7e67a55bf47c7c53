/**
 * The search bundles kept between builds, one entry per period under `<buildCache>/search/`:
 *   <period>/record.json   { fingerprint, files: { "pagefind.js": { size, sha256 }, … } }
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
import { describeFile, type ManifestEntry } from "../hosting/build-manifest.ts";
import type { LiveOutput } from "../pages/live-output.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { linkOrCopy } from "../util/link-or-copy.ts";
import { listFiles } from "../util/list-files.ts";

const RECORD = "record.json";
const BUNDLE = "bundle";
const TEMPORARY = /^\.tmp-/;

interface BundleRecord {
  fingerprint: string;
  files: Record<string, ManifestEntry>;
}

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
  let record: ReturnType<typeof readRecord>;
  try {
    record = readRecord(path.join(cacheDir, period));
  } catch {
    return false; // copyCachedBundle then finds the entry damaged and says so
  }
  if (record === "missing" || record.fingerprint !== fingerprint) return false;
  return live.keepAll(
    Object.entries(record.files).map(([file, entry]): [string, ManifestEntry] => [
      `${bundlePath}/${file}`,
      entry,
    ]),
  );
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
