/**
 * What a publish must do, decided from three facts: the local build manifest, the manifest stored in
 * the bucket by the last publish (if any), and a listing of the bucket. A file is unchanged when the
 * stored manifest gives it the same SHA-256 and the object is there; otherwise when the object's ETag
 * is the MD5 of the local file (a bucket published without a manifest, or a publish that was killed
 * before it stored one: nothing already uploaded is sent again). Everything else is uploaded, in the
 * groups of upload-order.ts. Objects the site no longer has are listed for deletion, except hashed
 * assets that left the site less than RETIRED_ASSET_GRACE_MS ago: pages cached by the CDN and by
 * browsers before this publish still name them. The stored manifest records since when each one is
 * unused (`retired`), so a later publish deletes it.
 */
import type { BuildManifest } from "../hosting/build-manifest.ts";
import { CACHE_IMMUTABLE, MANIFEST_FILE, cacheControlFor } from "../hosting/header-rules.ts";
import { PENDING_PURGE_FILE } from "./pending-purge.ts";
import { uploadGroups } from "./upload-order.ts";

/** An object in the bucket, keyed by its site path (the key without the prefix). */
export interface RemoteObject {
  etag: string;
  size: number;
}

export interface PlanInput {
  local: BuildManifest;
  remoteManifest?: BuildManifest;
  listing: Map<string, RemoteObject>;
  /** The hex MD5 of a local file, asked only when the ETag must decide. */
  localMd5(sitePath: string): Promise<string>;
  now: Date;
}

/** A page lives at most 12 minutes in caches (CACHE_DOCUMENT); an hour leaves a wide margin. */
export const RETIRED_ASSET_GRACE_MS = 60 * 60 * 1000;

export interface PublishPlan {
  /** Files to upload, in groups to send one after the other. */
  uploads: string[][];
  unchanged: string[];
  /** Site paths of objects the site no longer has, which may be deleted. */
  removed: string[];
  /** Hashed assets the site no longer has, kept for pages still cached. */
  retiring: string[];
  /** The manifest to store: the local one, plus `retired` assets. */
  manifest: BuildManifest;
  /** Whether it differs from the stored one. */
  manifestChanged: boolean;
}

async function isUnchanged(sitePath: string, input: PlanInput): Promise<boolean> {
  const local = input.local.files[sitePath]!;
  const remote = input.listing.get(sitePath);
  if (!remote || remote.size !== local.size) return false;
  if (input.remoteManifest?.files[sitePath]?.sha256 === local.sha256) return true;
  return remote.etag.replace(/"/g, "").toLowerCase() === (await input.localMd5(sitePath));
}

export async function planPublish(input: PlanInput): Promise<PublishPlan> {
  const toUpload: string[] = [];
  const unchanged: string[] = [];
  for (const sitePath of Object.keys(input.local.files)) {
    ((await isUnchanged(sitePath, input)) ? unchanged : toUpload).push(sitePath);
  }
  const removed: string[] = [];
  const retiring: string[] = [];
  const retired: Record<string, string> = {};
  for (const sitePath of [...input.listing.keys()].sort()) {
    if (sitePath === MANIFEST_FILE || sitePath === PENDING_PURGE_FILE || sitePath in input.local.files)
      continue;
    if (cacheControlFor(sitePath) !== CACHE_IMMUTABLE) {
      removed.push(sitePath);
      continue;
    }
    const since = input.remoteManifest?.retired?.[sitePath] ?? input.now.toISOString();
    retired[sitePath] = since;
    const expired = input.now.getTime() - Date.parse(since) >= RETIRED_ASSET_GRACE_MS;
    (expired ? removed : retiring).push(sitePath);
  }
  const manifest = Object.keys(retired).length ? { ...input.local, retired } : input.local;
  const remote = input.remoteManifest;
  const manifestChanged =
    !remote || !input.listing.has(MANIFEST_FILE) || JSON.stringify(remote) !== JSON.stringify(manifest);
  return { uploads: uploadGroups(toUpload), unchanged, removed, retiring, manifest, manifestChanged };
}
