import assert from "node:assert/strict";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { article, buildContent, runProject, writeFixture } from "../helpers/fixture-site.ts";

const contentDir = await writeFixture({ "articles/bendi/a.md": article() });
const output = path.join(path.dirname(contentDir), "_site");
const ENV = { HEZE_CONTENT: contentDir, HEZE_OUTPUT: output, SEARCH: "off" };

/** Each command with a bad option or environment value: [script, arguments, environment, what the line says]. */
const CASES: [string, string[], Record<string, string>, RegExp][] = [
  ["build", ["--fast"], {}, /^heze-press build: Unknown option '--fast'/],
  ["build", [], { HEZE_NOW: "tomorrow" }, /^heze-press build: HEZE_NOW="tomorrow": expected a date and time/],
  ["build", [], { SEARCH: "of" }, /^heze-press build: SEARCH="of": expected on or off$/],
  ["build", [], { HEZE_OUTPUT: "/proc/heze-site" }, /^heze-press build: HEZE_OUTPUT="\/proc\/heze-site": /],
  [
    "build",
    [],
    { HEZE_CONTENT: "/nonexistent/content" },
    /^heze-press build: HEZE_CONTENT: no folder \/nonexistent\/content/,
  ],
  ["check", ["--format", "xml"], {}, /^heze-press check: --format must be text or github$/],
  [
    "check",
    [],
    { HEZE_NOW: "2021-11-22 24:00" },
    /^heze-press check: HEZE_NOW="2021-11-22 24:00": not a real date or time/,
  ],
  ["publish", ["--bucket", "b", "--fast"], {}, /^heze-press publish: Unknown option '--fast'/],
  ["publish", [], {}, /^heze-press publish: --bucket is required$/],
  [
    "publish",
    ["--bucket", "b", "--purge-file", "/proc/none/purge.txt"],
    {},
    /^heze-press publish: --purge-file "\/proc\/none\/purge.txt": cannot write in \/proc\/none/,
  ],
  [
    "publish",
    ["--bucket", "b", "--concurrency", "x"],
    {},
    /^heze-press publish: --concurrency "x": expected a whole number/,
  ],
  [
    "new",
    ["--section", "bendi", "--title", "x", "--date", "0001-01-01 00:00"],
    {},
    /^heze-press new: --date "0001-01-01 00:00": 1 年早于 1900 年，多半是笔误；请写成 2021-11-22 09:27 这样的真实时间$/,
  ],
  [
    "new",
    ["--section", "bendi", "--title", "x", "--date", "0001-01-01 00:00", "--lang", "en"],
    {},
    /^heze-press new: --date "0001-01-01 00:00": the year 1 is before 1900/,
  ],
  ["build", ["--lang", "english"], {}, /^heze-press build: --lang "english": expected zh or en$/],
  ["preview", [], { HEZE_LANG: "fr" }, /^heze-press preview: HEZE_LANG="fr": expected zh or en$/],
  [
    "preview",
    ["--port", "eighty"],
    {},
    /^heze-press preview: --port "eighty": expected a port from 1 to 65535$/,
  ],
  ["editor", [], { HEZE_EDITOR_PORT: "x" }, /^heze-press editor: HEZE_EDITOR_PORT="x": expected a port/],
];

test("a bad option or environment value: one line, the usage, exit 2, nothing written", async () => {
  for (const [command, args, env, line] of CASES) {
    const result = await runProject([`src/cli/${command}.ts`, ...args], { ...ENV, ...env });
    const what = `${command} ${args.join(" ")} ${JSON.stringify(env)}`;
    assert.equal(result.exitCode, 2, `${what}\n${result.stderr}`);
    const lines = result.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 2, `${what}: one line and the usage\n${result.stderr}`);
    assert.match(lines[0]!, line, what);
    assert.match(lines[1]!, new RegExp(`^usage: npm run ${command}`), what);
  }
  assert.deepEqual(
    (await readdir(path.dirname(contentDir))).filter((name) => name.startsWith("_site")),
    [],
    "no build started",
  );
});

test("the next build removes the staging folder of a build that was killed", async () => {
  const stale = `${output}.staging-999999999-1764590000000`;
  await mkdir(path.join(stale, "bendi"), { recursive: true });
  const built = await buildContent(contentDir);
  assert.equal(built.exitCode, 0, built.stderr);
  assert.match(built.stdout, /removed .*staging-999999999-1764590000000, left by a build that was stopped/);
  assert.deepEqual(
    (await readdir(path.dirname(output))).filter((name) => name.startsWith("_site")),
    ["_site"],
  );
});
