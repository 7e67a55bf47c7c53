/**
 * The purge list across interrupted publishes. Before it changes anything, a publish stores in the
 * bucket (beside the manifest) the site paths it is about to upload or delete, added to those of any
 * earlier publish that never finished; a publish that finishes writes the purge file from that whole
 * list, then removes the object. So a publish killed half-way and run again still purges what the
 * killed run uploaded, though the re-run finds it unchanged:
 *   { "version": 1, "paths": ["bendi/index.html", "tiyu/2026/04/09/marathon/index.html"] }
 */
import { z } from "zod";

/** Its key at the bucket's root (under the prefix); never part of the site, never deleted as stale. */
export const PENDING_PURGE_FILE = "publish-pending.json";

const pendingSchema = z.object({ version: z.literal(1), paths: z.array(z.string()) });

/** The paths of a stored list; "unreadable" when it is not one (then every page is purged). */
export function parsePendingPurge(text: string | undefined): string[] | "unreadable" {
  if (text === undefined) return [];
  try {
    return pendingSchema.parse(JSON.parse(text)).paths;
  } catch {
    return "unreadable";
  }
}

export function formatPendingPurge(paths: string[]): string {
  return `${JSON.stringify({ version: 1, paths: [...new Set(paths)].sort() })}\n`;
}
