/**
 * Responsive article images. A source under `content/media/` is resized once into WebP variants
 * named by a hash of its bytes (`/img/3fa2c01b9e-960.webp`), kept in a cache folder between builds
 * and copied into the site with the pages that show them (src/pages/bulk-pages.ts). Hashed names
 * never change meaning, so the CDN may cache them for ever.
 */
import { randomUUID } from "node:crypto";
import { access, mkdir, readFile, realpath, rename, stat } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";
import {
  leadsOutOfMedia,
  linkOutOfMedia,
  malformedEscape,
  mediaNotFound,
  notAFile,
  notUnderMedia,
} from "../util/messages/media.ts";
import type { Text } from "../util/messages/text.ts";
import { sha256 } from "../util/sha256.ts";

export const IMAGE_WIDTHS = [480, 960, 1440];
export const MEDIA_PREFIX = "/media/";

export interface ResponsiveImage {
  /** URL of the largest variant. */
  src: string;
  width: number;
  height: number;
  variants: { url: string; width: number; file: string }[];
}

export interface ImageOptions {
  /** The folder holding `media/`. */
  contentDir: string;
  /** Where variants are kept between builds. */
  cacheDir: string;
}

/**
 * The file behind an article's `/media/...` path, or why there is none. The path is decoded first
 * (`%2e%2e` is `..`), then resolved with its symbolic links, then must still lie inside
 * `<contentDir>/media`: no spelling of a path and no link reads a file outside it.
 *   findMediaFile("/media/peony.jpg", "content") → { file: "/…/content/media/peony.jpg" }
 *   findMediaFile("/media/%2e%2e/site.yaml", "content") → { zh: "写的是 …，指到了 content/media 之外…", en: … }
 */
export async function findMediaFile(src: string, contentDir: string): Promise<{ file: string } | Text> {
  if (!src.startsWith(MEDIA_PREFIX)) return notUnderMedia(src);
  let name: string;
  try {
    name = decodeURIComponent(src.slice(MEDIA_PREFIX.length));
  } catch {
    return malformedEscape(src);
  }
  const mediaDir = path.resolve(contentDir, "media");
  const file = path.resolve(mediaDir, name);
  if (name.includes("\0") || !file.startsWith(mediaDir + path.sep)) return leadsOutOfMedia(src);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return mediaNotFound(src, path.relative(process.cwd(), file));
  }
  const realMediaDir = await realpath(mediaDir);
  if (!real.startsWith(realMediaDir + path.sep)) return linkOutOfMedia(src);
  if (!(await stat(real)).isFile()) return notAFile(src);
  return { file: real };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Resizes (or finds in the cache) the variants of one image; throws if the file cannot be read. */
export async function prepareImage(file: string, options: ImageOptions): Promise<ResponsiveImage> {
  // Loaded on first use: a build without photos does not pay sharp's start-up (60 ms).
  const { default: sharp } = await import("sharp");
  const bytes = await readFile(file);
  const hash = sha256(bytes).slice(0, 10);
  const meta = await sharp(bytes).rotate().metadata();
  const sourceWidth = meta.autoOrient?.width ?? meta.width ?? 0;
  const sourceHeight = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!sourceWidth || !sourceHeight) throw new Error("not an image sharp can read");
  const widths = IMAGE_WIDTHS.filter((w) => w < sourceWidth);
  widths.push(Math.min(sourceWidth, IMAGE_WIDTHS.at(-1) ?? sourceWidth));
  await mkdir(options.cacheDir, { recursive: true });
  const variants = await Promise.all(
    [...new Set(widths)].map(async (width) => {
      const name = `${hash}-${width}.webp`;
      const cached = path.join(options.cacheDir, name);
      if (!(await exists(cached))) {
        // Written aside, then renamed: articles sharing a photo may resize it at the same time.
        const partial = `${cached}.${process.pid}-${threadId}-${randomUUID()}.partial`;
        await sharp(bytes).rotate().resize({ width }).webp({ quality: 78 }).toFile(partial);
        await rename(partial, cached);
      }
      return { url: `/img/${name}`, width, file: cached };
    }),
  );
  const largest = variants.at(-1)!;
  return {
    src: largest.url,
    width: largest.width,
    height: Math.round((sourceHeight * largest.width) / sourceWidth),
    variants,
  };
}
