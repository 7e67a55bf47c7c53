/**
 * The web editor's article list, answered by the local proxy (src/cms/local-proxy.ts) in place of
 * decap-server: newest first by 发表时间, only the latest RECENT_ENTRIES, and each file cut to its
 * front matter, which is all a list or a search shows (Decap reads the whole file again when an
 * article is opened). Decap parses and renders every entry it is given: 10,000 took 17 s to open, a
 * search over them 8 s; 100 open at once (each entry Decap renders costs about 5 ms). A search
 * (public/admin/heze-editor.js) sends its words, and gets the latest RECENT_ENTRIES articles whose
 * front matter has them all; `all` gets every entry.
 */
import { readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { parseNewsroomDate } from "../content/newsroom-time.ts";
import { listFiles } from "../util/list-files.ts";
import { sha256 } from "../util/sha256.ts";

/** How many articles the list shows before the editor searches: a few days of a newsroom's work. */
export const RECENT_ENTRIES = 100;

/** decap-server's `entriesByFolder` parameters, plus `all` (every entry) and `search` (a search's words). */
export interface EntriesRequest {
  folder: string;
  extension: string;
  depth: number;
  all?: boolean;
  search?: string;
}

/** The entries whose front matter has every word of `search` (any case), or all of them. */
function matching(read: Read[], search: string | undefined): Read[] {
  const words = (search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return read;
  return read.filter(({ entry }) => {
    const text = entry.data.toLowerCase();
    return words.every((word) => text.includes(word));
  });
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

/** The folder's absolute path; a folder outside the repository is refused. */
function folderPath(repoDir: string, folder: string): string {
  const dir = path.resolve(repoDir, folder);
  const inside = path.relative(repoDir, dir);
  if (inside.startsWith("..") || path.isAbsolute(inside))
    throw new Error(`${folder} is outside the repository`);
  return dir;
}

/** The files below `dir` with `extension`, relative to it; none when it does not exist (yet). */
function folderFiles(dir: string, extension: string): string[] {
  try {
    return listFiles(dir).filter((file) => file.endsWith(`.${extension}`));
  } catch {
    return []; // no such folder yet: an empty collection, as decap-server answers
  }
}

interface Read {
  mtimeMs: number;
  size: number;
  entry: ListedEntry;
  time: number;
}

/** A channel's name for a `section` value that is a slug (`shehui` → 社会热点); undefined otherwise. */
export type ChannelName = (section: string) => string | undefined;

// A `section` line whose value may be a slug.
const SECTION_LINE = /^section:[ \t]*(["']?)([a-z][a-z0-9-]*)\1[ \t]*$/m;

/**
 * One file, read whole (its hash is decap-server's id) and cut to its front matter. A channel written
 * as its slug is listed by its name, as the form shows it, so the list's 栏目 reads alike for every
 * article and a search for 社会热点 finds both (the file itself is read again, unchanged, to edit it).
 */
function readEntry(full: string, file: string, channelName: ChannelName): Read {
  const { mtimeMs, size } = statSync(full);
  const bytes = readFileSync(full);
  const text = bytes.toString("utf8");
  const frontMatter = (FRONT_MATTER.exec(text)?.[0] ?? text).replace(
    SECTION_LINE,
    (line, _quote, slug: string) => {
      const name = channelName(slug);
      return name ? `section: ${name}` : line;
    },
  );
  const id = sha256(bytes);
  return {
    mtimeMs,
    size,
    entry: { data: frontMatter, file: { path: file, id } },
    time: publishedMs(frontMatter),
  };
}

/** What is known of one folder: its entries by path (relative to it) and what changed since. */
interface Folder {
  dir: string;
  reads: Map<string, Read>;
  /** Newest first; undefined after a change. */
  sorted?: Read[];
  /** Paths the watcher reported since the last list. */
  changed: Set<string>;
  /** Walk the whole folder at the next list (first list, a lost watcher, a new or removed folder). */
  rescan: boolean;
  watcher?: FSWatcher;
}

/** Reads `file` again when its size or time changed; forgets it when it is gone. */
function refreshFile(folder: Folder, file: string, repoPath: string, channelName: ChannelName): void {
  const full = path.join(folder.dir, file);
  const stats = statSync(full, { throwIfNoEntry: false });
  const known = folder.reads.get(file);
  if (!stats?.isFile()) {
    folder.reads.delete(file);
  } else if (!known || known.mtimeMs !== stats.mtimeMs || known.size !== stats.size) {
    folder.reads.set(file, readEntry(full, repoPath, channelName));
  }
}

/**
 * The list for one repository. Each folder is walked and read once; then a watcher reports what
 * changes (the web editor's saves, a git pull, another editor), and only that is read again. A walk
 * with a stat per file cost 0.25 to 1 s for 10,000 articles on this busy machine, reading them all
 * 0.5 to 3 s. Synchronous reads, on purpose: 10,000 promised reads at once were five times slower.
 *   const list = entryList("/repo"); list({ folder: "content/articles", extension: "md", depth: 3 })
 */
export function entryList(
  repoDir: string,
  channelName: ChannelName = () => undefined,
): {
  list(request: EntriesRequest): ListedEntry[];
  close(): void;
} {
  const folders = new Map<string, Folder>();

  /** Watches the folder from now on; without it (no folder yet, a watcher error) every list walks it. */
  function watchFolder(folder: Folder): void {
    // Node 24 watches a missing folder without a word (Node 20 threw): walk it until it exists.
    if (!statSync(folder.dir, { throwIfNoEntry: false })?.isDirectory()) return;
    try {
      const watcher = watch(folder.dir, { recursive: true }, (_event, name) => {
        if (name) folder.changed.add(name.split(path.sep).join("/"));
        else folder.rescan = true;
      });
      watcher.on("error", () => {
        watcher.close();
        folder.watcher = undefined;
      });
      folder.watcher = watcher;
    } catch {
      folder.watcher = undefined;
    }
  }

  function folderFor(request: EntriesRequest): Folder {
    const key = `${request.folder}\0${request.extension}`;
    let folder = folders.get(key);
    if (!folder) {
      folder = {
        dir: folderPath(repoDir, request.folder),
        reads: new Map(),
        changed: new Set(),
        rescan: true,
      };
      folders.set(key, folder);
    }
    return folder;
  }

  function refresh(folder: Folder, request: EntriesRequest): void {
    const repoPath = (file: string) => path.posix.join(request.folder, file);
    // A reported folder (new, renamed, removed) may hold files the watcher did not report one by one.
    const folderChanged = [...folder.changed].some((name) => !name.endsWith(`.${request.extension}`));
    if (folder.rescan || !folder.watcher || folderChanged) {
      if (!folder.watcher) watchFolder(folder); // before the walk, so nothing changes unseen
      const files = folderFiles(folder.dir, request.extension);
      const present = new Set(files);
      for (const file of folder.reads.keys()) if (!present.has(file)) folder.reads.delete(file);
      for (const file of files) refreshFile(folder, file, repoPath(file), channelName);
      folder.rescan = false;
      folder.sorted = undefined;
    } else if (folder.changed.size > 0) {
      for (const file of folder.changed) refreshFile(folder, file, repoPath(file), channelName);
      folder.sorted = undefined;
    }
    folder.changed.clear();
  }

  return {
    list(request) {
      const folder = folderFor(request);
      refresh(folder, request);
      folder.sorted ??= [...folder.reads.values()].sort(
        (a, b) => b.time - a.time || a.entry.file.path.localeCompare(b.entry.file.path),
      );
      const deep = (read: Read) =>
        read.entry.file.path.slice(request.folder.length + 1).split("/").length <= request.depth;
      // A search gets the latest matches: Decap then ranks them and renders each, so not thousands.
      const found = matching(folder.sorted.filter(deep), request.search);
      const shown = request.all && !request.search ? found : found.slice(0, RECENT_ENTRIES);
      return shown.map(({ entry }) => entry);
    },
    close() {
      for (const folder of folders.values()) folder.watcher?.close();
      folders.clear();
    },
  };
}
