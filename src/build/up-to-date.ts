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
 * 100,000-article site are skipped; listing and stat-ing its files are not.
 *   const check = checkUpToDate(options, site);   // { upToDate: true, read } or { upToDate: false, digests, … }
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { sourceDigest, type Article } from "../content/article.ts";
import { publishingState, type PublishingState } from "../content/publishing-state.ts";
import { sha256 } from "../util/sha256.ts";
import { NEWS_WINDOW_MS } from "../discovery/sitemaps.ts";
import type { BuildManifest } from "../hosting/build-manifest.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";
import type { BuildOptions } from "./build-options.ts";
import type { CacheKey } from "./cache-key.ts";
import { stampArticleFiles, type ArticleStamps } from "./article-stamps.ts";
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

export interface ArticleDigests {
  /** Every article file's SHA-256, by path (what the build cache's articles are keyed by). */
  digests: Map<string, string>;
  stamps: Map<string, Stamp>;
  /** The blob id in git of each file known to hold the bytes of its digest. */
  blobs: Map<string, string>;
  /** How many files were read to be hashed. */
  read: number;
}

/**
 * From this size of `built.json` on (about 200 bytes per article: 20,000 articles) the files are
 * stat-ed on a second thread while it is read (article-stamps.ts). At 10,000 articles the thread's
 * start cost as much as it overlapped (0.90 s against 0.87 s for a build with nothing to do); at
 * 100,000 it saves 0.4 s (2.24 s against 2.66 s).
 */
const THREADED_FROM_BYTES = 4_000_000;

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
 * Whether git will likely be asked, judged from a sample of the files before the full pass (`noted`:
 * each noted file's entry in `built`). Git is then asked at once, beside the full pass (about 0.45 s
 * sooner after a fresh clone of 100,000 articles). A wrong guess costs git's time on the other core.
 */
function gitLikelyAsked(
  { files, stats }: ArticleStamps,
  built: BuiltFrom | undefined,
  noted: Map<string, number>,
): boolean {
  if (built === undefined) return files.length > 0;
  const step = Math.max(1, Math.floor(files.length / SAMPLE));
  let looked = 0;
  let unsettled = 0;
  for (let f = 0; f < files.length; f += step) {
    looked++;
    const i = noted.get(files[f]!);
    if (i === undefined || !stampHolds(built, i, stats, f)) unsettled++;
  }
  return unsettled > looked * ASK_GIT_ABOVE;
}

/**
 * Hashes every article file, but those whose stamp, or else whose blob id in git (files git holds
 * clean, asked only when many stamps are new), is the one noted with their digest in `built`.
 * Stamps are compared as numbers: no string is made for 100,000 unchanged files. A file read is
 * noted with git's blob id only if that is the id of the bytes read.
 */
async function digestArticleFiles(
  { files, stats }: ArticleStamps,
  built: BuiltFrom | undefined,
  articlesDir: string,
): Promise<ArticleDigests> {
  const noted = new Map(built?.files.map((file, i) => [file, i]));
  const asked = gitLikelyAsked({ files, stats }, built, noted) ? cleanBlobIds(articlesDir) : undefined;
  const digests = new Map<string, string>();
  const stamps = new Map<string, Stamp>();
  const blobs = new Map<string, string>();
  const settled = Date.now() - SETTLED_MS;
  /** Files whose stamp says nothing: their index in `files`, and in `built` (-1 for none). */
  const unsettled: [f: number, i: number][] = [];
  files.forEach((file, f) => {
    const [size, mtimeMs, ctimeMs, ino] = [
      stats[4 * f]!,
      stats[4 * f + 1]!,
      stats[4 * f + 2]!,
      stats[4 * f + 3]!,
    ];
    const stamp: Stamp = ctimeMs < settled ? [size, mtimeMs, ctimeMs, ino] : null;
    stamps.set(file, stamp);
    const i = noted.get(file);
    if (built === undefined || i === undefined || stamp === null || !stampHolds(built, i, stats, f)) {
      unsettled.push([f, i ?? -1]);
      return;
    }
    digests.set(file, digestAt(built, i));
    if (built.blobs[i]) blobs.set(file, built.blobs[i]);
  });
  const gitBlobs =
    unsettled.length > files.length * ASK_GIT_ABOVE
      ? await (asked ?? cleanBlobIds(articlesDir))
      : new Map<string, string>();
  let read = 0;
  for (const [f, i] of unsettled) {
    const file = files[f]!;
    const blob = gitBlobs.get(file);
    if (built !== undefined && i >= 0 && blob !== undefined && blob === built.blobs[i]) {
      digests.set(file, digestAt(built, i));
      blobs.set(file, blob);
      continue;
    }
    const bytes = readFileSync(file);
    read++;
    digests.set(file, sourceDigest(bytes));
    if (blob !== undefined && gitBlobId(bytes, blob.length) === blob) blobs.set(file, blob);
  }
  return { digests, stamps, blobs, read };
}

/**
 * Up to date; or not, with every article file's digest and, when the output folder is the one the
 * last build wrote (its manifest is the one noted), that manifest: the build then updates the output
 * in place (src/pages/live-output.ts).
 */
export type UpToDate =
  { upToDate: true; read: number } | ({ upToDate: false; liveManifest?: BuildManifest } & ArticleDigests);

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
  const threaded = (statSync(builtPath, { throwIfNoEntry: false })?.size ?? 0) >= THREADED_FROM_BYTES;
  const articlesDir = path.join(options.contentDir, "articles");
  const statting = stampArticleFiles(articlesDir, { threaded });
  // Awaited below; this only keeps a failure from counting as unhandled if reading fails first.
  statting.catch(() => {});
  const kept = readCheckedFile(builtPath);
  const built = typeof kept === "string" ? undefined : asBuiltFrom(kept.value);
  const liveManifest = trustedManifest(options, built);
  const found = await digestArticleFiles(await statting, built, articlesDir);
  const { digests } = found;
  const same =
    built !== undefined &&
    liveManifest !== undefined &&
    JSON.stringify(built.key) === JSON.stringify(key) &&
    built.search === options.search &&
    built.files.length === digests.size &&
    built.files.every((file, i) => digests.get(file) === digestAt(built, i)) &&
    built.clock ===
      clockFacts(
        built.files.map((_, i) => datesAt(built, i)),
        options.now,
      );
  if (same) return { upToDate: true, read: found.read };
  return {
    upToDate: false,
    ...found,
    liveManifest: liveManifest && (JSON.parse(liveManifest.toString()) as BuildManifest),
  };
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
  { digests, stamps, blobs }: ArticleDigests,
): void {
  const clock = clockFacts(
    files.map(([, , dates]) => dates),
    options.now,
  );
  const built: BuiltFrom = {
    format: FORMAT,
    key,
    output: options.outputDir,
    search: options.search,
    files: files.map(([file]) => file),
    digests: files.map(([, digest]) => digest).join(""),
    dates: files.flatMap(([, , [draft, published, expires]]) => [draft ? 1 : 0, published, expires]),
    stamps: files.flatMap(([file]) => stamps.get(file) ?? [null, null, null, null]),
    // A file loaded with other bytes than the check hashed (saved in between) keeps no blob id.
    blobs: files.map(([file, digest]) => (digests.get(file) === digest && blobs.get(file)) || ""),
    clock,
    manifest,
  };
  writeCheckedFile(builtFile(cacheDir), built);
}
