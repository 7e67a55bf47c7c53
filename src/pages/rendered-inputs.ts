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

  /** Whether `inputs` differ from those the page at `url` was last rendered from; remembers them. */
  changed(url: string, inputs: unknown[]): boolean {
    const last = this.#inputs.get(url);
    this.#inputs.set(url, inputs);
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

  /** Once the pages of a rebuild are chosen: the objects touched before it count as shown. */
  settle(): void {
    this.#touched.clear();
  }

  forget(): void {
    this.#inputs.clear();
    this.#touched.clear();
  }
}
