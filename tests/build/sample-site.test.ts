/**
 * The bundled sample site (content/) builds, and every page it writes is valid HTML according to the
 * Nu Html Checker (vnu-jar, which needs Java: without it this test skips loudly, and fails under CI).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { buildContent } from "../helpers/fixture-site.ts";
import { skipOrFailUnderCi } from "../helpers/prerequisite.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const run = promisify(execFile);
// The checker itself, run with the machine's Java (never the package's Java downloader).
const vnu = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

test("the sample site builds into valid HTML", async (t) => {
  const root = await tempDir("heze-sample-");
  await cp("content", path.join(root, "content"), { recursive: true });
  const site = await buildContent(path.join(root, "content"), { HEZE_NOW: "2026-11-27 10:00" });
  assert.equal(site.exitCode, 0, site.stderr);

  const java = await run("java", ["-version"]).catch(() => undefined);
  if (!java) {
    return skipOrFailUnderCi(
      t,
      "java is needed for the HTML checker: apt-get install -y default-jre-headless",
    );
  }
  const result = await run("java", [
    "-jar",
    vnu,
    "--skip-non-html",
    "--format",
    "json",
    site.outputDir,
  ]).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
  const messages = (
    JSON.parse(result.stderr || '{"messages":[]}') as {
      messages: { type: string; url: string; message: string }[];
    }
  ).messages;
  assert.deepEqual(
    messages.filter((m) => m.type === "error").map((m) => `${m.url}: ${m.message}`),
    [],
  );
});
