/**
 * Watches a folder and every folder below it, with one `fs.watch` per folder: a folder's watch hears
 * its files change, so watching 100,000 article files costs a listing of the tree (0.2 s). Node's
 * recursive watch sets up a watch per file on Linux (2.7 s for 100,000 files, on the main thread),
 * and Eleventy's watcher (chokidar) watched and stat-ed each file: about 30 s.
 * Each path that changed (a file written, added, removed or renamed; a folder added or removed) is
 * reported once it has been quiet for `settleMs`, so that a file being written is reported once,
 * whole. A new folder is watched, and each file already in it reported. A file that came and went
 * between two looks (`sed -i`'s temporary file, vim's `4913`) is not reported: nothing changed.
 * Hidden names (`.git`, an editor's `.foo.md.swp`) are neither watched nor reported.
 *   const watcher = watchTree("content", (file) => rebuild(file)); … watcher.close();
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface TreeWatcher {
  close(): void;
}

const hidden = (file: string) => path.basename(file).startsWith(".");

export function watchTree(root: string, changed: (file: string) => void, settleMs = 50): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  /** The files and folders below `root` as last seen, to tell one removed from one never there. */
  const known = new Set<string>();
  const waiting = new Map<string, NodeJS.Timeout>();

  /** Watches `dir` and the folders below it (a folder already watched is left as is); returns their files. */
  function watchFolder(dir: string, found: string[] = []): string[] {
    if (watchers.has(dir)) return found;
    let entries;
    try {
      // Watched before it is listed: a file added in between is heard, not missed.
      const watcher = watch(dir, (_event, name) => heard(name ? path.join(dir, name) : dir));
      watcher.on("error", () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      forget(dir); // gone already: its parent's watch reports it
      return found;
    }
    known.add(dir);
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      if (hidden(child)) continue;
      if (entry.isDirectory()) watchFolder(child, found);
      else {
        known.add(child);
        found.push(child);
      }
    }
    return found;
  }

  /** Stops watching `gone` and every folder below it, and forgets them and their files. */
  function forget(gone: string): void {
    const below = (file: string) => file === gone || file.startsWith(gone + path.sep);
    for (const [folder, watcher] of watchers)
      if (below(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    for (const file of known) if (below(file)) known.delete(file);
  }

  function heard(file: string): void {
    if (hidden(file)) return;
    clearTimeout(waiting.get(file));
    waiting.set(
      file,
      setTimeout(() => {
        waiting.delete(file);
        settled(file);
      }, settleMs),
    );
  }

  function settled(file: string): void {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      // A folder already watched only had its own times changed; a new one brings its files.
      if (!watchers.has(file)) watchFolder(file).forEach((found) => changed(found));
      return;
    }
    if (stats) known.add(file);
    else if (known.has(file)) forget(file);
    else return; // never seen: it came and went between two looks
    changed(file);
  }

  watchFolder(root);
  return {
    close() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
      forget(root);
    },
  };
}
