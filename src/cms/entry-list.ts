/**
 * The web editor's article list, answered by the local proxy (src/cms/local-proxy.ts) in place of
 * decap-server: newest first by 发表时间, only the latest RECENT_ENTRIES unless `all` is asked for
 * (a search, public/admin/heze-editor.js), and each file cut to its front matter, which is all a list
 * or a search shows (Decap reads the whole file again when an article is opened). Decap renders
 * every entry it is given, so 10,000 entries took 17 s to open; 200 open at once.
 *   await listEntries("/repo", { folder: "content/articles", extension: "md", depth: 3 })
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseNewsroomDate } from "../articles/newsroom-time.ts";
import { listFiles } from "../files/list-files.ts";

/** How many articles the list shows before the editor searches: a few days of a newsroom's work. */
export const RECENT_ENTRIES = 200;

/** decap-server's `entriesByFolder` parameters, plus `all` for a search. */
export interface EntriesRequest {
  folder: string;
  extension: string;
  depth: number;
  all?: boolean;
}

/** One entry as decap-server sends it: the file's text and its repository path and hash. */
export interface ListedEntry {
  data: string;
  file: { path: string; id: string };
}

// The front matter block at the start of a file, and its date line.
const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
const DATE_LINE = /^date:[ \t]*(["']?)(.*?)\1[ \t]*$/m;

/** The publication time in milliseconds, or -Infinity when the file has none that parses (listed last). */
function publishedMs(frontMatter: string): number {
  const date = DATE_LINE.exec(frontMatter)?.[2];
  const parsed = parseNewsroomDate(date);
  return parsed.ok ? parsed.time.toMillis() : -Infinity;
}

/** The files of `folder` (repository-relative) with `extension`, at most `depth` levels down. */
function folderFiles(repoDir: string, folder: string, extension: string, depth: number): string[] {
  const dir = path.resolve(repoDir, folder);
  const inside = path.relative(repoDir, dir);
  if (inside.startsWith("..") || path.isAbsolute(inside))
    throw new Error(`${folder} is outside the repository`);
  let files: string[];
  try {
    files = listFiles(dir);
  } catch {
    return []; // no such folder yet: an empty collection, as decap-server answers
  }
  return files
    .filter((file) => file.endsWith(`.${extension}`) && file.split("/").length <= depth)
    .map((file) => path.posix.join(folder, file));
}

export async function listEntries(repoDir: string, request: EntriesRequest): Promise<ListedEntry[]> {
  const files = folderFiles(repoDir, request.folder, request.extension, request.depth);
  const read = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(path.join(repoDir, file));
      const text = bytes.toString("utf8");
      const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? text;
      return {
        entry: {
          data: frontMatter,
          file: { path: file, id: createHash("sha256").update(bytes).digest("hex") },
        },
        time: publishedMs(frontMatter),
      };
    }),
  );
  read.sort((a, b) => b.time - a.time || a.entry.file.path.localeCompare(b.entry.file.path));
  const shown = request.all ? read : read.slice(0, RECENT_ENTRIES);
  return shown.map(({ entry }) => entry);
}
