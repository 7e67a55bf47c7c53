/**
 * Folders a killed build leaves beside the output: its staging folder (`_site.staging-<pid>-<ms>`),
 * the previous site it was swapping out (`_site.previous-<pid>-<ms>`, also the preview's last
 * session: `setAside`) or its write probe. The next
 * build removes those whose process is gone; a build still running keeps its own. `before` sees
 * them first (a stopped update of the live output is finished from its staging folder:
 * src/pages/live-output.ts).
 *   await removeStaleBuildFolders("/repo/_site") → ["/repo/_site.staging-4242-1764590000000"]
 */
import { readdirSync } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a process with this id is running (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A folder a build leaves beside the output while it runs, with the process id its name carries. */
export interface BuildFolder {
  folder: string;
  kind: "staging" | "previous" | "staging-probe";
  pid: number;
}

/** The build folders beside `outputDir` (`_site.staging-4242-1764590000000`), of any process. */
export function buildFoldersBeside(outputDir: string): BuildFolder[] {
  const parent = path.dirname(outputDir);
  const pattern = new RegExp(
    `^${escapeRegExp(path.basename(outputDir))}\\.(staging|previous|staging-probe)-(\\d+)-\\d+$`,
  );
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    if (!match) return [];
    return [
      { folder: path.join(parent, name), kind: match[1] as BuildFolder["kind"], pid: Number(match[2]) },
    ];
  });
}

export async function removeStaleBuildFolders(
  outputDir: string,
  before: (stale: string[]) => void = () => {},
): Promise<string[]> {
  const removed = buildFoldersBeside(outputDir)
    .filter(({ pid }) => pid > 0 && pid !== process.pid && !isRunning(pid))
    .map(({ folder }) => folder);
  before(removed);
  await removeFolders(removed);
  return removed;
}

/**
 * Removes `folders` on a thread of their own. A removal by promises fills the thread pool: while
 * the preview removed its last session's 125,000 pages (12 s), the first edit's file reads and
 * writes waited behind it, and showed after 12 s instead of 1.
 */
export async function removeFolders(folders: string[]): Promise<void> {
  if (folders.length === 0) return;
  const worker = new Worker(new URL("./remove-folders-worker.ts", import.meta.url), { workerData: folders });
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", () => resolve());
  });
}

/**
 * Moves `outputDir` aside as `<outputDir>.previous-<stamp>` (`stamp`: `<pid>-<ms>`), a name the
 * next build removes if this process stops before it does; returns that folder, or undefined when
 * there was no `outputDir`.
 */
export async function setAside(outputDir: string, stamp: string): Promise<string | undefined> {
  const previous = `${outputDir}.previous-${stamp}`;
  try {
    await rename(outputDir, previous);
    return previous;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
