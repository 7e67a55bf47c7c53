/**
 * What each page was last rendered from, so that the preview re-renders only the pages whose inputs
 * changed since its last rebuild. A page's inputs (BulkPage.inputs) are compared by identity: the
 * preview keeps the article objects of unchanged files (src/content/load-articles.ts), so an
 * unchanged article, foot or list keeps identical inputs. Anything else that a page shows (site
 * data, templates, media) makes the preview forget everything (src/eleventy/content-plugin.ts).
 *   const inputs = new RenderedInputs();
 *   inputs.changed("/bendi/", [listPage.title, ...listPage.items]); // true the first time
 */
export class RenderedInputs {
  readonly #inputs = new Map<string, unknown[]>();
  /** Objects changed in place since the last rebuild (src/build/build-run.ts). */
  readonly #touched = new Set<unknown>();
  /** The pages of the rebuild under way, as `changed` hears of them. */
  readonly #seen = new Set<string>();

  /** Whether `inputs` differ from those the page at `url` was last rendered from; remembers them. */
  changed(url: string, inputs: unknown[]): boolean {
    const last = this.#inputs.get(url);
    this.#inputs.set(url, inputs);
    this.#seen.add(url);
    return (
      !last ||
      last.length !== inputs.length ||
      last.some((input, i) => input !== inputs[i] || this.#touched.has(input))
    );
  }

  /** Notes an object changed in place: every page showing it counts as changed at the next rebuild. */
  touch(object: unknown): void {
    this.#touched.add(object);
  }

  /**
   * Once every page of a rebuild was asked about: the objects touched before it count as shown.
   * Returns the URLs of the last rebuild's pages that this one no longer has (a deleted article, an
   * article moved to another date), whose files the preview then removes.
   */
  settle(): string[] {
    this.#touched.clear();
    const gone = [...this.#inputs.keys()].filter((url) => !this.#seen.has(url));
    for (const url of gone) this.#inputs.delete(url);
    this.#seen.clear();
    return gone;
  }

  forget(): void {
    this.#inputs.clear();
    this.#touched.clear();
    this.#seen.clear();
  }
}
