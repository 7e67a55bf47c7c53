/**
 * What a publish must do, decided from three facts: the local build manifest, the manifest stored in
 * the bucket by the last publish (if any), and a listing of the bucket. A file is unchanged when the
 * stored manifest gives it the same SHA-256 and the object is there; otherwise when the object's ETag
 * is the MD5 of the local file (a bucket published without a manifest, or a publish that was killed
 * before it stored one: nothing already uploaded is sent again). Everything else is uploaded, in the
 * groups of upload-order.ts. Objects the site no longer has are listed for deletion.
 */
import type { BuildManifest } from "../build/build-manifest.ts";
import { MANIFEST_FILE } from "./header-rules.ts";
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
}

export interface PublishPlan {
  /** Files to upload, in groups to send one after the other. */
  uploads: string[][];
  unchanged: string[];
  /** Site paths of objects the site no longer has. */
  removed: string[];
  /** Whether the stored manifest differs from the local one. */
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
  const removed = [...input.listing.keys()].filter(
    (sitePath) => sitePath !== MANIFEST_FILE && !(sitePath in input.local.files),
  );
  const remote = input.remoteManifest;
  const manifestChanged =
    !remote ||
    !input.listing.has(MANIFEST_FILE) ||
    remote.nextEmbargo !== input.local.nextEmbargo ||
    JSON.stringify(remote.files) !== JSON.stringify(input.local.files);
  return { uploads: uploadGroups(toUpload), unchanged, removed: removed.sort(), manifestChanged };
}
