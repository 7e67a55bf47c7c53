/**
 * Every path a production build writes, worked out from the corpus and the site data without
 * building, so that `npm run check` and the build refuse the same old URLs (`aliases`): a redirect
 * page, and the `_redirects` line beside it, must never stand where the site serves a page, a
 * stylesheet, a feed, the search index or a host file. tests/content/written-paths.test.ts compares
 * this with what a build really writes.
 *   writtenCollision("css/site.css", paths) === "css/"       (every file under /css/ is the build's)
 *   writtenCollision("old/page/index.html", paths) === undefined
 */
import { HASHED_ASSET_DIRS, MANIFEST_FILE } from "../hosting/header-rules.ts";
import type { Site } from "./site-data.ts";

export interface WrittenPaths {
  /** Files, site-relative: `index.html`, `css/site.css`, `bendi/feed.xml`. */
  files: Set<string>;
  /** Folders all of whose files are the build's, with a trailing slash: `pagefind/`, `author/`. */
  folders: string[];
  /** Every folder holding one of `files`, with a trailing slash: `bendi/`, `bendi/2021/`. */
  parents: Set<string>;
}

export interface WrittenPathsInput {
  site: Site;
  /** URLs of the articles that get a page: live ones, and expired ones (their 已下线 notice). */
  pageUrls: string[];
  /** Site paths of the project's assets, before and after content hashing (src/build/site-assets.ts). */
  assets: string[];
}

/** Files at fixed places: pages, feeds, sitemaps and the files hosts and CI read. */
const FIXED_FILES = [
  "index.html",
  "404.html",
  "search/index.html",
  "archive/index.html",
  "feed.xml",
  "sitemap.xml",
  "news-sitemap.xml",
  "robots.txt",
  "_headers",
  "_redirects",
  MANIFEST_FILE,
  "next-embargo.json",
];

/**
 * Folders whose files depend on more than the front matter (list pages and their numbers, search
 * index files, resized images, the web editor): reserved whole. `preview/` is the preview's desk.
 */
const FIXED_FOLDERS = ["pagefind/", "admin/", "author/", "tag/", "archive/", "sitemaps/", "preview/"];

/** `bendi/2021/11/22/a/index.html` for the URL `/bendi/2021/11/22/a/`. */
export function fileOfUrl(url: string): string {
  return `${url.slice(1)}${url.endsWith("/") ? "index.html" : ""}`;
}

export function writtenPaths({ site, pageUrls, assets }: WrittenPathsInput): WrittenPaths {
  const files = new Set([...FIXED_FILES, ...assets, ...pageUrls.map(fileOfUrl)]);
  for (const { slug } of site.channels) {
    files.add(`${slug}/index.html`);
    files.add(`${slug}/feed.xml`);
  }
  const folders = [
    ...FIXED_FOLDERS,
    ...HASHED_ASSET_DIRS.map((dir) => `${dir}/`),
    ...site.channels.map((c) => `${c.slug}/page/`),
  ];
  // Each file's folders, from the nearest up, until one already noted: its own are then noted too.
  // An article page (`bendi/2026/10/26/a/index.html`) then costs about two lookups, not five.
  const parents = new Set<string>();
  for (const file of files) {
    for (let end = file.lastIndexOf("/"); end > 0; end = file.lastIndexOf("/", end - 1)) {
      const folder = file.slice(0, end + 1);
      if (parents.has(folder)) break;
      parents.add(folder);
    }
  }
  return { files, folders, parents };
}

/**
 * What the build writes that a file at `file` would overwrite or shadow: the same file, a reserved
 * folder holding it, a file standing where it needs a folder (`feed.xml/x`), or a folder of written
 * files where it would be a file. Undefined when it is free.
 */
export function writtenCollision(file: string, written: WrittenPaths): string | undefined {
  if (written.files.has(file)) return file;
  const folder = written.folders.find((f) => file.startsWith(f) || `${file}/` === f);
  if (folder) return folder;
  const parts = file.split("/");
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join("/");
    if (written.files.has(ancestor)) return ancestor;
  }
  return written.parents.has(`${file}/`) ? `${file}/` : undefined;
}
