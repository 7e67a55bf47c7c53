/**
 * Folders a killed build leaves beside the output: its staging folder (`_site.staging-<pid>-<ms>`),
 * the previous site it was swapping out (`_site.previous-<pid>-<ms>`) or its write probe. The next
 * build removes those whose process is gone; a build still running keeps its own. `before` sees
 * them first (a stopped update of the live output is finished from its staging folder:
 * src/pages/live-output.ts).
 *   await removeStaleBuildFolders("/repo/_site") → ["/repo/_site.staging-4242-1764590000000"]
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

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

export async function removeStaleBuildFolders(
  outputDir: string,
  before: (stale: string[]) => void = () => {},
): Promise<string[]> {
  const parent = path.dirname(outputDir);
  const pattern = new RegExp(
    `^${escapeRegExp(path.basename(outputDir))}\\.(?:staging|previous|staging-probe)-(\\d+)-\\d+$`,
  );
  const entries = await readdir(parent).catch(() => [] as string[]);
  const stale = entries.filter((name) => {
    const pid = Number(pattern.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !isRunning(pid);
  });
  const removed = stale.map((name) => path.join(parent, name));
  before(removed);
  await Promise.all(removed.map((folder) => rm(folder, { recursive: true, force: true })));
  return removed;
}
