/**
 * Runs Eleventy once, writing into `outputDir`, with `.eleventy.ts` reading its options from the
 * environment (src/build-options.ts). Errors reach the caller; Eleventy's own log would repeat them.
 */
import Eleventy from "@11ty/eleventy";

export async function renderSite(outputDir: string): Promise<void> {
  const eleventy = new Eleventy(undefined, outputDir, { configPath: ".eleventy.ts", quietMode: true });
  eleventy.disableLogger();
  await eleventy.write();
}
