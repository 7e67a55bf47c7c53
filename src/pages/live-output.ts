/**
 * Updating the live output in place. When the output folder is the one the last build wrote (its
 * build manifest is the one noted in the build cache: up-to-date.ts), a build does not make a whole
 * new site beside it: the staging folder receives only what this build rendered or wrote (pages
 * whose inputs changed, Eleventy's few pages, assets, changed search bundles, `_headers`, the
 * manifest), and every other file of the new site is one the live output already holds with the same
 * bytes (`LiveOutput.keep`). Once every step succeeded, the files that differ are moved into the live
 * folder and those the new site no longer has are removed (`updateInPlace`). At 100,000 articles that
 * is a few dozen file operations where a fresh site was 125,000 links and a 125,000-file removal
 * (docs/decisions/008-warm-builds.md).
 *
 * All or nothing, through a journal: the list of moves and removals is written into the staging
 * folder (whole, with a checksum: src/util/checked-file.ts) before the first of them, and the
 * manifest is moved last. A build stopped half-way through leaves the journal, and the next build
 * carries it out to the end before anything else (`finishInterruptedUpdates`); a build that fails
 * before the journal changes nothing live. Without a trusted live output, the build writes a whole
 * site and swaps it in (src/build/build-site.ts).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { entryText, type ManifestText } from "../hosting/manifest-text.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";
import { firstAtLeast } from "../util/first-at-least.ts";
import { sha256 } from "../util/sha256.ts";
import { buildFoldersBeside } from "../util/stale-build-folders.ts";

/**
 * What a new site changes of the live one, by site path: a file's new entry (new or changed
 * bytes), or null for a file gone (src/build/write-manifest.ts).
 */
export type ManifestChanges = Map<string, ManifestEntry | null>;

/**
 * One digest for a set of files (name and entry each), whatever their order: a search bundle's files
 * as its cache entry recorded them. It is the digest of their entries' text as a manifest writes them,
 * in order and with their names below their folder, which `LiveOutput.keepFolder` takes from the
 * live manifest's text as it stands.
 */
export function listingDigest(files: [name: string, entry: ManifestEntry][]): string {
  const sorted = files.every(([name], i) => i === 0 || files[i - 1]![0] < name)
    ? files
    : [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(sorted.map(([name, entry]) => entryText(name, entry)).join(","));
}

/** The live output as its manifest describes it, and the files of it the new site keeps as they are. */
export class LiveOutput {
  readonly dir: string;
  /** The live manifest: the new manifest patches its text (src/build/write-manifest.ts). */
  readonly manifest: ManifestText;
  readonly #kept = new Set<string>();

  constructor(dir: string, manifest: ManifestText) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /** The live file's entry, if the live output has this file. */
  entry(sitePath: string): ManifestEntry | undefined {
    const row = this.manifest.row(sitePath);
    return row === undefined ? undefined : this.manifest.entry(row);
  }

  /**
   * Keeps the live file at `sitePath` in the new site, unwritten, if it holds these bytes (or any
   * bytes, for `"as-is"`: a file whose content the caller knows is unchanged). Says whether it did.
   */
  keep(sitePath: string, expected: ManifestEntry | "as-is"): boolean {
    const row = this.manifest.row(sitePath);
    if (row === undefined || (expected !== "as-is" && !this.manifest.holds(row, expected))) return false;
    this.#kept.add(sitePath);
    return true;
  }

  /**
   * Keeps every live file under `folder` (`pagefind/2026-h1`), if they are exactly the files whose
   * names below it and entries give `listing` (listingDigest); says whether it did. The folder's
   * files are found in the manifest's sorted paths, and their entries digested as the manifest's
   * text writes them, without an entry made for each.
   */
  keepFolder(folder: string, listing: string): boolean {
    const prefix = `${folder}/`;
    const paths = this.files();
    const low = firstAtLeast(paths, prefix);
    let end = low;
    while (end < paths.length && paths[end]!.startsWith(prefix)) end++;
    if (end === low) return false;
    // Each name written as it is below the folder: `"pagefind/2026-h1/pagefind.js"` → `"pagefind.js"`.
    const quotedPrefix = JSON.stringify(prefix).slice(0, -1);
    const entries = this.manifest.entriesText(low, end).replaceAll(quotedPrefix, '"');
    if (sha256(entries) !== listing) return false;
    for (let row = low; row < end; row++) this.#kept.add(paths[row]!);
    return true;
  }

  /** Site paths of every live file, sorted. */
  files(): readonly string[] {
    return this.manifest.files;
  }

  /** Site paths of the live files the new site keeps. */
  get kept(): ReadonlySet<string> {
    return this.#kept;
  }

  /** Where a file of the new site is now: in the staging folder, or kept in the live one. */
  locate(staging: string, sitePath: string): string {
    return path.join(this.#kept.has(sitePath) ? this.dir : staging, sitePath);
  }
}

/** The journal of one update: site paths to move from the staging folder, then to remove. */
interface Journal {
  moves: string[];
  removals: string[];
}

const JOURNAL = ".update-journal.json";

/** Removes `dir` and each parent that is left empty, up to (not including) `root`. */
function pruneEmpty(root: string, dir: string): void {
  for (let folder = dir; folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
    try {
      if (readdirSync(folder).length > 0) return;
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** Carries out a journal; each operation may already have been done by a build stopped half-way. */
function carryOut(staging: string, outputDir: string, { moves, removals }: Journal): void {
  const made = new Set<string>();
  for (const sitePath of moves) {
    const from = path.join(staging, sitePath);
    if (!existsSync(from)) continue;
    const to = path.join(outputDir, sitePath);
    const dir = path.dirname(to);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    renameSync(from, to);
  }
  for (const sitePath of removals) {
    const file = path.join(outputDir, sitePath);
    rmSync(file, { force: true });
    pruneEmpty(outputDir, path.dirname(file));
  }
  rmSync(path.join(staging, JOURNAL), { force: true });
}

/**
 * Makes the live output the new site: moves in every staged file that `changes` gives an entry
 * (its bytes differ from the live file's, or it is new), then the new manifest (staged too), and
 * removes the live files `changes` says are gone. Returns how many files were written and removed.
 */
export function updateInPlace(
  staging: string,
  live: LiveOutput,
  changes: ManifestChanges,
): { written: number; removed: number } {
  const moves: string[] = [];
  const removals: string[] = [];
  for (const file of [...changes.keys()].sort()) (changes.get(file) ? moves : removals).push(file);
  moves.push(MANIFEST_FILE);
  const journal: Journal = { moves, removals };
  writeCheckedFile(path.join(staging, JOURNAL), journal);
  carryOut(staging, live.dir, journal);
  return { written: moves.length, removed: removals.length };
}

/**
 * Finishes the update of a build stopped while it moved files into the live output: `stale` are the
 * staging folders of builds no longer running (src/util/stale-build-folders.ts). Says what became of
 * each journal found; the folders can then be removed like any stale folder. A journal that cannot be
 * carried out (its move fails again) leaves the output part old, part new: its manifest is removed,
 * so that no build trusts it, and the next one writes a whole new site and swaps it in.
 */
export function finishInterruptedUpdates(outputDir: string, stale: string[]): string[] {
  const said: string[] = [];
  for (const staging of stale) {
    // Written whole or not at all, with a checksum: a staging folder without a whole journal was
    // stopped before its first move, and is only removed.
    const read = readCheckedFile(path.join(staging, JOURNAL));
    if (typeof read === "string") continue;
    try {
      carryOut(staging, outputDir, read.value as Journal);
      said.push(`finished updating ${outputDir} from ${staging}, left by a build that was stopped`);
    } catch (error) {
      rmSync(path.join(outputDir, MANIFEST_FILE), { force: true });
      said.push(
        `could not finish the update of ${outputDir} a stopped build began (${(error as Error).message}): ` +
          "this build writes the whole site anew",
      );
    }
  }
  return said;
}

/**
 * The staging folders beside `outputDir` holding a journal not yet carried out: a build stopped while
 * it updated the output, which is then part old, part new until the next build finishes it. The
 * publisher refuses to send such an output (src/publish/publish.ts).
 */
export function unfinishedUpdates(outputDir: string): string[] {
  return buildFoldersBeside(outputDir)
    .filter(({ kind, folder }) => kind === "staging" && existsSync(path.join(folder, JOURNAL)))
    .map(({ folder }) => folder);
}
