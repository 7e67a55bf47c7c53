/**
 * The build cache's article bodies (their rendered html) and shown fields (recalled-article.ts),
 * kept apart from the articles index so that a warm build parses only what places each article and
 * reads the rest only when a page showing it is rendered again: feeds, and the pages of changed
 * articles. Each shard of the index has one body file, its articles' texts back to back, named by
 * the SHA-256 of its bytes (`articles/07.3f2a…html`); the index names it and gives each text its
 * byte range and the CRC-32 of those bytes.
 *   const { ranges } = writeBodies(dir, "07", ["<p>…</p>", '{"title":…}', …]);  // { name, size, ranges }
 *   const html = readKeptText(store, ranges[0]);                 // reads 1 range, checked
 * Damage is never trusted: a body file missing or of the wrong size makes the shard's index unusable
 * when the cache is opened (a cold build, said in one line); a range whose bytes fail their CRC-32
 * fails the build there, loudly, after setting the shard's index aside so the next build is cold.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { sha256 } from "../util/sha256.ts";

/** Where one text lies in its shard's body file. */
export type BodyRange = [offset: number, length: number, crc32: number];

/**
 * A shard's body file, open (`fd`), as its index names it, and the index that must be set aside if
 * it is damaged.
 */
export interface BodyStore {
  fd: number;
  file: string;
  index: string;
}

/** What the index notes of the body file it was written with. */
export interface BodyFile {
  name: string;
  size: number;
}

/** Writes `texts` into one new file in `dir` (whole, or not at all); the ranges are in their order. */
export function writeBodies(
  dir: string,
  prefix: string,
  texts: string[],
): BodyFile & { ranges: BodyRange[] } {
  const buffers = texts.map((text) => Buffer.from(text));
  const bytes = Buffer.concat(buffers);
  let offset = 0;
  const ranges = buffers.map((buffer): BodyRange => {
    const range: BodyRange = [offset, buffer.length, crc32(buffer)];
    offset += buffer.length;
    return range;
  });
  const name = `${prefix}.${sha256(bytes).slice(0, 16)}.html`;
  const temporary = path.join(dir, `${name}.${process.pid}.tmp`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(temporary, bytes);
  renameSync(temporary, path.join(dir, name));
  return { name, size: bytes.length, ranges };
}

/**
 * Opens the body file an index names, if it is there and whole as far as its size tells. It stays
 * open until `closeBodies`: a build that replaces the file meanwhile (another process, while the
 * preview holds articles from it) cannot take a body from under a reader.
 */
export function openBodies(file: string, size: number, index: string): BodyStore | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    if (fstatSync(fd).size === size) return { fd, file, index };
  } catch {
    // Missing or unreadable: damaged, as a file of the wrong size is.
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

export function closeBodies(store: BodyStore): void {
  closeSync(store.fd);
}

/** One text, read from its range alone and checked; damage throws (see above). */
export function readKeptText(store: BodyStore, [offset, length, crc]: BodyRange): string {
  const bytes = Buffer.alloc(length);
  let read = 0;
  try {
    read = readSync(store.fd, bytes, 0, length, offset);
  } catch {
    // A read that fails is damage too (a closed store, a failing disk).
  }
  if (read === length && crc32(bytes) === crc) return bytes.toString();
  // An empty index is a damaged one: the next build ignores the shard, so every article, and rebuilds it.
  writeFileSync(store.index, "");
  throw new Error(
    `heze-press: the build cache is damaged (${store.file}, bytes ${offset} to ${offset + length}): ` +
      `it is set aside; build again / 构建缓存已损坏，已作废，请重新构建`,
  );
}
