/**
 * The build cache's pages. Each bulk page (bulk-pages.ts) gets a fingerprint: a SHA-256 of the cache
 * key (code, site data, media, settings: src/build/cache-key.ts), its URL and layout, and what it shows
 * (`BulkPage.inputs`, each object by the digest of its JSON, or an article by its identity). A page
 * whose fingerprint was rendered before is not rendered again: its file is hard-linked into the new
 * output from the cache's copy.
 * Copies are named by fingerprint (`<dir>/3f/3fa9….html`) and never written through (a page rendered
 * again replaces its copy's name), so a stopped build can leave a spare copy but never a wrong one; a
 * copy whose size differs from what was kept is not used, and is replaced once the page is rendered.
 * A page whose inputs follow from articles published before every change since the last build
 * (`BulkPage.dependsUpTo`, `changedFrom`) has the inputs it had then: it keeps its fingerprint
 * without the cost of making it (at 100,000 articles, most of a build's 1.5 s of fingerprints).
 *   const kept = new KeptPages(".cache/pages", lastIndex, key);
 *   const toRender = kept.reuse(pages, staging, rendered, live, earliestChange);
 *   …render toRender…; once written: index = await kept.keep(staging, rendered);
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../util/link-or-copy.ts";
import type { LiveOutput } from "./live-output.ts";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { sha256 } from "../util/sha256.ts";
import type { RenderedPages } from "./page-writer.ts";
import { sitePathOf } from "./template-data.ts";

/**
 * What the cache keeps of the pages, a column per fact: the fingerprint each was rendered from, and
 * the manifest's size and digest. At 100,000 articles (125,000 pages) that is a few arrays and two
 * long strings to parse and write, where a row per page made half a million small objects and strings.
 */
export interface KeptPagesIndex {
  paths: string[];
  /** Each page's fingerprint (64 hex digits), back to back, in the order of `paths`. */
  fingerprints: string;
  sizes: number[];
  /** Each page's SHA-256 (64 hex digits), back to back. */
  digests: string;
  /** The SHA-256 every fingerprint starts from (of the cache key and settings, see KeptPages). */
  start?: string;
}

export const NO_KEPT_PAGES: KeptPagesIndex = { paths: [], fingerprints: "", sizes: [], digests: "" };

/** Hex digits of a SHA-256. */
const HEX = 64;

/** Copies made between two yields of a save that shares its thread (about 30 ms of links). */
const LINKS_BETWEEN = 2000;

/** `value` as a pages index, if it is one whose columns agree. */
export function asKeptPagesIndex(value: unknown): KeptPagesIndex | undefined {
  const index = value as Partial<KeptPagesIndex> | undefined;
  if (!index || !Array.isArray(index.paths) || !Array.isArray(index.sizes)) return undefined;
  const rows = index.paths.length;
  const whole =
    typeof index.fingerprints === "string" &&
    typeof index.digests === "string" &&
    index.sizes.length === rows &&
    index.fingerprints.length === rows * HEX &&
    index.digests.length === rows * HEX;
  return whole ? (index as KeptPagesIndex) : undefined;
}

/** What a page's fingerprint is made of (a BulkPage has all of it), and until when it holds. */
export interface PageInputs {
  url: string;
  layout: string;
  source?: string;
  inputs: unknown[];
  dependsUpTo?: number;
}

export class KeptPages {
  readonly #dir: string;
  readonly #kept: KeptPagesIndex;
  /** Site path → its row in `#kept`. */
  readonly #rows = new Map<string, number>();
  /** The SHA-256 of the cache key, which every fingerprint starts from. */
  readonly #key: string;
  /** Whether the kept fingerprints started from the same (search on or off changes every page). */
  readonly #sameStart: boolean;
  readonly #identify: (input: object) => string | undefined;
  /** This build's bulk pages: site path → fingerprint. */
  readonly #fingerprints = new Map<string, string>();
  /** Site paths of the pages this build renders rather than reuses: their copies are kept once live. */
  readonly #fresh = new Set<string>();
  /** Pages that kept their fingerprint unmade, their inputs being older than every change. */
  #settled = 0;
  readonly #digests = new WeakMap<object, string>();
  readonly #madeDirs = new Set<string>();

  /**
   * `identify` may give an input a short string that stands for its JSON (an article's file, digest
   * and state: src/content/article.ts), which spares writing out and hashing 100,000 articles.
   */
  constructor(
    dir: string,
    kept: KeptPagesIndex,
    key: string,
    identify: (input: object) => string | undefined = () => undefined,
  ) {
    this.#dir = dir;
    this.#kept = kept;
    kept.paths.forEach((sitePath, row) => this.#rows.set(sitePath, row));
    this.#key = sha256(key);
    this.#sameStart = kept.start === this.#key;
    this.#identify = identify;
  }

  /** `reused 12,400 of 12,527 pages (12,380 older than every change)`. */
  get summary(): string {
    const pages = this.#fingerprints.size;
    const settled =
      this.#settled > 0 ? ` (${this.#settled.toLocaleString("en")} older than every change)` : "";
    const reused = (pages - this.#fresh.size).toLocaleString("en");
    return `reused ${reused} of ${pages.toLocaleString("en")} pages${settled}`;
  }

  #digest(input: unknown): string {
    if (input === null || typeof input !== "object") return JSON.stringify(input) ?? "undefined";
    const identity = this.#identify(input);
    if (identity !== undefined) return identity;
    let digest = this.#digests.get(input);
    if (!digest) this.#digests.set(input, (digest = sha256(JSON.stringify(input))));
    return digest;
  }

  fingerprint(page: PageInputs): string {
    const parts = [
      this.#key,
      page.url,
      page.layout,
      page.source ?? "",
      ...page.inputs.map((i) => this.#digest(i)),
    ];
    return sha256(parts.join("\n"));
  }

  #copyOf(fingerprint: string): string {
    return path.join(this.#dir, fingerprint.slice(0, 2), `${fingerprint}.html`);
  }

  #makeDir(dir: string): void {
    if (this.#madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#madeDirs.add(dir);
  }

  /**
   * Every page rendered before from the same fingerprint is reused, and its size and digest noted
   * in `rendered`: kept where it is when the live output holds it with the same bytes (`live`: the
   * output is updated in place), otherwise linked into `outputDir` from its copy. Returns the rest,
   * to render. `changedFrom`: the publication instant (epoch ms) of the earliest article changed
   * since the build that kept these pages (src/build/kept-articles.ts); a kept page whose inputs
   * depend only on earlier ones keeps its fingerprint.
   */
  reuse<Page extends PageInputs>(
    pages: Page[],
    outputDir: string,
    rendered: RenderedPages,
    live?: LiveOutput,
    changedFrom = -Infinity,
  ): Page[] {
    const toRender: Page[] = [];
    for (const page of pages) {
      const sitePath = sitePathOf(page.url);
      // Looked up once: at 100,000 articles this loop runs for 125,000 pages.
      const row = this.#rows.get(sitePath);
      const fingerprint = this.#settledFingerprint(row, page, changedFrom) ?? this.fingerprint(page);
      this.#fingerprints.set(sitePath, fingerprint);
      const facts = this.#keptAs(row, fingerprint);
      if (
        facts &&
        (live?.keep(sitePath, facts) || this.#linkCopy(fingerprint, facts.size, outputDir, sitePath))
      ) {
        rendered[sitePath] = facts;
        continue;
      }
      toRender.push(page);
      this.#fresh.add(sitePath);
    }
    return toRender;
  }

  /**
   * The fingerprint kept in `row` for the page, if its inputs are older than every change and it was
   * made from the same start (search on or off changes every page).
   */
  #settledFingerprint(row: number | undefined, page: PageInputs, changedFrom: number): string | undefined {
    const settled =
      row !== undefined &&
      this.#sameStart &&
      page.dependsUpTo !== undefined &&
      page.dependsUpTo < changedFrom;
    if (!settled) return undefined;
    this.#settled++;
    return this.#kept.fingerprints.slice(row * HEX, (row + 1) * HEX);
  }

  /** The size and digest kept in `row`, if its page was rendered from `fingerprint`. */
  #keptAs(row: number | undefined, fingerprint: string): ManifestEntry | undefined {
    if (row === undefined || !this.#kept.fingerprints.startsWith(fingerprint, row * HEX)) return undefined;
    return { size: this.#kept.sizes[row]!, sha256: this.#kept.digests.slice(row * HEX, (row + 1) * HEX) };
  }

  /** Links the copy rendered from `fingerprint` to `sitePath` under `outputDir`, if it is whole. */
  #linkCopy(fingerprint: string, size: number, outputDir: string, sitePath: string): boolean {
    const copy = this.#copyOf(fingerprint);
    if (statSync(copy, { throwIfNoEntry: false })?.size !== size) return false;
    const file = path.join(outputDir, sitePath);
    this.#makeDir(path.dirname(file));
    linkOrCopy(copy, file);
    return true;
  }

  /**
   * Once the build is live in `outputDir`: keeps a copy of every bulk page it rendered (replacing a
   * copy left by a stopped build, or one found damaged), and returns the index the next build reads.
   * The preview keeps its cache while it serves and edits go on (src/build/build-run.ts): `between`
   * is awaited now and then to let them, and the pages in `leftOut` by the end (written again or
   * removed meanwhile, so perhaps linked with their new text) are left out, their copies dropped.
   */
  async keep(
    outputDir: string,
    rendered: RenderedPages,
    between = async () => {},
    leftOut: ReadonlySet<string> = new Set(),
  ): Promise<KeptPagesIndex> {
    const rows: [sitePath: string, fingerprint: string, facts: ManifestEntry][] = [];
    let links = 0;
    for (const [sitePath, fingerprint] of this.#fingerprints) {
      const facts = rendered[sitePath];
      if (!facts) continue;
      if (this.#fresh.has(sitePath)) {
        const copy = this.#copyOf(fingerprint);
        this.#makeDir(path.dirname(copy));
        linkOrCopy(path.join(outputDir, sitePath), copy);
        if (++links % LINKS_BETWEEN === 0) await between();
      }
      rows.push([sitePath, fingerprint, facts]);
    }
    const kept = rows.filter(([sitePath, fingerprint]) => {
      if (!leftOut.has(sitePath)) return true;
      if (this.#fresh.has(sitePath)) rmSync(this.#copyOf(fingerprint), { force: true });
      return false;
    });
    return {
      paths: kept.map(([sitePath]) => sitePath),
      fingerprints: kept.map(([, fingerprint]) => fingerprint).join(""),
      sizes: kept.map(([, , facts]) => facts.size),
      digests: kept.map(([, , facts]) => facts.sha256).join(""),
      start: this.#key,
    };
  }

  /** Removes the copies no page of this build uses (call once the index `keep` returned is saved). */
  dropUnused(): void {
    const { paths, fingerprints } = this.#kept;
    paths.forEach((sitePath, row) => {
      const fingerprint = fingerprints.slice(row * HEX, (row + 1) * HEX);
      if (this.#fingerprints.get(sitePath) !== fingerprint)
        rmSync(this.#copyOf(fingerprint), { force: true });
    });
  }
}
