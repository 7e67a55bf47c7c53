/**
 * After-build step: content-hashed asset names. Every file under the asset folders (CSS, scripts,
 * fonts, images; see HASHED_ASSET_DIRS) is renamed `name.<hash>.ext` after the SHA-256 of its bytes,
 * and every reference to it in the site's pages, feeds, styles and scripts is rewritten, so that the
 * CDN may cache assets for ever (src/publish/header-rules.ts) and a new version is a new URL.
 *   /css/site.css -> /css/site.3fa2c01b9e.css      /js/qrcode.js -> /js/qrcode.0c51d2e8a4.js
 * `/img/` is left as it is: resized images are already named by a hash of their source.
 * The names are planned from the sources before rendering, so pages are written with them (an
 * Eleventy transform) instead of being read and rewritten afterwards: at 10,000 articles that
 * second pass over every page cost more than rendering them.
 */
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { minifyAsset } from "../assets/minify.ts";
import type { BuildOptions } from "../build-options.ts";
import { assetSources } from "../eleventy/assets-plugin.ts";
import { HASHED_ASSET_DIRS, isTextFile } from "../publish/header-rules.ts";
import { loadSite } from "../site/site-data.ts";
import type { AfterBuildStep } from "./build-site.ts";

/** Folders whose names are already hashes (src/images/responsive-image.ts). */
const ALREADY_HASHED = ["img/"];
/** Hex digits of the SHA-256 kept in a name, as for resized images. */
const HASH_LENGTH = 10;

/** `hashedName("css/site.css", bytes)` gives `css/site.<first 10 hex digits of sha256>.css`. */
export function hashedName(sitePath: string, bytes: Buffer): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, HASH_LENGTH);
  const ext = path.posix.extname(sitePath);
  return `${sitePath.slice(0, sitePath.length - ext.length)}.${hash}${ext}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A function rewriting root-relative (`/css/site.css`) and absolute (`https://www.heze.cn/css/site.css`)
 * references to renamed files. `renamed` maps old to new site paths (`css/site.css` -> `css/site.…css`).
 * A reference must stand alone: `/x/css/site.css` and `/css/site.css2` are left untouched.
 */
export function referenceRewriter(renamed: Map<string, string>, baseUrl: string): (text: string) => string {
  if (renamed.size === 0) return (text) => text;
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A literal start lets the engine skip ahead fast; what stands before the match is checked after.
  const pattern = new RegExp(`/(${names.join("|")})(?![\\w.-])`, "g");
  return (text) =>
    text.replace(pattern, (match, name: string, offset: number) => {
      const standsAlone =
        offset === 0 ||
        !/[\w./-]/.test(text[offset - 1]!) ||
        (offset >= baseUrl.length && text.startsWith(baseUrl, offset - baseUrl.length));
      return standsAlone ? `/${renamed.get(name)}` : match;
    });
}

/**
 * Rewrites relative `url(...)` references of a stylesheet (`url(../fonts/a.woff2)` in `css/site.css`)
 * to the renamed files' root-relative URLs; root-relative ones are left to referenceRewriter.
 */
export function rewriteCssUrls(css: string, cssPath: string, renamed: Map<string, string>): string {
  return css.replace(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g, (whole, quote: string, url: string) => {
    if (/^([a-z]+:|\/|#)/i.test(url)) return whole;
    const [file = "", rest = ""] = url.split(/(?=[?#])/);
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(cssPath), file));
    const name = renamed.get(target);
    return name ? `url(${quote}/${name}${rest}${quote})` : whole;
  });
}

/** Binary assets first, then scripts, then styles: each may name only files renamed before it. */
function assetOrder(sitePath: string): number {
  if (sitePath.endsWith(".css")) return 2;
  return isTextFile(sitePath) ? 1 : 0;
}

/** The site's own assets under their hashed names: old to new site path, and each new file's bytes. */
export interface AssetPlan {
  renamed: Map<string, string>;
  files: Map<string, Buffer>;
}

/**
 * Names every asset under HASHED_ASSET_DIRS (but `/img/`) after the hash of its final bytes, styles
 * and scripts first having their references to earlier assets rewritten, then being minified. A pure function of the
 * assets' bytes, so that the pages rendered with these names and the files written match.
 */
export function planAssetNames(assets: { sitePath: string; bytes: Buffer }[], baseUrl: string): AssetPlan {
  const plan: AssetPlan = { renamed: new Map(), files: new Map() };
  const hashed = assets
    .filter(({ sitePath }) => HASHED_ASSET_DIRS.some((d) => sitePath.startsWith(`${d}/`)))
    .filter(({ sitePath }) => !ALREADY_HASHED.some((d) => sitePath.startsWith(d)))
    .sort((a, b) => assetOrder(a.sitePath) - assetOrder(b.sitePath) || a.sitePath.localeCompare(b.sitePath));
  for (const { sitePath, bytes: original } of hashed) {
    let bytes = original;
    if (isTextFile(sitePath)) {
      let text = referenceRewriter(plan.renamed, baseUrl)(bytes.toString("utf8"));
      if (sitePath.endsWith(".css")) text = rewriteCssUrls(text, sitePath, plan.renamed);
      bytes = Buffer.from(minifyAsset(sitePath, text));
    }
    const name = hashedName(sitePath, bytes);
    plan.renamed.set(sitePath, name);
    plan.files.set(name, bytes);
  }
  return plan;
}

/** The plan for this project's assets (what src/eleventy/assets-plugin.ts copies into the site). */
export async function siteAssetPlan(baseUrl: string): Promise<AssetPlan> {
  const sources = await Promise.all(
    assetSources().map(async ({ file, sitePath }) => ({ sitePath, bytes: await readFile(file) })),
  );
  return planAssetNames(sources, baseUrl);
}

/** What a production build's pages are rewritten with (referenceRewriter): this project's asset renames. */
export async function siteAssetNames(
  baseUrl: string,
): Promise<{ renamed: Map<string, string>; baseUrl: string }> {
  return { renamed: (await siteAssetPlan(baseUrl)).renamed, baseUrl };
}

/**
 * The pages were written with the hashed names already (src/render/finish-page.ts); this step puts
 * the asset files under those names in the staging folder.
 */
export async function hashAssetNames(dir: string, options: BuildOptions): Promise<void> {
  const plan = await siteAssetPlan((await loadSite(options.contentDir)).baseUrl);
  for (const [original, name] of plan.renamed) {
    await writeFile(path.join(dir, name), plan.files.get(name)!);
    await rm(path.join(dir, original));
  }
}

export const hashAssets: AfterBuildStep = { name: "content-hashed asset names", run: hashAssetNames };
