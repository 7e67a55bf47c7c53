/**
 * The files of a built site, as site-relative POSIX paths (`css/site.css`, `bendi/index.html`),
 * sorted, so that every step and the publisher name files the same way on every platform.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}
