/**
 * Hard-links `from` at `to`, or copies it where the two are on different file systems. A file at
 * `to` (the preview writes over its last session's output) is replaced. For files never written
 * through once made (kept pages, stored search bundles): a link then costs one system call and no
 * bytes.
 */
import { copyFileSync, linkSync, rmSync } from "node:fs";

export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      rmSync(to);
      linkSync(from, to);
    } else if (code === "EXDEV") copyFileSync(from, to);
    else throw error;
  }
}
