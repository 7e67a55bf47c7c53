/**
 * A build where nothing changed does nothing. The output depends on the code, site data, media and
 * settings (the cache key: cache-key.ts), the article files, the output folder, and the clock. The
 * clock matters only through each article's publishing state, which articles the news sitemap
 * takes (published in the last two days), and, when no article is live, the feed's `updated` time.
 * After each build the cache notes all of these (`built.json`), with the SHA-256 of the output's
 * build manifest. The next build hashes every article file, but those whose stamp, or whose blob
 * id in git (git-blobs.ts), is the one noted with their digest, and works these out again from the
 * noted dates; when all agree and the output's manifest is the one written, the output is already
 * what this build would write, and the build stops there. Parsing, rendering and writing a
 * 100,000-article site are skipped; listing and stat-ing its files are not. Files it had to read (new
 * stamps, or stamps too recent to note) are then noted with the stamps they have settled on, so the
 * next check does not read them again.
 *   const check = checkUpToDate(options, site);   // { upToDate: true, read } or { upToDate: false, digests, … }
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { sourceDigest, type Article } from "../content/article.ts";
import { publishingState, type PublishingState } from "../content/publishing-state.ts";
import { sha256 } from "../util/sha256.ts";
import { NEWS_WINDOW_MS } from "../discovery/sitemaps.ts";
import { ManifestText } from "../hosting/manifest-text.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";
import type { BuildOptions } from "./build-options.ts";
import type { CacheKey } from "./cache-key.ts";
import { stampArticleFiles, type ArticleStamps } from "./article-stamps.ts";
import type { ArticleFiles } from "../content/article-files.ts";
import { cleanBlobIds, gitBlobId } from "./git-blobs.ts";

const FORMAT = "heze-press built-from 4";

/** What the clock acts on, per article file: draft, publication and expiry times. */
export type Dates = [draft: boolean, publishedMs: number, expiresMs: number | null];

/**
 * A file's size, modification and change times and inode when it was hashed: while all are the same
 * the file is taken to hold the same bytes, as git's index does, so an unchanged archive is not read
 * again. Git checkouts and copies give new stamps (then the file is read); no stamp is kept for a
 * file changed in the last seconds before it was hashed, which may change again within one tick.
 */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number] | null;
const SETTLED_MS = 2000;

/**
 * `built.json`. The article files are noted in columns, entry i of each for `files[i]`: a row per
 * file made 300,000 small arrays to parse at 100,000 articles, and the file 30% larger.
 */
interface BuiltFrom {
  format: string;
  key: CacheKey;
  output: string;
  search: boolean;
  /** The article files. */
  files: string[];
  /** Their SHA-256s, 64 hex digits each, one after another. */
  digests: string;
  /** Three per file (Dates): draft as 1 or 0, publication time, expiry time or null. */
  dates: (number | null)[];
  /** Four per file (Stamp), or four nulls for a file noted without a stamp. */
  stamps: (number | null)[];
  /** Each file's blob id in git, when git had these bytes; else "". */
  blobs: string[];
  clock: string;
  manifest: string;
}

const DIGEST_LENGTH = 64;

/** `built.json` as read, if it is of this format and its columns agree in length. */
function asBuiltFrom(value: unknown): BuiltFrom | undefined {
  const built = value as Partial<BuiltFrom> | undefined;
  if (built?.format !== FORMAT || !Array.isArray(built.files)) return undefined;
  const count = built.files.length;
  const columns =
    built.digests?.length === count * DIGEST_LENGTH &&
    built.dates?.length === count * 3 &&
    built.stamps?.length === count * 4 &&
    built.blobs?.length === count;
  return columns ? (built as BuiltFrom) : undefined;
}

const digestAt = (built: BuiltFrom, i: number) =>
  built.digests.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH);
const datesAt = ({ dates }: BuiltFrom, i: number): Dates => [
  dates[3 * i] === 1,
  dates[3 * i + 1]!,
  dates[3 * i + 2] ?? null,
];

const builtFile = (cacheDir: string) => path.join(cacheDir, "built.json");

/** Where an article with these dates stands at `now`. */
export function stateAt([draft, date, expires]: Dates, now: DateTime): PublishingState {
  return publishingState({ draft, date, expires: expires ?? undefined }, now);
}

/** What the build cache's articles are keyed by: the SHA-256 of the file's bytes. */
export const fileDigest = (file: string): string => sourceDigest(readFileSync(file));

/** The facts the clock decides for these articles at `now`, as one digest. */
function clockFacts(dates: Dates[], now: DateTime): string {
  const nowMs = now.toMillis();
  const states = dates.map((articleDates) => stateAt(articleDates, now));
  const news = dates.map(([, published]) => published <= nowMs && published > nowMs - NEWS_WINDOW_MS);
  const noneLive = !states.includes("live");
  return sha256(JSON.stringify([states, news, noneLive ? now.toISO() : ""]));
}

/** An article's dates as the clock needs them. */
export function datesOf(article: Article): Dates {
  return [article.state === "draft", article.published.epochMs, article.expires?.epochMs ?? null];
}

/**
 * What the check found of each article file, looked up by path: its SHA-256 (what the build cache's
 * articles are keyed by), its stamp, and its blob id in git when that is known to be the id of the
 * bytes of its digest. Kept as the check's columns, with one Map from path to row: a Map per fact,
 * and a stamp array per file, cost a warm build 0.2 s at 100,000 articles.
 */
export class CheckedFiles {
  /** The article files, as listed for the check, and the links met (which the build reports). */
  readonly listed: ArticleFiles;
  /** How many files were read to be hashed. */
  readonly read: number;
  readonly #rows = new Map<string, number>();
  readonly #stamps: ArticleStamps["stats"];
  readonly #settledBefore: number;
  readonly #places: Int32Array;
  readonly #hashed: Map<number, Hashed>;
  readonly #built: BuiltFrom | undefined;

  /**
   * `places`: where each file is noted in `built` (notedPlaces); `hashed`: the files read, by row;
   * the others hold the bytes noted for them. A stamp changed from `settledBefore` on is not kept.
   */
  constructor(
    { files, links, stats }: ArticleStamps,
    places: Int32Array,
    hashed: Map<number, Hashed>,
    built: BuiltFrom | undefined,
    settledBefore: number,
  ) {
    this.listed = { files, links };
    this.read = hashed.size;
    files.forEach((file, f) => this.#rows.set(file, f));
    this.#stamps = stats;
    this.#places = places;
    this.#hashed = hashed;
    this.#built = built;
    this.#settledBefore = settledBefore;
  }

  digestOf(file: string): string | undefined {
    const f = this.#rows.get(file);
    if (f === undefined) return undefined;
    // Not read: it holds the noted bytes, by its stamp or by git's word.
    return this.#hashed.get(f)?.digest ?? digestAt(this.#built!, this.#places[f]!);
  }

  stampOf(file: string): Stamp {
    const f = this.#rows.get(file);
    const stats = this.#stamps;
    if (f === undefined || !settledAt(stats, f, this.#settledBefore)) return null;
    return [stats[4 * f]!, stats[4 * f + 1]!, stats[4 * f + 2]!, stats[4 * f + 3]!];
  }

  blobOf(file: string): string | undefined {
    const f = this.#rows.get(file);
    if (f === undefined) return undefined;
    const own = this.#hashed.get(f);
    return (own ? own.blob : this.#built!.blobs[this.#places[f]!]) || undefined;
  }
}

/** A file read to be hashed: its digest, and git's blob id if it is that of the bytes read. */
interface Hashed {
  digest: string;
  blob?: string;
}

/**
 * From this size of `built.json` on (about 200 bytes per article: 20,000 articles) the files are
 * stat-ed on a second thread while it is read (article-stamps.ts). At 10,000 articles the thread's
 * start cost as much as it overlapped (0.90 s against 0.87 s for a build with nothing to do); at
 * 100,000 it saves 0.4 s (2.24 s against 2.66 s).
 */
const THREADED_FROM_BYTES = 4_000_000;

/** Whether file `f`'s stamp in `stats` was last changed before `before` (epoch ms): then it is kept. */
const settledAt = (stats: Float64Array, f: number, before: number): boolean => stats[4 * f + 2]! < before;

/** Whether the stamp of file `f` in `now` is the one noted at entry `i` of `built`. */
const stampHolds = ({ stamps }: BuiltFrom, i: number, now: Float64Array, f: number): boolean =>
  stamps[4 * i] === now[4 * f] &&
  stamps[4 * i + 1] === now[4 * f + 1] &&
  stamps[4 * i + 2] === now[4 * f + 2] &&
  stamps[4 * i + 3] === now[4 * f + 3];

/**
 * Git is asked (git-blobs.ts) when more than this share of the files would be read: its answer costs
 * about 7 µs a file at 100,000 articles (0.7 s), reading and hashing a file about 90 µs. One new
 * article, or a day's edits, is read at once; a fresh clone, where every stamp is new, asks git.
 */
const ASK_GIT_ABOVE = 0.1;

/** How many files, evenly spaced, `gitLikelyAsked` looks at. */
const SAMPLE = 100;

/**
 * Where each file of `files` is in `noted` (-1 where it is not), both sorted as `builtFrom` and
 * `listFiles` sort: walked side by side, not looked up in a Map of 100,000 paths.
 */
function notedPlaces(files: string[], noted: string[]): Int32Array {
  const places = new Int32Array(files.length).fill(-1);
  let i = 0;
  files.forEach((file, f) => {
    while (i < noted.length && noted[i]! < file) i++;
    if (noted[i] === file) places[f] = i;
  });
  return places;
}

/**
 * Whether the articles folder was made after `built.json` was written: a fresh clone or checkout,
 * where every stamp is new. Git is then asked at once, beside everything else the check does.
 */
function freshCheckout(articlesDir: string, built: Stats | undefined): boolean {
  const folder = statSync(articlesDir, { throwIfNoEntry: false });
  return folder !== undefined && built !== undefined && folder.birthtimeMs > built.mtimeMs;
}

/**
 * Whether git will likely be asked, judged from a sample of the files before the full pass
 * (`places`: notedPlaces). Git is then asked at once, beside the full pass. A wrong guess costs git's
 * time on the other core.
 */
function gitLikelyAsked(stats: Float64Array, built: BuiltFrom, places: Int32Array): boolean {
  const step = Math.max(1, Math.floor(places.length / SAMPLE));
  let looked = 0;
  let unsettled = 0;
  for (let f = 0; f < places.length; f += step) {
    looked++;
    if (places[f]! < 0 || !stampHolds(built, places[f]!, stats, f)) unsettled++;
  }
  return unsettled > looked * ASK_GIT_ABOVE;
}

/** What the check found of the article files: whether they are those noted, and how to note them. */
interface Found {
  /** Same files, same digests as noted in `built.json`. */
  asNoted: boolean;
  read: number;
  /** Made only when a build follows: a Map of 100,000 paths, for nothing when nothing changed. */
  checked(): CheckedFiles;
}

/**
 * Hashes every article file, but those whose stamp, or else whose blob id in git (files git holds
 * clean, asked only when many stamps are new: `asked` if the caller already asked), is the one
 * noted with their digest in `built`. Stamps are compared as numbers: no string is made for 100,000
 * unchanged files. A file read is noted with git's blob id only if that is the id of the bytes read.
 */
async function digestArticleFiles(
  stamps: ArticleStamps,
  built: BuiltFrom | undefined,
  articlesDir: string,
  asked: Promise<Map<string, string>> | undefined,
): Promise<Found> {
  const { files, links, stats } = stamps;
  const places = notedPlaces(files, built?.files ?? []);
  if (!asked && (built === undefined ? files.length > 0 : gitLikelyAsked(stats, built, places)))
    asked = cleanBlobIds(articlesDir);
  const settled = Date.now() - SETTLED_MS;
  const isSettled = (f: number) => settledAt(stats, f, settled);
  /** Files whose stamp says nothing, by index in `files`. */
  const unsettled: number[] = [];
  for (let f = 0; f < files.length; f++) {
    const i = places[f]!;
    if (built === undefined || i < 0 || !isSettled(f) || !stampHolds(built, i, stats, f)) unsettled.push(f);
  }
  const gitBlobs =
    unsettled.length > files.length * ASK_GIT_ABOVE
      ? await (asked ?? cleanBlobIds(articlesDir))
      : new Map<string, string>();
  /** The files read, by index in `files`. */
  const hashed = new Map<number, Hashed>();
  let asNoted = built !== undefined && files.length === built.files.length;
  for (const f of unsettled) {
    const file = files[f]!;
    const i = places[f]!;
    const blob = gitBlobs.get(file);
    if (built !== undefined && i >= 0 && blob !== undefined && blob === built.blobs[i]) continue;
    const bytes = readFileSync(file);
    const digest = sourceDigest(bytes);
    hashed.set(f, {
      digest,
      blob: blob !== undefined && gitBlobId(bytes, blob.length) === blob ? blob : undefined,
    });
    if (built === undefined || i < 0 || digest !== digestAt(built, i)) asNoted = false;
  }
  // Same count, each file found among the noted (both sorted): the same list of files. A symbolic
  // link is a problem the build reports (load-articles.ts), so a folder holding one is never up to date.
  if (asNoted) asNoted = places.every((i) => i >= 0) && links.length === 0;
  return {
    asNoted,
    read: hashed.size,
    checked: () => new CheckedFiles(stamps, places, hashed, built, settled),
  };
}

/**
 * Up to date; or not, with every article file's digest and, when the output folder is the one the
 * last build wrote (its manifest is the one noted), that manifest: the build then updates the output
 * in place (src/pages/live-output.ts).
 */
export type UpToDate =
  { upToDate: true; read: number } | { upToDate: false; checked: CheckedFiles; liveManifest?: ManifestText };

/** The output's manifest (its bytes) if it is the one the last build noted; undefined otherwise. */
function trustedManifest(options: BuildOptions, built: BuiltFrom | undefined): Buffer | undefined {
  if (built?.output !== options.outputDir) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(options.outputDir, MANIFEST_FILE));
  } catch {
    return undefined;
  }
  return sha256(bytes) === built.manifest ? bytes : undefined;
}

export async function checkUpToDate(
  options: BuildOptions,
  cacheDir: string,
  key: CacheKey,
): Promise<UpToDate> {
  const builtPath = builtFile(cacheDir);
  const builtStats = statSync(builtPath, { throwIfNoEntry: false });
  const threaded = (builtStats?.size ?? 0) >= THREADED_FROM_BYTES;
  const articlesDir = path.join(options.contentDir, "articles");
  const statting = stampArticleFiles(articlesDir, { threaded });
  // Awaited below; this only keeps a failure from counting as unhandled if reading fails first.
  statting.catch(() => {});
  const asked = freshCheckout(articlesDir, builtStats) ? cleanBlobIds(articlesDir) : undefined;
  const kept = readCheckedFile(builtPath);
  const built = typeof kept === "string" ? undefined : asBuiltFrom(kept.value);
  const liveManifest = trustedManifest(options, built);
  const found = await digestArticleFiles(await statting, built, articlesDir, asked);
  const same =
    built !== undefined &&
    liveManifest !== undefined &&
    JSON.stringify(built.key) === JSON.stringify(key) &&
    built.search === options.search &&
    found.asNoted &&
    built.clock ===
      clockFacts(
        built.files.map((_, i) => datesAt(built, i)),
        options.now,
      );
  if (same) {
    // Files read for want of a settled stamp are noted with the one they have settled on since:
    // until a build noted them, every check read them again (after the bench wrote its corpus, 40,000
    // files at 100,000 articles, 0.8 s of each build).
    if (found.read > 0) noteSettledStamps(builtPath, built, found.checked());
    return { upToDate: true, read: found.read };
  }
  return {
    upToDate: false,
    checked: found.checked(),
    // A text not as this build writes it (another version's) is not updated in place.
    liveManifest: liveManifest && ManifestText.read(liveManifest.toString()),
  };
}

/** The stamps column of `built.json` for these files, as the check found them. */
const stampsColumn = (files: string[], checked: CheckedFiles): (number | null)[] =>
  files.flatMap((file) => checked.stampOf(file) ?? [null, null, null, null]);

/** Notes in `built.json` the stamps the check found, if any differs from those noted. */
function noteSettledStamps(builtPath: string, built: BuiltFrom, checked: CheckedFiles): void {
  const stamps = stampsColumn(built.files, checked);
  if (stamps.some((value, i) => value !== built.stamps[i])) writeCheckedFile(builtPath, { ...built, stamps });
}

/**
 * After a build went live: notes what its output was made from: its article files with their
 * digests, dates, stamps and blob ids (as the up-to-date check found them: `checked`), and the
 * SHA-256 of the manifest it wrote (write-manifest.ts).
 */
export function noteBuiltFrom(
  options: BuildOptions,
  cacheDir: string,
  key: CacheKey,
  { files, manifest }: { files: [file: string, digest: string, dates: Dates][]; manifest: string },
  checked: CheckedFiles,
): void {
  const clock = clockFacts(
    files.map(([, , dates]) => dates),
    options.now,
  );
  const paths = files.map(([file]) => file);
  const built: BuiltFrom = {
    format: FORMAT,
    key,
    output: options.outputDir,
    search: options.search,
    files: paths,
    digests: files.map(([, digest]) => digest).join(""),
    dates: files.flatMap(([, , [draft, published, expires]]) => [draft ? 1 : 0, published, expires]),
    stamps: stampsColumn(paths, checked),
    // A file loaded with other bytes than the check hashed (saved in between) keeps no blob id.
    blobs: files.map(([file, digest]) => (checked.digestOf(file) === digest && checked.blobOf(file)) || ""),
    clock,
    manifest,
  };
  writeCheckedFile(builtFile(cacheDir), built);
}
