/**
 * After-build step, the last one: the build manifest (src/hosting/build-manifest.ts) describing
 * every other file of the staging folder. Pages the build rendered come with their digests already
 * (`context.rendered`, taken from the text it wrote); only the other files are read and hashed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { nextRebuild } from "../content/publishing-state.ts";
import {
  describeFile,
  formatBuildManifest,
  type BuildManifest,
  type ManifestEntry,
} from "../hosting/build-manifest.ts";
import { MANIFEST_FILE } from "../hosting/header-rules.ts";
import { forEachLimited } from "../util/for-each-limited.ts";
import { listFiles } from "../util/list-files.ts";
import type { AfterBuildStep, BuildContext } from "./build-context.ts";

/** Describes every file of the built site in `dir`. */
export async function makeBuildManifest(
  dir: string,
  { site, corpus, rendered, siteFiles }: Pick<BuildContext, "site" | "corpus" | "rendered" | "siteFiles">,
): Promise<BuildManifest> {
  const names = (siteFiles ?? listFiles(dir)).filter((file) => file !== MANIFEST_FILE);
  const entries = new Map<string, ManifestEntry>();
  await forEachLimited(names, 16, async (file) => {
    const known = Object.hasOwn(rendered, file) ? rendered[file] : undefined;
    if (known) return void entries.set(file, known);
    entries.set(file, describeFile(await readFile(path.join(dir, file))));
  });
  return {
    version: 1,
    baseUrl: site.baseUrl,
    nextEmbargo: corpus.schedule.nextEmbargo?.iso ?? null,
    nextRebuild: nextRebuild(corpus.schedule)?.iso ?? null,
    files: Object.fromEntries(names.map((file) => [file, entries.get(file)!])),
  };
}

export const writeBuildManifest: AfterBuildStep = {
  name: "build manifest",
  async run(dir, context) {
    await writeFile(
      path.join(dir, MANIFEST_FILE),
      formatBuildManifest(await makeBuildManifest(dir, context)),
    );
  },
};
