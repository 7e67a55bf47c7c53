/**
 * `{{ "/bendi/2021/11/22/a/" | absoluteUrl(site.baseUrl) }}` → `https://www.heze.cn/bendi/2021/11/22/a/`.
 */

/** A root-relative path that needs no resolving or escaping (the site's own URLs are all ASCII). */
const PLAIN_PATH = /^\/(?!\/)[\w\-/~]*(\.[\w]+)?\/?$/;
/** Base URLs that are a bare origin as the URL parser writes it (`https://www.heze.cn`). */
const bareOrigins = new Map<string, boolean>();

export function absoluteUrl(url: string, baseUrl: string): string {
  // Runs a dozen times on every page: skip the URL parser when joining gives the same text.
  let bare = bareOrigins.get(baseUrl);
  if (bare === undefined) bareOrigins.set(baseUrl, (bare = new URL(`${baseUrl}/`).origin === baseUrl));
  if (bare && PLAIN_PATH.test(url)) return baseUrl + url;
  return new URL(url, `${baseUrl}/`).href;
}
