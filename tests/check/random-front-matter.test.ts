/**
 * Property-based: random front matter (control characters, markup, odd Unicode, long and empty values,
 * odd dates, odd paths) through check and the build's loader in-process, then one small corpus through
 * the real build. Bounded in runs and time so it stays a few seconds.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { assetPaths, siteAssetPlan } from "../../src/build/site-assets.ts";
import { buildClock } from "../../src/content/newsroom-time.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { findContentError, formatProblem, type Problem } from "../../src/content/problems.ts";
import { checkContent } from "../../src/check/check-content.ts";
import { controlCharacter } from "../../src/content/control-character.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { loadSite } from "../../src/content/site-data.ts";
import { buildContent, writeFixture } from "../helpers/fixture-site.ts";
import { parseXml } from "../helpers/xml.ts";

const site = await loadSite("content");
const now = buildClock("2026-04-08T12:00:00+08:00");
const assets = assetPaths(await siteAssetPlan(site.baseUrl));

const oddText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "<b>粗</b>",
    "&amp; &",
    "]]>",
    `"'\``,
    "\u000b",
    "a\u0001b",
    "",
    "  ",
    "\u202e反转",
    "e\u0301",
    "😀",
    "\ud800",
  ),
  fc.constant("长".repeat(400)),
);
const oddDate = fc.oneof(
  fc.constantFrom(
    "2021-11-22 09:27",
    "2021-11-22 24:00",
    "0001-01-01 00:00",
    "2021-02-29 09:00",
    "2021-11-22",
    "2021-11-22T09:27:00+08:00",
    "2021-11-22T09:27:00+25:00",
    "9999-12-31 23:59",
    "昨天",
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
    )
    .map(
      ([y, m, d, h]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${String(h).padStart(2, "0")}:00`,
    ),
);
const oddPath = fc.oneof(
  fc.constantFrom(
    "/media/x.jpg",
    "/media/%2e%2e/site.yaml",
    "/media/%E0%A4%A",
    "/media/../x",
    "/etc/passwd",
    "/css/site.css",
    "/./bendi/",
    "/feed.xml",
    "/old/%22x",
    "/_headers",
    "/news/a&b.htm",
    "/old/page",
    "//x",
  ),
  fc.string({ maxLength: 20 }).map((s) => `/${s}`),
);
const frontMatter = fc.record(
  {
    title: oddText,
    kicker: oddText,
    author: fc.oneof(oddText, fc.array(oddText, { maxLength: 3 })),
    source: oddText,
    date: oddDate,
    updated: oddDate,
    section: fc.constantFrom("本地要闻", "bendi", "体育", "新闻", ""),
    tags: fc.array(oddText, { maxLength: 4 }),
    summary: oddText,
    image: oddPath,
    image_alt: oddText,
    aliases: fc.array(oddPath, { maxLength: 3 }),
    slug: fc.constantFrom("ok-slug", "Bad Slug", "a".repeat(300)),
  },
  { requiredKeys: [] },
);

/** An article file: every value written as JSON, which YAML reads as a double-quoted scalar. */
function articleText(fields: Record<string, unknown>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/** What zod, Luxon and the YAML parsers say, which must never reach an editor. */
const LIBRARY_WORDING =
  /\b(expected|received|Invalid|invalid|of type|Too (small|big)|Unrecognized|you specified|must|string|number|array)\b/;

const errorLines = (problems: Problem[]) =>
  problems
    .filter((p) => p.severity === "error")
    .map((p) => formatProblem(p, "en"))
    .sort();

test("random front matter: check and the build's loader agree, every problem names its file and reads in Chinese", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "heze-random-"));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(frontMatter, oddText), { minLength: 1, maxLength: 4 }),
        async (corpus) => {
          const contentDir = path.join(root, `run-${run++}`);
          await mkdir(path.join(contentDir, "articles"), { recursive: true });
          for (const [i, [fields, body]] of corpus.entries())
            await writeFile(path.join(contentDir, "articles", `a${i}.md`), articleText(fields, body));
          const checked = await checkContent(site, contentDir, now);
          let built: Problem[] = [];
          try {
            await loadArticles(site, {
              contentDir,
              cacheDir: path.join(root, "cache"),
              now,
              assetPaths: assets,
            });
          } catch (error) {
            const content = findContentError(error);
            if (!content) throw error; // a crash naming no file
            built = content.problems;
          }
          for (const p of [...checked.problems, ...built]) {
            assert.match(p.file, /articles\/a\d\.md$/);
            // An editor reads Chinese in the newsroom's words: no library text (zod, Luxon, YAML parsers).
            assert.match(p.message.zh, /\p{Script=Han}/u, p.message.zh);
            assert.doesNotMatch(p.message.zh, LIBRARY_WORDING, p.message.zh);
          }
          // Check also judges links, which the build leaves to it.
          const checkOnly = (line: string) => / body: broken link/.test(line);
          assert.deepEqual(
            errorLines(built),
            errorLines(checked.problems).filter((line) => !checkOnly(line)),
          );
        },
      ),
      { numRuns: 30, interruptAfterTimeLimit: 5000, seed: Number(process.env.FC_SEED ?? Date.now() % 1e9) },
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/** Text a valid article may hold: non-empty, no control character, no lone surrogate. */
const fieldText = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    fc.constantFrom("<b>粗</b>", "&amp; &", "]]>", `"'\``, "\u202e反转", "😀"),
  )
  .filter((s) => s.trim() !== "" && controlCharacter(s) === undefined);

test("a random valid corpus builds, and what builds parses as HTML and XML with its titles as text", async () => {
  const corpus = fc.sample(
    fc.record({
      title: fieldText,
      author: fc.array(fieldText, { minLength: 1, maxLength: 2 }),
      source: fieldText,
      tags: fc.array(fieldText, { maxLength: 3 }),
      summary: fieldText,
      body: fc.string({ unit: "binary", maxLength: 60 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    { numRuns: 5, seed: 11 },
  );
  const files = Object.fromEntries(
    corpus.map(({ body, minute, ...fields }, i) => [
      `articles/bendi/r${i}.md`,
      articleText(
        { ...fields, date: `2026-04-08 09:${String(minute).padStart(2, "0")}`, section: "本地要闻" },
        body,
      ),
    ]),
  );
  const contentDir = await writeFixture(files);
  const built = await buildContent(contentDir, { HEZE_NOW: "2026-04-08T12:00:00+08:00" });
  assert.equal(built.exitCode, 0, built.stderr);
  for (const file of listFiles(built.outputDir).filter((f) => f.endsWith(".xml"))) {
    const xml = await built.file(file);
    assert.doesNotThrow(() => parseXml(xml), file);
  }
  for (const [i, { title }] of corpus.entries()) {
    const page = await built.page(`/bendi/2026/04/08/r${i}/`);
    assert.equal(page.querySelector("h1")?.textContent?.trim(), title.trim(), `r${i}`);
  }
});
