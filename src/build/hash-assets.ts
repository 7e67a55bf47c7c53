/**
 * After-build step: content-hashed asset names. Every file under the asset folders (CSS, scripts,
 * fonts, images; see HASHED_ASSET_DIRS) is renamed `name.<hash>.ext` after the SHA-256 of its bytes,
 * and every reference to it in the site's pages, feeds, styles and scripts is rewritten, so that the
 * CDN may cache assets for ever (src/publish/header-rules.ts) and a new version is a new URL.
 *   /css/site.css -> /css/site.3fa2c01b9e.css      /js/qrcode.js -> /js/qrcode.0c51d2e8a4.js
 * `/img/` is left as it is: resized images are already named by a hash of their source.
 * `/pagefind/` and `/admin/` belong to other tools that name their own files; they are not rewritten.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildOptions } from "../build-options.ts";
import { forEachLimited } from "../concurrency/for-each-limited.ts";
import { HASHED_ASSET_DIRS, isTextFile } from "../publish/header-rules.ts";
import { loadSite } from "../site/site-data.ts";
import type { AfterBuildStep } from "./build-site.ts";
import { listSiteFiles } from "./site-files.ts";

/** Folders whose names are already hashes (src/images/responsive-image.ts). */
const ALREADY_HASHED = ["img/"];
/** Trees written by other tools, with their own naming and references. */
const FOREIGN_TREES = ["pagefind/", "admin/"];
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

export async function hashAssetNames(dir: string, options: BuildOptions): Promise<void> {
  const { baseUrl } = await loadSite(options.contentDir);
  const files = await listSiteFiles(dir);
  const assets = files
    .filter((f) => HASHED_ASSET_DIRS.some((d) => f.startsWith(`${d}/`)))
    .filter((f) => !ALREADY_HASHED.some((d) => f.startsWith(d)))
    .sort((a, b) => assetOrder(a) - assetOrder(b) || a.localeCompare(b));
  const renamed = new Map<string, string>();
  for (const asset of assets) {
    const file = path.join(dir, asset);
    let bytes = await readFile(file);
    if (isTextFile(asset)) {
      let text = referenceRewriter(renamed, baseUrl)(bytes.toString("utf8"));
      if (asset.endsWith(".css")) text = rewriteCssUrls(text, asset, renamed);
      bytes = Buffer.from(text);
      await writeFile(file, bytes);
    }
    const name = hashedName(asset, bytes);
    await rename(file, path.join(dir, name));
    renamed.set(asset, name);
  }

  const rewrite = referenceRewriter(renamed, baseUrl);
  const documents = files.filter(
    (f) => isTextFile(f) && !renamed.has(f) && !FOREIGN_TREES.some((t) => f.startsWith(t)),
  );
  await forEachLimited(documents, 16, async (document) => {
    const file = path.join(dir, document);
    const text = await readFile(file, "utf8");
    const rewritten = rewrite(text);
    if (rewritten !== text) await writeFile(file, rewritten);
  });
}

export const hashAssets: AfterBuildStep = { name: "content-hashed asset names", run: hashAssetNames };
