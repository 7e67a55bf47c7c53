/**
 * The site's static assets: `public/` copied to the site root as it is, the QR code library the
 * share bar uses and the web editor's bundle, copied from their npm packages so that no script comes
 * from another host. A production build names those under the hashed folders after their content,
 * planned once per build (siteAssetPlan), and stores them in an after-build step (write-assets.ts);
 * the preview's dev server serves them from these sources (src/eleventy/assets-plugin.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getsHashedName, planAssetNames, type AssetPlan } from "../hosting/asset-names.ts";
import { listFiles } from "../util/list-files.ts";

const require = createRequire(import.meta.url);

export const PUBLIC_DIR = "public";

/** Files from npm packages; the qrcode package's "require" export is its browser build (a plain script). */
export const VENDORED_ASSETS = [{ file: require.resolve("qrcode-generator"), sitePath: "js/qrcode.js" }];

/**
 * The web editor's Decap CMS bundle from its npm package: the bundle, the chunks it loads on demand
 * (locales, widgets) and its WebAssembly, not the source maps.
 */
function editorAssets(): { file: string; sitePath: string }[] {
  const dist = path.dirname(require.resolve("decap-cms"));
  return readdirSync(dist)
    .filter((name) => name.endsWith("decap-cms.js") || name.endsWith(".wasm"))
    .sort()
    .map((name) => ({ file: path.join(dist, name), sitePath: `admin/${name}` }));
}

/** Every static file of the site: its source and its site path (`css/site.css`). */
export function assetSources(): { file: string; sitePath: string }[] {
  const own = listFiles(PUBLIC_DIR).map((sitePath) => ({ file: path.join(PUBLIC_DIR, sitePath), sitePath }));
  return [...own, ...VENDORED_ASSETS, ...editorAssets()];
}

/**
 * The hashed names of every asset under HASHED_ASSET_DIRS, from the sources' bytes: only those are
 * read (not the web editor's 6 MB bundle, which keeps its name).
 */
export async function siteAssetPlan(baseUrl: string): Promise<AssetPlan> {
  const hashed = assetSources().filter(({ sitePath }) => getsHashedName(sitePath));
  // Read at once (a few small files): the first minification starts esbuild's process before the
  // articles, loaded beside the plan, take this thread.
  const sources = hashed.map(({ file, sitePath }) => ({ sitePath, bytes: readFileSync(file) }));
  return planAssetNames(sources, baseUrl);
}

/** Every site path the assets take in a build, before and after content hashing: what aliases must avoid. */
export function assetPaths(plan: AssetPlan): string[] {
  return [...assetSources().map((a) => a.sitePath), ...plan.files.keys()];
}
