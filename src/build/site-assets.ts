/**
 * The site's static assets: `public/` copied to the site root as it is, and the QR code library the
 * share bar uses, copied from its npm package so that no script comes from another host. The assets
 * plugin copies them (src/eleventy/assets-plugin.ts); a production build names them after their
 * content, planned once per build (siteAssetPlan) and stored by an after-build step (hash-assets.ts).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { planAssetNames, type AssetPlan } from "../hosting/asset-names.ts";
import { listFiles } from "../util/list-files.ts";

const require = createRequire(import.meta.url);

export const PUBLIC_DIR = "public";

/** Files from npm packages; the qrcode package's "require" export is its browser build (a plain script). */
export const VENDORED_ASSETS = [{ file: require.resolve("qrcode-generator"), sitePath: "js/qrcode.js" }];

/** Every static file of the site: its source and its site path (`css/site.css`). */
export function assetSources(): { file: string; sitePath: string }[] {
  const own = listFiles(PUBLIC_DIR).map((sitePath) => ({ file: path.join(PUBLIC_DIR, sitePath), sitePath }));
  return [...own, ...VENDORED_ASSETS];
}

/** The hashed names of every asset under HASHED_ASSET_DIRS, from the sources' bytes. */
export async function siteAssetPlan(baseUrl: string): Promise<AssetPlan> {
  const sources = await Promise.all(
    assetSources().map(async ({ file, sitePath }) => ({ sitePath, bytes: await readFile(file) })),
  );
  return planAssetNames(sources, baseUrl);
}

/** Every site path the assets take in a build, before and after content hashing: what aliases must avoid. */
export function assetPaths(plan: AssetPlan): string[] {
  return [...assetSources().map((a) => a.sitePath), ...plan.files.keys()];
}
