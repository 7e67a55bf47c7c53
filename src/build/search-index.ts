/**
 * Site search: once every page is written, Pagefind (its npm package carries the binary;
 * nothing downloads) indexes the staging folder and writes `/pagefind/`: the index, its WebAssembly
 * search code and the default UI that `/search/` loads. Only elements marked `data-pagefind-body`
 * are indexed (article bodies: never the nav, footer or share bar), with the filters and sort key the
 * article layout sets. `SEARCH=off` skips the step (the search page then says search is off).
 */
import path from "node:path";
import * as pagefind from "pagefind";
import type { AfterBuildStep } from "./build-context.ts";

export const SEARCH_BUNDLE = "pagefind";

function check(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`search index: ${what} failed:\n${errors.join("\n")}`);
}

export const searchIndexStep: AfterBuildStep = {
  name: "search index",
  async run(dir, { options }) {
    if (!options.search) return;
    try {
      const { index, errors } = await pagefind.createIndex();
      check(errors, "starting Pagefind");
      const added = await index!.addDirectory({ path: dir });
      check(added.errors, "indexing");
      const written = await index!.writeFiles({ outputPath: path.join(dir, SEARCH_BUNDLE) });
      check(written.errors, "writing the index");
    } finally {
      await pagefind.close();
    }
  },
};
