/**
 * What each page was last rendered from, so that the preview re-renders only the pages whose inputs
 * changed since its last rebuild. A page's inputs (BulkPage.inputs) are compared by identity: the
 * preview keeps the article objects of unchanged files (src/content/load-articles.ts), so an
 * unchanged article, foot or list keeps identical inputs. Anything else that a page shows (site
 * data, templates, media) makes the preview forget everything (src/eleventy/content-plugin.ts).
 * After an edit in place (src/build/build-run.ts), the pages showing what it touched are found by
 * input, without making and comparing every page again (0.5 s at 100,000 articles).
 *   const inputs = new RenderedInputs();
 *   inputs.changed({ url: "/bendi/", inputs: [listPage.title, ...listPage.items] }); // true the first time
 */

/** What a page is known by here; the page objects themselves are kept, for `touchedPages`. */
export interface RenderedPage {
  url: string;
  inputs: unknown[];
}

export class RenderedInputs<Page extends RenderedPage = RenderedPage> {
  /** Each page as last rendered, by URL. */
  readonly #pages = new Map<string, Page>();
  /**
   * Each object input (an article, a list) → the URLs of the pages showing it: an array, not a
   * set, of about ten URLs (at 100,000 articles a million entries).
   */
  readonly #showing = new Map<unknown, string[]>();
  /** Objects changed in place since the last rebuild (`touch`). */
  readonly #touched = new Set<unknown>();
  /** Pages named as changed since the last rebuild (`touchPage`). */
  readonly #touchedPages = new Set<string>();
  /** The pages of the rebuild under way, as `changed` hears of them. */
  readonly #seen = new Set<string>();
  /** This rebuild renders only `touchedPages`: the pages it did not hear of stand. */
  #partial = false;

  /** Whether the page's inputs differ from those it was last rendered from; remembers the page. */
  changed(page: Page): boolean {
    const last = this.#pages.get(page.url);
    this.#pages.set(page.url, page);
    this.#seen.add(page.url);
    if (last && sameInputs(last.inputs, page.inputs))
      return this.#touchedPages.has(page.url) || page.inputs.some((input) => this.#touched.has(input));
    if (last) this.#index(last, "delete");
    this.#index(page, "add");
    return true;
  }

  #index({ url, inputs }: Page, change: "add" | "delete"): void {
    // An object shown twice (a neighbour that is also related) is noted, and dropped, twice.
    for (const input of inputs) {
      if (input === null || typeof input !== "object") continue;
      const urls = this.#showing.get(input);
      if (change === "add") {
        if (urls) urls.push(url);
        else this.#showing.set(input, [url]);
      } else if (urls) {
        const at = urls.indexOf(url);
        if (at >= 0) urls.splice(at, 1);
        if (urls.length === 0) this.#showing.delete(input);
      }
    }
  }

  /** Notes an object changed in place: every page showing it counts as changed at the next rebuild. */
  touch(object: object): void {
    this.#touched.add(object);
  }

  /** Notes that the page at `url` shows something changed that is not among its inputs. */
  touchPage(url: string): void {
    this.#touchedPages.add(url);
  }

  /**
   * The pages of the last rebuild showing what was touched since, for a rebuild that renders only
   * those (an edit in place, where every other page stands as it is); undefined when the last
   * rebuild's pages are not all known (none yet, or forgotten).
   */
  touchedPages(): Page[] | undefined {
    if (this.#pages.size === 0) return undefined;
    const urls = new Set([...this.#touchedPages].filter((url) => this.#pages.has(url)));
    for (const touched of this.#touched) for (const url of this.#showing.get(touched) ?? []) urls.add(url);
    this.#partial = true;
    return [...urls].map((url) => this.#pages.get(url)!);
  }

  /**
   * Once every page of a rebuild was asked about: the objects touched before it count as shown.
   * Returns the URLs of the last rebuild's pages that this one no longer has (a deleted article, an
   * article moved to another date), whose files the preview then removes; none after a rebuild of
   * `touchedPages` only.
   */
  settle(): string[] {
    this.#touched.clear();
    this.#touchedPages.clear();
    const gone = this.#partial ? [] : [...this.#pages.keys()].filter((url) => !this.#seen.has(url));
    for (const url of gone) {
      this.#index(this.#pages.get(url)!, "delete");
      this.#pages.delete(url);
    }
    this.#seen.clear();
    this.#partial = false;
    return gone;
  }

  forget(): void {
    this.#pages.clear();
    this.#showing.clear();
    this.#touched.clear();
    this.#touchedPages.clear();
    this.#seen.clear();
    this.#partial = false;
  }
}

const sameInputs = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((input, i) => input === b[i]);
