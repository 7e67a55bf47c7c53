/**
 * The files of a built site, as site-relative POSIX paths (`css/site.css`, `bendi/index.html`),
 * sorted, so that every step and the publisher name files the same way on every platform.
 */
import { listFiles } from "../files/list-files.ts";

export async function listSiteFiles(dir: string): Promise<string[]> {
  return listFiles(dir);
}
