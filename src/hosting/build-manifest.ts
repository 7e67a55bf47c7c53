/**
 * The build manifest, `build-manifest.json` at the site root: every other file of the site with its
 * size and SHA-256, and when the site must next be built. The build writes it last
 * (src/build/write-manifest.ts); the publisher compares it with the copy stored in the bucket to
 * upload only what changed, and stores it there last; CI reads `nextRebuild`.
 *   { "version": 1, "baseUrl": "https://www.heze.cn", "nextEmbargo": null, "nextRebuild": null,
 *     "files": { "index.html": { "size": 5210, "sha256": "9f2c…" }, … } }
 * It holds no build time, so that the same content always builds the same bytes.
 */
import { z } from "zod";

const fileEntry = z.object({ size: z.int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const buildManifestSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string(),
  /** When the next embargoed article goes live, or null. */
  nextEmbargo: z.string().nullable(),
  /** When the site must next be built: that embargo or an article's expiry, whichever is first. */
  nextRebuild: z.string().nullable(),
  files: z.record(z.string(), fileEntry),
  /** Written by the publisher only: hashed assets no longer used, and since when (src/publish/plan.ts). */
  retired: z.record(z.string(), z.string()).optional(),
});

export type BuildManifest = z.infer<typeof buildManifestSchema>;
export type ManifestEntry = z.infer<typeof fileEntry>;

/**
 * A manifest's text, as the build writes it and the publisher stores it: compact JSON, read by
 * programs (the publisher, CI's `jq`). Indented, it took 0.2 s (search off) to 0.45 s (search on)
 * more to write at 100,000 articles.
 */
export function formatBuildManifest(manifest: BuildManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/** A manifest as read from the live output: parsed, and its text (which the next one patches). */
export interface LiveManifest {
  manifest: BuildManifest;
  text: string;
}

/** What a manifest says besides its files. */
export type ManifestHeader = Pick<BuildManifest, "version" | "baseUrl" | "nextEmbargo" | "nextRebuild">;

/** The text before the first file's entry: `{"version":1,…,"files":{`. */
const openingOf = ({ version, baseUrl, nextEmbargo, nextRebuild }: ManifestHeader): string =>
  JSON.stringify({ version, baseUrl, nextEmbargo, nextRebuild, files: {} }).slice(0, -2);

/**
 * One file's entry as `JSON.stringify` writes it in a manifest:
 * `"index.html":{"size":5210,"sha256":"9f2c…"}`.
 */
const entryText = (file: string, { size, sha256 }: ManifestEntry): string =>
  `${JSON.stringify(file)}:{"size":${size},"sha256":"${sha256}"}`;

/** The length of an entry's text, less its file's quoted name, size digits and digest. */
const ENTRY_FIXED = entryText("", { size: 0, sha256: "" }).length - 3;
/** What JSON writes escaped, so that a file's quoted name is longer than the name and its quotes. */
// eslint-disable-next-line no-control-regex -- the characters JSON escapes are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** entryText's length, without writing the text (230,000 entries at 100,000 articles). */
function entryLength(file: string, { size, sha256 }: ManifestEntry): number {
  let digits = 1;
  for (let rest = size; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  const quoted = ESCAPED.test(file) ? JSON.stringify(file).length : file.length + 2;
  return quoted + ENTRY_FIXED + digits + sha256.length;
}

/**
 * The text formatBuildManifest gives the manifest that `changes` make of `old`, without writing
 * every entry anew: the runs of unchanged entries are copied from `oldText`, old's text. `changes`
 * holds each file whose entry is new or different, and null for each file gone; the files of both
 * are in sorted order (the build lists them sorted: src/build/headers-file.ts), so that the text is
 * the one the whole manifest gives. At 100,000 articles, writing the 230,000 entries anew took a
 * warm build about a second. Undefined when `oldText` is not as formatBuildManifest wrote `old`
 * (every copied run is checked where it starts, and the entries' lengths where the last one ends):
 * format the whole manifest then.
 */
export function patchManifestText(
  old: BuildManifest,
  oldText: string,
  header: ManifestHeader,
  changes: ReadonlyMap<string, ManifestEntry | null>,
): string | undefined {
  const opening = openingOf(old);
  if (!oldText.startsWith(opening) || !oldText.endsWith("}}\n")) return undefined;
  const changed = [...changes.keys()].sort();
  const pieces: string[] = [];
  let c = 0;
  /** Where the entry being looked at starts, and where the run of entries being copied began (-1: none). */
  let offset = opening.length;
  let run = -1;
  const endRun = () => {
    // The run ends before the comma that precedes this entry.
    if (run >= 0) pieces.push(oldText.slice(run, offset - 1));
    run = -1;
  };
  const put = (file: string) => {
    const entry = changes.get(file);
    if (entry) pieces.push(entryText(file, entry));
  };
  for (const file in old.files) {
    const entry = old.files[file]!;
    for (; c < changed.length && changed[c]! < file; c++) {
      endRun();
      put(changed[c]!);
    }
    if (changed[c] === file) {
      endRun();
      put(file);
      c++;
    } else if (run < 0) {
      if (!oldText.startsWith(entryText(file, entry), offset)) return undefined;
      run = offset;
    }
    offset += entryLength(file, entry) + 1;
  }
  // The last entry ends where the files close: `}}\n`.
  if (offset - 1 !== oldText.length - 3) return undefined;
  endRun();
  for (; c < changed.length; c++) put(changed[c]!);
  return `${openingOf(header)}${pieces.join(",")}}}\n`;
}

/** Parses a manifest's text; throws a zod error when it is not one. */
export function parseBuildManifest(text: string): BuildManifest {
  return buildManifestSchema.parse(JSON.parse(text));
}
