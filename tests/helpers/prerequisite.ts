/**
 * Tests that need something from outside the repository (Chromium, Java, ../shared/reference/) skip
 * loudly where it is missing, and fail under CI instead, so that CI can never pass by skipping:
 *   if (!existsSync(file)) return skipOrFailUnderCi(t, `${file} is missing: …`);
 */
import type { TestContext } from "node:test";

/** CI=true (or any value but "false" and "0"), as CI services set it. */
export const UNDER_CI = !["", "false", "0"].includes(process.env.CI ?? "");

/** Fails the test with `message` under CI; elsewhere prints it where nobody can miss it and skips. */
export function skipOrFailUnderCi(t: TestContext, message: string): void {
  if (UNDER_CI) throw new Error(message);
  console.warn(`\n*** TEST SKIPPED: ${message} ***\n`);
  t.skip(message);
}
