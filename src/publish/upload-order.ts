/**
 * The order in which changed files go live, so that a reader never meets a page that names a file the
 * bucket does not have yet, even if the publisher dies half-way: binary assets (images, fonts), then
 * text assets (styles, scripts, search index entries, which name binaries), then pages, deepest first
 * (articles before the fronts that link to them), then feeds, sitemaps and host files. Each
 * group finishes before the next starts; the manifest goes last of all, separately.
 *   uploadGroups(["index.html", "css/a.css", "bendi/2021/11/22/a/index.html", "feed.xml"])
 *   // [["css/a.css"], ["bendi/2021/11/22/a/index.html"], ["index.html"], ["feed.xml"]]
 */
import { isTextFile } from "../hosting/header-rules.ts";

/**
 * Files no page names: feeds, sitemaps, robots.txt, host files (`_headers`), root JSON, and the
 * search page's list of bundles, which must not name a bundle before its files are there.
 */
const LAST = /\.(xml|txt)$|^_[^/]*$|^[^/]*\.json$|^pagefind\/periods\.json$/;

/** Ranks compared in order: [group, depth order]. */
function rank(sitePath: string): [number, number] {
  const depth = sitePath.split("/").length - 1;
  if (sitePath.endsWith(".html") || sitePath.endsWith(".htm")) return [2, -depth];
  if (LAST.test(sitePath)) return [3, 0];
  return [isTextFile(sitePath) ? 1 : 0, 0];
}

export function uploadGroups(paths: string[]): string[][] {
  const groups = new Map<string, { rank: [number, number]; paths: string[] }>();
  for (const sitePath of paths) {
    const r = rank(sitePath);
    const key = r.join(",");
    const group = groups.get(key) ?? { rank: r, paths: [] };
    group.paths.push(sitePath);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1])
    .map((group) => group.paths.sort());
}
