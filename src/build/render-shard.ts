/**
 * One shard of a parallel build, started by build-site.ts with HEZE_SHARD and HEZE_STAGING set; not
 * for running by hand. Prints the pages it rendered (RenderedPages) as JSON on stdout; exits 3 with the
 * content problems as JSON on stdout instead when content is invalid.
 */
import { findContentError } from "../articles/problems.ts";
import { CONTENT_PROBLEMS_EXIT, renderSite } from "./render-site.ts";

const staging = process.env.HEZE_STAGING;
if (!staging) throw new Error("render-shard.ts runs from build-site.ts, which sets HEZE_STAGING");
try {
  process.stdout.write(JSON.stringify(await renderSite(staging)));
} catch (error) {
  const content = findContentError(error);
  if (!content) throw error;
  process.stdout.write(JSON.stringify(content.problems));
  process.exitCode = CONTENT_PROBLEMS_EXIT;
}
