/**
 * A build manifest read from its text, as formatBuildManifest writes it (build-manifest.ts): each
 * file's entry found where it stands in the text, with no object made per file. The live output's
 * manifest is read this way by every warm build (src/pages/live-output.ts): at 100,000 articles it
 * lists 230,000 files, and parsing it into objects, listing and sorting its keys, and walking them
 * again to patch the text cost about half a second of each build.
 *   const live = ManifestText.read(text);    // undefined unless the text is as the build writes it
 *   live.files[0] → "404.html";  live.entry(0) → { size: 5210, sha256: "9f2c…" }
 *   live.patch(header, changes) → the text formatBuildManifest gives the changed manifest
 */
import { firstAtLeast } from "../util/first-at-least.ts";
import type { ManifestEntry, ManifestHeader } from "./build-manifest.ts";

/** The text before the first file's entry: `{"version":1,…,"files":{`. */
const openingOf = ({ version, baseUrl, nextEmbargo, nextRebuild }: ManifestHeader): string =>
  JSON.stringify({ version, baseUrl, nextEmbargo, nextRebuild, files: {} }).slice(0, -2);

/**
 * One file's entry as `JSON.stringify` writes it in a manifest:
 * `"index.html":{"size":5210,"sha256":"9f2c…"}`.
 */
export const entryText = (file: string, { size, sha256 }: ManifestEntry): string =>
  `${JSON.stringify(file)}:{"size":${size},"sha256":"${sha256}"}`;

const FILES_OPEN = ',"files":{';
const NAME_END = '":{"size":';
const SIZE_END = ',"sha256":"';
const DIGEST_LENGTH = 64;
const ENTRY_END = '"}';
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * A file's name as its quoted text in a manifest gives it, if that text is the one `JSON.stringify`
 * writes for the name (a name that needs no escape, the common case, is taken as it stands).
 */
function nameOf(quoted: string): string | undefined {
  if (!quoted.includes("\\")) return quoted.slice(1, -1);
  try {
    const name: unknown = JSON.parse(quoted);
    return typeof name === "string" && JSON.stringify(name) === quoted ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A size as the text writes it, if it is how a number of bytes is written. */
function sizeOf(text: string): number | undefined {
  const size = Number(text);
  return Number.isSafeInteger(size) && size >= 0 && String(size) === text ? size : undefined;
}

export class ManifestText {
  readonly text: string;
  /** The files' site paths, in the text's order: sorted. */
  readonly files: readonly string[];
  /** Where each file's entry starts in `text`, and one more: where the one after the last would start. */
  readonly #starts: Int32Array;
  readonly #sizes: Float64Array;

  private constructor(text: string, files: string[], starts: Int32Array, sizes: Float64Array) {
    this.text = text;
    this.files = files;
    this.#starts = starts;
    this.#sizes = sizes;
  }

  /**
   * The manifest in `text`, if the text is as formatBuildManifest writes one: compact, its entries
   * sorted and each written as `entryText` writes it, and no `retired` (which only the publisher
   * writes). Only then does `patch` give the text formatBuildManifest would.
   */
  static read(text: string): ManifestText | undefined {
    const open = text.indexOf(FILES_OPEN);
    if (open < 0 || !text.endsWith("}}\n") || !headerHolds(text.slice(0, open))) return undefined;
    /** Where the files close: the text ends `}}\n`. */
    const close = text.length - 3;
    const files: string[] = [];
    const starts: number[] = [];
    const sizes: number[] = [];
    let at = open + FILES_OPEN.length;
    while (at < close) {
      if (text.charCodeAt(at) !== QUOTE) return undefined;
      // A quote inside a name is written escaped, so the first `":{"size":` ends the name.
      const nameEnd = text.indexOf(NAME_END, at + 1);
      const file = nameEnd < 0 ? undefined : nameOf(text.slice(at, nameEnd + 1));
      if (file === undefined || (files.length > 0 && !(files.at(-1)! < file))) return undefined;
      const sizeStart = nameEnd + NAME_END.length;
      const sizeEnd = text.indexOf(SIZE_END, sizeStart);
      const size = sizeEnd < 0 ? undefined : sizeOf(text.slice(sizeStart, sizeEnd));
      const digestEnd = sizeEnd + SIZE_END.length + DIGEST_LENGTH;
      if (size === undefined || !text.startsWith(ENTRY_END, digestEnd)) return undefined;
      files.push(file);
      starts.push(at);
      sizes.push(size);
      at = digestEnd + ENTRY_END.length;
      if (at < close && text.charCodeAt(at++) !== COMMA) return undefined;
    }
    // A comma stands only between entries.
    if (at !== close || text.charCodeAt(close - 1) === COMMA) return undefined;
    // The entry before it ends one character earlier, where a comma would stand.
    starts.push(close + 1);
    return new ManifestText(text, files, Int32Array.from(starts), Float64Array.from(sizes));
  }

  /**
   * The row of the file at `sitePath` (its index in `files`), if the manifest lists it: a binary
   * search of the sorted paths. For the 125,000 pages a warm build at 100,000 articles looks up,
   * that took less than making a Map of the 230,000 paths did.
   */
  row(sitePath: string): number | undefined {
    const row = firstAtLeast(this.files, sitePath);
    return this.files[row] === sitePath ? row : undefined;
  }

  /** Where row's digest starts in the text. */
  #digestAt(row: number): number {
    return this.#starts[row + 1]! - 1 - ENTRY_END.length - DIGEST_LENGTH;
  }

  entry(row: number): ManifestEntry {
    const at = this.#digestAt(row);
    return { size: this.#sizes[row]!, sha256: this.text.slice(at, at + DIGEST_LENGTH) };
  }

  /** Whether row's entry is `expected`, without making it. */
  holds(row: number, expected: ManifestEntry): boolean {
    return this.#sizes[row] === expected.size && this.text.startsWith(expected.sha256, this.#digestAt(row));
  }

  /** The text of the entries of rows `from` to `to` (not included), as the manifest writes them. */
  entriesText(from: number, to: number): string {
    return this.text.slice(this.#starts[from]!, this.#starts[to]! - 1);
  }

  /**
   * The text formatBuildManifest gives this manifest with `header` and `changes`: each file whose
   * entry is new or different, and null for each file gone. The runs of unchanged entries are
   * copied from this text: at 100,000 articles, writing the 230,000 entries anew took a warm build
   * about a second.
   */
  patch(header: ManifestHeader, changes: ReadonlyMap<string, ManifestEntry | null>): string {
    const changed = [...changes.keys()].sort();
    const pieces: string[] = [];
    let c = 0;
    /** The row where the run of unchanged entries being copied began (-1: none). */
    let run = -1;
    const endRun = (row: number) => {
      if (run >= 0) pieces.push(this.entriesText(run, row));
      run = -1;
    };
    const put = (file: string) => {
      const entry = changes.get(file);
      if (entry) pieces.push(entryText(file, entry));
    };
    this.files.forEach((file, row) => {
      for (; c < changed.length && changed[c]! < file; c++) {
        endRun(row);
        put(changed[c]!);
      }
      if (changed[c] === file) {
        endRun(row);
        put(file);
        c++;
      } else if (run < 0) run = row;
    });
    endRun(this.files.length);
    for (; c < changed.length; c++) put(changed[c]!);
    return `${openingOf(header)}${pieces.join(",")}}}\n`;
  }
}

/** Whether the text before the files is a manifest's header, as formatBuildManifest writes it. */
function headerHolds(opening: string): boolean {
  try {
    return openingOf(JSON.parse(`${opening}}`) as ManifestHeader) === `${opening}${FILES_OPEN}`;
  } catch {
    return false;
  }
}
