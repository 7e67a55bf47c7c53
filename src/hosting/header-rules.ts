/**
 * The HTTP rules of the published site, in one place: the `_headers` file (src/build/headers-file.ts)
 * and the publisher (src/publish/publish.ts) both read them, so the CDN and the bucket agree.
 *   headersFor("css/site.3fa2c01b9e.css")["Cache-Control"] === "public, max-age=31536000, immutable"
 *   headersFor("bendi/index.html")["Cache-Control"] === "public, max-age=120, stale-while-revalidate=600"
 * Paths are site-relative (`bendi/index.html`, no leading slash).
 */

/** Folders whose every file has a content-hashed name (src/build/write-assets.ts, src/images/). */
export const HASHED_ASSET_DIRS = ["css", "js", "fonts", "images", "img"];

/** The build manifest's file name at the site root (src/hosting/build-manifest.ts). */
export const MANIFEST_FILE = "build-manifest.json";

/** A hashed name never changes meaning: browsers and the CDN may keep it for a year without asking. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages, feeds and sitemaps change when news does: short, and served stale while the CDN refetches. */
export const CACHE_DOCUMENT = "public, max-age=120, stale-while-revalidate=600";
/** The manifest is the publisher's record of the bucket: always fetched fresh. */
export const CACHE_NO_CACHE = "no-cache";

/**
 * Scripts and styles come only from the site's own files; no inline script or style, no plugin, no
 * framing. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly search engine; it allows no
 * JavaScript eval. JSON-LD `<script type="application/ld+json">` is data, not script, and needs nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The web editor (Decap CMS at /admin/) compiles its config schema at run time (`'unsafe-eval'`),
 * injects its styles, shows images from the git host and talks to its API, so it gets its own
 * policy; still no inline script. Only editors open it.
 */
export const EDITOR_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' https://api.github.com",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Pagefind's index and fragment files are named by their content; its entry files are not. */
const PAGEFIND_HASHED = /^pagefind\/.*\.pf_(fragment|index|meta|filter)$/;

/** The Cache-Control value of one site file. */
export function cacheControlFor(sitePath: string): string {
  if (sitePath === MANIFEST_FILE) return CACHE_NO_CACHE;
  // Asked for every file of the site (230,000 at 100,000 articles): the path is not split.
  const slash = sitePath.indexOf("/");
  if (slash > 0 && HASHED_ASSET_DIRS.includes(sitePath.slice(0, slash))) return CACHE_IMMUTABLE;
  if (sitePath.startsWith("pagefind/") && PAGEFIND_HASHED.test(sitePath)) return CACHE_IMMUTABLE;
  return CACHE_DOCUMENT;
}

/**
 * Which file's headers a static host's `_headers` gives a file (src/build/headers-file.ts): its own,
 * but that every file of the search bundles takes their list's (`pagefind/periods.json`, the short
 * cache), so that all of them need one rule: split like any mixed folder, each period's bundle took
 * eight rules, and Cloudflare Pages allows 100 in all (10,000 articles already had nine periods).
 * Their hashed files lose a year's caching on such hosts only: the publisher sends every file with
 * its own Cache-Control (cacheControlFor).
 */
function hostPathOf(sitePath: string): string {
  return sitePath.startsWith("pagefind/") ? "pagefind/periods.json" : sitePath;
}

/** The headers of a file as a static host's `_headers` gives them (see hostPathOf). */
export function hostHeadersFor(sitePath: string): Record<string, string> {
  return headersFor(hostPathOf(sitePath));
}

/**
 * Which set of headers a host gives a file, as a short name: files with the same name get the same
 * hostHeadersFor (what `_headers` groups by, for 125,000 files: src/build/headers-file.ts).
 */
export function headerSetOf(sitePath: string): string {
  const hostPath = hostPathOf(sitePath);
  return `${cacheControlFor(hostPath)}${hostPath.startsWith("admin/") ? " editor" : ""}`;
}

/** Every response header the CDN should send with one site file. */
export function headersFor(sitePath: string): Record<string, string> {
  const editor = sitePath.startsWith("admin/");
  return {
    "Cache-Control": cacheControlFor(sitePath),
    "Content-Security-Policy": editor ? EDITOR_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".yml": "text/yaml",
  ".yaml": "text/yaml",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
};

/** Text files the browser must decode as UTF-8 (the site is Chinese: never let it guess). */
const TEXT_TYPE = /^text\/|^application\/(json|xml|manifest\+json)$|^image\/svg\+xml$/;

/**
 * The Content-Type of one site file: `contentTypeFor("a/index.html") === "text/html; charset=utf-8"`.
 * `_headers` and `_redirects` are plain text; anything unknown is bytes.
 */
export function contentTypeFor(sitePath: string): string {
  const name = sitePath.slice(sitePath.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const type =
    dot > 0 ? TYPES[name.slice(dot).toLowerCase()] : name.startsWith("_") ? "text/plain" : undefined;
  if (!type) return "application/octet-stream";
  return TEXT_TYPE.test(type) ? `${type}; charset=utf-8` : type;
}

/** Whether a file is text that may name other files (and so may need its references rewritten). */
export function isTextFile(sitePath: string): boolean {
  return contentTypeFor(sitePath).endsWith("charset=utf-8");
}
