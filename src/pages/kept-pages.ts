/**
 * The build cache's pages. Each bulk page (bulk-pages.ts) gets a fingerprint: a SHA-256 of the cache
 * key (code, site data, media, settings: src/build/cache-key.ts), its URL and layout, and what it shows
 * (`BulkPage.inputs`, each object by the digest of its JSON, or an article by its identity). A page
 * whose fingerprint was rendered before is not rendered again: its file is hard-linked into the new
 * output from the cache's copy.
 * Copies are named by fingerprint (`<dir>/3f/3fa9….html`) and never written through (a page rendered
 * again replaces its copy's name), so a stopped build can leave a spare copy but never a wrong one; a
 * copy whose size differs from what was kept is not used, and is replaced once the page is rendered.
 *   const kept = new KeptPages(".cache/pages", lastIndex, key);
 *   const { toRender, reused } = kept.reuse(pages, staging);
 *   …render toRender…; after the build went live: index = kept.keep("_site", rendered);
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../util/link-or-copy.ts";
import type { LiveOutput } from "./live-output.ts";
import type { ManifestEntry } from "../hosting/build-manifest.ts";
import { sha256 } from "../util/sha256.ts";
import type { RenderedPages } from "./page-writer.ts";
import { sitePathOf } from "./template-data.ts";

/** What the cache keeps of a page: the fingerprint it was rendered from, and the manifest's facts. */
export interface KeptPage extends ManifestEntry {
  fingerprint: string;
}

/** What a page's fingerprint is made of (a BulkPage has all of it). */
export interface PageInputs {
  url: string;
  layout: string;
  source?: string;
  inputs: unknown[];
}

export class KeptPages {
  readonly #dir: string;
  readonly #kept: Map<string, KeptPage>;
  readonly #key: string;
  readonly #identify: (input: object) => string | undefined;
  /** This build's bulk pages: site path → fingerprint. */
  readonly #fingerprints = new Map<string, string>();
  readonly #digests = new WeakMap<object, string>();
  readonly #madeDirs = new Set<string>();
  /** Site paths of the pages linked from their copy instead of rendered. */
  readonly #reused = new Set<string>();

  /**
   * `identify` may give an input a short string that stands for its JSON (an article's file, digest
   * and state: src/content/article.ts), which spares writing out and hashing 100,000 articles.
   */
  constructor(
    dir: string,
    kept: Map<string, KeptPage>,
    key: string,
    identify: (input: object) => string | undefined = () => undefined,
  ) {
    this.#dir = dir;
    this.#kept = kept;
    this.#key = key;
    this.#identify = identify;
  }

  /** `reused 12,400 of 12,527 pages`. */
  get summary(): string {
    return `reused ${this.#reused.size.toLocaleString("en")} of ${this.#fingerprints.size.toLocaleString("en")} pages`;
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
   * Every page rendered before from the same fingerprint is reused: kept where it is when the live
   * output holds it with the same bytes (`live`: the output is updated in place), otherwise linked
   * into `outputDir` from its copy. The rest are to render.
   */
  reuse<Page extends PageInputs>(
    pages: Page[],
    outputDir: string,
    live?: LiveOutput,
  ): { toRender: Page[]; reused: RenderedPages } {
    const toRender: Page[] = [];
    const reused: RenderedPages = {};
    for (const page of pages) {
      const sitePath = sitePathOf(page.url);
      const fingerprint = this.fingerprint(page);
      this.#fingerprints.set(sitePath, fingerprint);
      const kept = this.#kept.get(sitePath);
      const copy = this.#copyOf(fingerprint);
      if (kept?.fingerprint !== fingerprint) {
        toRender.push(page);
        continue;
      }
      const facts = { size: kept.size, sha256: kept.sha256 };
      if (!live?.keep(sitePath, facts)) {
        if (statSync(copy, { throwIfNoEntry: false })?.size !== kept.size) {
          toRender.push(page);
          continue;
        }
        const file = path.join(outputDir, sitePath);
        this.#makeDir(path.dirname(file));
        linkOrCopy(copy, file);
      }
      reused[sitePath] = facts;
      this.#reused.add(sitePath);
    }
    return { toRender, reused };
  }

  /**
   * Once the build is live in `outputDir`: keeps a copy of every bulk page it rendered (replacing a
   * copy left by a stopped build, or one found damaged), and returns the index the next build reads.
   */
  keep(outputDir: string, rendered: RenderedPages): Map<string, KeptPage> {
    const index = new Map<string, KeptPage>();
    for (const [sitePath, fingerprint] of this.#fingerprints) {
      const facts = rendered[sitePath];
      if (!facts) continue;
      if (!this.#reused.has(sitePath)) {
        const copy = this.#copyOf(fingerprint);
        this.#makeDir(path.dirname(copy));
        linkOrCopy(path.join(outputDir, sitePath), copy);
      }
      index.set(sitePath, { fingerprint, size: facts.size, sha256: facts.sha256 });
    }
    return index;
  }

  /** Removes the copies no page of `index` uses (call once `index` is saved). */
  dropUnused(index: Map<string, KeptPage>): void {
    for (const [sitePath, { fingerprint }] of this.#kept)
      if (index.get(sitePath)?.fingerprint !== fingerprint)
        rmSync(this.#copyOf(fingerprint), { force: true });
  }
}
