/**
 * The build cache's asset plan (`<buildCache>/assets.bin`): the hashed names and minified bytes of
 * the site's assets (site-assets.ts), which depend only on the code (public/, the lock file: the
 * cache key's `code`) and the site's address (`site`). Planning them starts esbuild, about 0.25 s of
 * every build; a warm build whose code and site data are unchanged reads them back instead. Like the
 * rest of the cache, the file carries a checksum; a damaged or other file is planned afresh.
 *   const plan = readKeptAssetPlan(".cache", key) ?? (await siteAssetPlan(baseUrl));
 *   keepAssetPlan(".cache", key, plan);
 */
import path from "node:path";
import type { AssetPlan } from "../hosting/asset-names.ts";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.ts";
import type { CacheKey } from "./cache-key.ts";

const FORMAT = "heze-press asset plan 1";

interface KeptPlan {
  format: string;
  key: string;
  baseUrl: string;
  renamed: [string, string][];
  files: [string, string][];
}

const fileOf = (cacheDir: string) => path.join(cacheDir, "assets.bin");
/** What the plan depends on, of the cache key. */
const keyOf = (key: CacheKey) => `${key.code} ${key.site}`;

export function readKeptAssetPlan(cacheDir: string, key: CacheKey): AssetPlan | undefined {
  const read = readCheckedFile(fileOf(cacheDir));
  if (typeof read === "string") return undefined;
  const kept = read.value as Partial<KeptPlan>;
  if (kept.format !== FORMAT || kept.key !== keyOf(key) || !kept.renamed || !kept.files || !kept.baseUrl)
    return undefined;
  return {
    baseUrl: kept.baseUrl,
    renamed: new Map(kept.renamed),
    files: new Map(kept.files.map(([name, base64]) => [name, Buffer.from(base64, "base64")])),
  };
}

export function keepAssetPlan(cacheDir: string, key: CacheKey, plan: AssetPlan): void {
  const kept: KeptPlan = {
    format: FORMAT,
    key: keyOf(key),
    baseUrl: plan.baseUrl,
    renamed: [...plan.renamed],
    files: [...plan.files].map(([name, bytes]) => [name, bytes.toString("base64")]),
  };
  writeCheckedFile(fileOf(cacheDir), kept);
}
