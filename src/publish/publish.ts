/**
 * One publish: compare the built site with the bucket, upload what changed in a safe order, store
 * the manifest last, then (with `delete`) remove what the site no longer has, and write the URLs a
 * CDN must purge. Nothing the live site already serves is removed or replaced out of order, so a
 * publish killed at any point leaves a working site, and running it again finishes the job, its
 * purge list included (src/publish/pending-purge.ts).
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatBuildManifest, parseBuildManifest, type BuildManifest } from "../hosting/build-manifest.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { CACHE_IMMUTABLE, MANIFEST_FILE, cacheControlFor, contentTypeFor } from "../hosting/header-rules.ts";
import { unfinishedUpdates } from "../pages/live-output.ts";
import { formatPendingPurge, parsePendingPurge, PENDING_PURGE_FILE } from "./pending-purge.ts";
import { planPublish, type PublishPlan } from "./plan.ts";
import { formatBytes, progressBar } from "./progress.ts";
import { withRetry } from "./retry.ts";
import { PublishError, type Bucket } from "./s3-bucket.ts";
import { sha256 } from "../util/sha256.ts";

export interface PublishOptions {
  siteDir: string;
  bucket: Bucket;
  dryRun: boolean;
  delete: boolean;
  concurrency: number;
  /** Where the changed URLs are written, one a line. */
  purgeFile: string;
  retry: { attempts: number; baseDelayMs: number };
  log: (line: string) => void;
}

export interface PublishSummary {
  uploaded: number;
  unchanged: number;
  deleted: number;
  /** Objects the site no longer has, left in place (without `delete`, or hashed assets for a while). */
  kept: number;
  bytes: number;
  /** Whether the manifest was stored (it is not counted in `uploaded`). */
  manifestStored: boolean;
  retries: number;
  purgeUrls: string[];
}

async function readLocalManifest(siteDir: string): Promise<BuildManifest> {
  const unfinished = unfinishedUpdates(siteDir);
  if (unfinished.length > 0)
    throw new PublishError(
      `${siteDir} is half updated by a build that was stopped (${unfinished[0]}): run \`npm run build\` to finish it first`,
    );
  const text = await readFile(path.join(siteDir, MANIFEST_FILE), "utf8").catch(() => {
    throw new PublishError(`${path.join(siteDir, MANIFEST_FILE)} not found: run \`npm run build\` first`);
  });
  return parseBuildManifest(text);
}

/** The stored manifest, or undefined (with a note) when it is missing or unreadable. */
async function readRemoteManifest(options: PublishOptions): Promise<BuildManifest | undefined> {
  const text = await withRetry(() => options.bucket.readText(MANIFEST_FILE), options.retry);
  if (text === undefined) {
    options.log("no manifest in the bucket: comparing with a listing");
    return undefined;
  }
  try {
    return parseBuildManifest(text);
  } catch {
    options.log("the manifest in the bucket is unreadable: comparing with a listing");
    return undefined;
  }
}

/** The URLs a CDN must forget: changed and removed pages, feeds and other files under stable names. */
export function purgeUrls(baseUrl: string, sitePaths: string[]): string[] {
  return sitePaths
    .filter((p) => cacheControlFor(p) !== CACHE_IMMUTABLE)
    .flatMap((p) => {
      const url = `${baseUrl}/${p}`;
      return p === "index.html" || p.endsWith("/index.html")
        ? [url.slice(0, -"index.html".length), url]
        : [url];
    });
}

function describePlan(plan: PublishPlan, options: PublishOptions, local: BuildManifest): string[] {
  const uploads = plan.uploads.flat();
  const bytes = uploads.reduce((sum, p) => sum + local.files[p]!.size, 0);
  const removal = options.delete ? "delete" : "keep (no --delete)";
  const lines = [
    `plan: upload ${uploads.length} (${formatBytes(bytes)}), unchanged ${plan.unchanged.length}, ` +
      `${removal} ${plan.removed.length}, manifest ${plan.manifestChanged ? "updated" : "unchanged"}`,
  ];
  if (plan.retiring.length) {
    lines.push(
      `keeping ${plan.retiring.length} unused hashed asset(s) for pages still in caches (deleted later)`,
    );
  }
  if (options.dryRun) {
    for (const p of uploads) lines.push(`  upload ${options.bucket.key(p)}`);
    for (const p of plan.removed)
      lines.push(`  ${options.delete ? "delete" : "keep"} ${options.bucket.key(p)}`);
  }
  return lines;
}

export async function publish(options: PublishOptions): Promise<PublishSummary> {
  const { bucket, siteDir } = options;
  const local = await readLocalManifest(siteDir);
  const remoteManifest = await readRemoteManifest(options);
  const listing = await withRetry(() => bucket.list(), options.retry);
  const md5 = async (p: string) =>
    createHash("md5")
      .update(await readFile(path.join(siteDir, p)))
      .digest("hex");
  const plan = await planPublish({ local, remoteManifest, listing, localMd5: md5, now: new Date() });
  for (const line of describePlan(plan, options, local)) options.log(line);

  const summary: PublishSummary = {
    uploaded: 0,
    unchanged: plan.unchanged.length,
    deleted: 0,
    kept: plan.retiring.length + (options.delete ? 0 : plan.removed.length),
    bytes: 0,
    manifestStored: false,
    retries: 0,
    purgeUrls: [],
  };
  if (options.dryRun) return summary;

  const retry = { ...options.retry, onRetry: () => summary.retries++ };
  const upload = async (sitePath: string, body: Buffer) => {
    const meta = {
      contentType: contentTypeFor(sitePath),
      cacheControl: cacheControlFor(sitePath),
      md5: createHash("md5").update(body).digest(),
    };
    await withRetry(() => bucket.put(sitePath, body, meta), retry);
    return body.length;
  };

  // What this run changes, and what earlier runs changed but never purged (src/publish/pending-purge.ts).
  const changed = [...plan.uploads.flat(), ...(options.delete ? plan.removed : [])];
  const stored = parsePendingPurge(await withRetry(() => bucket.readText(PENDING_PURGE_FILE), retry));
  if (stored === "unreadable") options.log(`${PENDING_PURGE_FILE} is unreadable: purging every page`);
  const earlier = stored === "unreadable" ? Object.keys(local.files) : stored;
  const toPurge = [...new Set([...earlier, ...changed])].sort();
  if (changed.some((p) => !earlier.includes(p)))
    await upload(PENDING_PURGE_FILE, Buffer.from(formatPendingPurge(toPurge)));

  const progress = progressBar(plan.uploads.flat().length);
  try {
    for (const group of plan.uploads) {
      await forEachLimited(group, options.concurrency, async (p) => {
        const body = await readFile(path.join(siteDir, p));
        if (sha256(body) !== local.files[p]!.sha256) {
          throw new PublishError(`${p} changed since the build wrote its manifest: build again`);
        }
        const size = await upload(p, body);
        summary.uploaded++;
        summary.bytes += size;
        progress.advance(size);
      });
    }
  } finally {
    progress.finish();
  }
  if (plan.manifestChanged || summary.uploaded > 0) {
    await upload(MANIFEST_FILE, Buffer.from(formatBuildManifest(plan.manifest)));
    summary.manifestStored = true;
  }
  if (options.delete) {
    await forEachLimited(plan.removed, options.concurrency, async (p) => {
      await withRetry(() => bucket.delete(p), retry);
      summary.deleted++;
    });
  }

  summary.purgeUrls = purgeUrls(local.baseUrl, toPurge);
  await writeFile(options.purgeFile, summary.purgeUrls.map((url) => `${url}\n`).join(""));
  if (toPurge.length > 0) await withRetry(() => bucket.delete(PENDING_PURGE_FILE), retry);
  return summary;
}
