/**
 * The bundled sample site (content/), copied to a temporary folder and built with search, for the
 * browser tests that look at it as a reader would:
 *   const site = await buildSampleSite(); ... await site.cleanup();
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildContent, type FixtureSite } from "./fixture-site.ts";

/** The build clock of the sample site's tests: every sample article is live. */
export const SAMPLE_NOW = "2026-12-01 08:00";

export async function buildSampleSite(): Promise<FixtureSite & { cleanup(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "heze-sample-"));
  await cp("content", path.join(root, "content"), { recursive: true });
  const site = await buildContent(path.join(root, "content"), { SEARCH: "on", HEZE_NOW: SAMPLE_NOW });
  return { ...site, cleanup: () => rm(root, { recursive: true, force: true }) };
}
