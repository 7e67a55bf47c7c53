/**
 * Every file below a folder as sorted, site-relative POSIX paths: `listFiles("_site")` gives
 * `["bendi/index.html", "css/site.css", …]`. A synchronous walk, on purpose: Node 20's recursive
 * `fs.promises.readdir` took 680 ms for a 12,000-file site where this takes about 100 ms.
 * Symbolic links are not followed; given `links`, the walk puts each one it meets there, sorted.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export function listFiles(dir: string, links?: string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) found.push(prefix + entry.name);
      else if (entry.isSymbolicLink()) links?.push(prefix + entry.name);
    }
  };
  walk(dir, "");
  links?.sort();
  return found.sort();
}

/**
 * What `path.join(dir, file)` puts before `file`, for a relative POSIX path with no `.`, `..` or
 * empty part (one `listFiles` gives, or one git lists): joining by concatenation then gives what
 * `path.join` gives, where calling it for each of 100,000 files took 0.1 to 0.6 s of every build.
 *   joinedPrefix("content/articles") + "bendi/a.md"   // "content/articles/bendi/a.md"
 */
export const joinedPrefix = (dir: string): string => path.join(dir, "x").slice(0, -1);
