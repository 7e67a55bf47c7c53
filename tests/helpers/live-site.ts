/**
 * A built site as the live output looks to a build updating it in place (src/pages/live-output.ts):
 * the files, and a build manifest describing them.
 *   const manifest = await writeLiveSite(dir, { "index.html": "首页", "css/site.css": bytes });
 *   const live = liveOutputOf(dir, manifest);
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatBuildManifest, type BuildManifest } from "../../src/hosting/build-manifest.ts";
import { describeFile } from "../../src/hosting/describe-file.ts";
import { MANIFEST_FILE } from "../../src/hosting/header-rules.ts";
import { ManifestText } from "../../src/hosting/manifest-text.ts";
import { LiveOutput } from "../../src/pages/live-output.ts";

export async function writeLiveSite(
  dir: string,
  files: Record<string, string | Buffer>,
): Promise<BuildManifest> {
  const manifest: BuildManifest = {
    version: 1,
    baseUrl: "",
    nextEmbargo: null,
    nextRebuild: null,
    files: {},
  };
  // Listed sorted, as the build writes them.
  for (const [file, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
    manifest.files[file] = describeFile(Buffer.from(content));
  }
  await writeFile(path.join(dir, MANIFEST_FILE), formatBuildManifest(manifest));
  return manifest;
}

/** The live output in `dir` as a build reads it, its manifest's text being `manifest`'s. */
export function liveOutputOf(dir: string, manifest: BuildManifest): LiveOutput {
  return new LiveOutput(dir, ManifestText.read(formatBuildManifest(manifest))!);
}
