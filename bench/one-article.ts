/**
 * `npm run bench:one -- --articles 10000 [--search] [--out /dev/shm] [--no-hugo]`: what publishing one
 * article costs the CDN. Generates the synthetic corpus (bench/generate-corpus.ts), builds it with
 * heze-press and with the Hugo site of ../shared/bench/hugo-heze.sh, adds one article newer than all
 * the others, builds both again, and prints how many output files each build changed, added or
 * removed: every one of them is uploaded and purged from the CDN. heze-press's search bundle is
 * counted apart.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { listFiles } from "../src/util/list-files.ts";
import { addNewestArticle, generateCorpus } from "./generate-corpus.ts";
import { BUILD_ARGS } from "./measure.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    search: { type: "boolean", default: false },
    out: { type: "string", default: "bench/corpus" },
    "no-hugo": { type: "boolean", default: false },
  },
});
const count = Number(values.articles);
const outRoot = path.resolve(values.out);
mkdirSync(outRoot, { recursive: true });
const corpus = path.join(outRoot, `one-article-${count}`);
const HUGO_SCRIPT = path.resolve("../shared/bench/hugo-heze.sh");
const withHugo = !values["no-hugo"] && existsSync(HUGO_SCRIPT);

/** Every file of a built site with the SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** The files that differ between two snapshots: changed, added or removed. */
function difference(before: Map<string, string>, after: Map<string, string>): string[] {
  const files = new Set([...before.keys(), ...after.keys()]);
  return [...files].filter((file) => before.get(file) !== after.get(file)).sort();
}

function buildHeze(output: string): Map<string, string> {
  rmSync(output, { recursive: true, force: true });
  execFileSync(process.execPath, BUILD_ARGS, {
    env: {
      ...process.env,
      HEZE_CONTENT: corpus,
      HEZE_OUTPUT: output,
      HEZE_CACHE: "off",
      SEARCH: values.search ? "on" : "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return snapshot(output);
}

function buildHugo(output: string): Map<string, string> {
  rmSync(output, { recursive: true, force: true });
  execFileSync("bash", [HUGO_SCRIPT, path.join(corpus, "articles"), output], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return snapshot(output);
}

function report(name: string, changed: string[], total: number): void {
  const search = changed.filter((file) => file.startsWith("pagefind/"));
  const rest = changed.filter((file) => !file.startsWith("pagefind/"));
  console.log(
    `${name}: one new article in ${count} changed ${rest.length} of ${total} files` +
      (search.length ? ` (and ${search.length} search-index files)` : ""),
  );
  for (const file of rest.slice(0, 60)) console.log(`  ${file}`);
  if (rest.length > 60) console.log(`  … and ${rest.length - 60} more`);
}

await generateCorpus(corpus, count);
const hezeOut = path.join(outRoot, "one-article-heze");
const hugoOut = path.join(outRoot, "one-article-hugo");
const hezeBefore = buildHeze(hezeOut);
const hugoBefore = withHugo ? buildHugo(hugoOut) : undefined;
await addNewestArticle(corpus);
const hezeAfter = buildHeze(hezeOut);
report("heze-press", difference(hezeBefore, hezeAfter), hezeAfter.size);
if (hugoBefore) {
  const hugoAfter = buildHugo(hugoOut);
  report("hugo (hugo-heze)", difference(hugoBefore, hugoAfter), hugoAfter.size);
}
for (const dir of [hezeOut, hugoOut, corpus]) rmSync(dir, { recursive: true, force: true });
