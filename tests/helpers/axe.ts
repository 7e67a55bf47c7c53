/**
 * Accessibility check with axe-core (a local copy from its npm package) in a Playwright page:
 *   assert.deepEqual(await axeViolations(page), []);
 * Runs the WCAG 2 A and AA rules (and axe's best practices with `{ bestPractice: true }`, such as
 * label-title-only) and gives one line per violated rule with the elements it found.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export async function axeViolations(page: Page, { bestPractice = false } = {}): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const tags = ["wcag2a", "wcag2aa", "wcag21aa", ...(bestPractice ? ["best-practice"] : [])];
  return page.evaluate(async (values) => {
    const axe = (
      window as unknown as {
        axe: { run(options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ runOnly: { type: "tag", values } });
    return result.violations.map(
      (v) => `${v.id}: ${(v.nodes as { target: string[] }[]).map((n) => n.target.join(" ")).join(", ")}`,
    );
  }, tags);
}
