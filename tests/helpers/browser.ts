/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (Playwright's own browser download cannot work here). Without Chromium the tests skip with a loud
 * message; with CI set they fail instead, so CI can never pass by skipping.
 *   const browser = await launchBrowser(t); if (!browser) return;   // inside a node:test test
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { TestContext } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { skipOrFailUnderCi } from "./prerequisite.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Screenshots and other test artefacts (git-ignored). */
export const ARTIFACTS_DIR = path.resolve("tests/artifacts");

/** Launches Chromium, or skips the test (fails under CI) when it is not installed. */
export async function launchBrowser(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`;
    skipOrFailUnderCi(t, message);
    return undefined;
  }
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  t.after(() => browser.close());
  return browser;
}
