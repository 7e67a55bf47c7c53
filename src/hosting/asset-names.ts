/**
 * Content-hashed asset names. Every file under the asset folders (CSS, scripts, fonts, images; see
 * HASHED_ASSET_DIRS) is named `name.<hash>.ext` after the SHA-256 of its bytes, and every reference
 * to it in pages, feeds, styles and scripts is rewritten, so that the CDN may cache assets for ever
 * (header-rules.ts) and a new version is a new URL.
 *   /css/site.css -> /css/site.3fa2c01b9e.css      /js/qrcode.js -> /js/qrcode.0c51d2e8a4.js
 * `/img/` is left as it is: resized images are already named by a hash of their source.
 * Pure functions of the assets' bytes: the build plans the names once (src/build/write-assets.ts),
 * pages are written with them, and the files are stored under them.
 */
import path from "node:path";
import { HASHED_ASSET_DIRS, isTextFile } from "./header-rules.ts";
import { minifyAsset } from "./minify.ts";
import { sha256 } from "../util/sha256.ts";

/** Folders whose names are already hashes (src/images/responsive-image.ts). */
const ALREADY_HASHED = ["img/"];
/** Whether the plan names this asset after its content (planAssetNames); any other keeps its name. */
export function getsHashedName(sitePath: string): boolean {
  return (
    HASHED_ASSET_DIRS.some((d) => sitePath.startsWith(`${d}/`)) &&
    !ALREADY_HASHED.some((d) => sitePath.startsWith(d))
  );
}

/** Hex digits of the SHA-256 kept in a name, as for resized images. */
const HASH_LENGTH = 10;

/** `hashedName("css/site.css", bytes)` gives `css/site.<first 10 hex digits of sha256>.css`. */
export function hashedName(sitePath: string, bytes: Buffer): string {
  const hash = sha256(bytes).slice(0, HASH_LENGTH);
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
  /** The site's address: absolute references under it are rewritten too. */
  baseUrl: string;
}

/**
 * Names every asset under HASHED_ASSET_DIRS (but `/img/`) after the hash of its final bytes, styles
 * and scripts first having their references to earlier assets rewritten, then being minified. A
 * pure function of the assets' bytes, so that the pages rendered with these names and the files
 * written match.
 */
export async function planAssetNames(
  assets: { sitePath: string; bytes: Buffer }[],
  baseUrl: string,
): Promise<AssetPlan> {
  const plan: AssetPlan = { renamed: new Map(), files: new Map(), baseUrl };
  const hashed = assets
    .filter(({ sitePath }) => getsHashedName(sitePath))
    .sort((a, b) => assetOrder(a.sitePath) - assetOrder(b.sitePath) || a.sitePath.localeCompare(b.sitePath));
  for (const { sitePath, bytes: original } of hashed) {
    let bytes = original;
    if (isTextFile(sitePath)) {
      let text = referenceRewriter(plan.renamed, baseUrl)(bytes.toString("utf8"));
      if (sitePath.endsWith(".css")) text = rewriteCssUrls(text, sitePath, plan.renamed);
      bytes = Buffer.from(await minifyAsset(sitePath, text));
    }
    const name = hashedName(sitePath, bytes);
    plan.renamed.set(sitePath, name);
    plan.files.set(name, bytes);
  }
  return plan;
}
