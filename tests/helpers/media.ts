/**
 * A content folder holding photos in `media/`, and an empty image cache beside it, for tests of
 * image resizing and of rendering articles with photos; removed when the test file finishes:
 *   const options = await mediaFolder({ "peony.jpg": await testPhoto(1200, 800) });
 *   await prepareImage(options.files[0]!, options);
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ImageOptions } from "../../src/images/responsive-image.ts";
import { tempDir } from "./temp-dir.ts";

export async function mediaFolder(
  photos: Record<string, Buffer | string>,
): Promise<ImageOptions & { files: string[] }> {
  const root = await tempDir("heze-media-");
  const contentDir = path.join(root, "content");
  await mkdir(path.join(contentDir, "media"), { recursive: true });
  const files = Object.keys(photos).map((name) => path.join(contentDir, "media", name));
  await Promise.all(Object.values(photos).map((bytes, i) => writeFile(files[i]!, bytes)));
  return { contentDir, cacheDir: path.join(root, "cache"), files };
}
