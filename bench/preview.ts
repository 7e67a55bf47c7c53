/**
 * `npm run bench:preview -- --articles 10000 [--edits 5] [--out /dev/shm]`: the preview as an editor
 * meets it. Generates the synthetic corpus, starts `npm run preview`'s entry point on it and times
 * its start (to the line announcing its address, printed once the first build is served), then saves
 * `--edits` articles one after another with a new title and times each from the save to the moment
 * the article's page serves the new title. Prints each time and the median.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { listFiles } from "../src/util/list-files.ts";
import { generateCorpus } from "./generate-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    edits: { type: "string", default: "5" },
    out: { type: "string", default: "bench/corpus" },
    port: { type: "string", default: "8391" },
  },
});
const count = Number(values.articles);
const corpus = path.resolve(values.out, `preview-${count}`);
await generateCorpus(corpus, count);

const started = performance.now();
const child = spawn(process.execPath, ["src/cli/preview.ts", "--port", values.port], {
  env: {
    ...process.env,
    HEZE_CONTENT: corpus,
    HEZE_OUTPUT: path.resolve(values.out, `preview-${count}-out`),
    // Kept between runs of the bench: its second run shows the start from the build cache.
    HEZE_CACHE: path.resolve(values.out, `preview-${count}-cache`),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise<string>((resolve, reject) => {
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => {
    log += chunk;
    const found = /preview: (http:\/\/\S+?)\/ /.exec(log);
    if (found) resolve(found[1]!);
  });
  child.once("exit", (code) => reject(new Error(`the preview exited with ${code}:\n${log}`)));
});
console.log(
  `preview of ${count} articles: serving after ${((performance.now() - started) / 1000).toFixed(2)} s`,
);

/** The URL of a corpus article: its channel folder, Beijing date and file name. */
function articleUrl(file: string): string {
  const date = /^date: "(\d{4})-(\d{2})-(\d{2})/m.exec(readFileSync(file, "utf8"))!;
  return `/${path.basename(path.dirname(file))}/${date[1]}/${date[2]}/${date[3]}/${path.basename(file, ".md")}/`;
}

const files = listFiles(path.join(corpus, "articles")).map((file) => path.join(corpus, "articles", file));
const latencies: number[] = [];
for (let edit = 0; edit < Number(values.edits); edit++) {
  const file = files[Math.floor((edit + 0.5) * (files.length / Number(values.edits)))]!;
  const title = `预览测速第${edit + 1}次修改`;
  const page = `${url}${articleUrl(file)}`;
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${title}"`));
  const saved = performance.now();
  for (;;) {
    const text = await fetch(page).then(
      (r) => (r.ok ? r.text() : ""),
      () => "",
    );
    if (text.includes(title)) break;
    if (performance.now() - saved > 180_000) throw new Error(`${page} never showed the new title`);
    await sleep(25);
  }
  latencies.push((performance.now() - saved) / 1000);
  console.log(
    `edit ${edit + 1}: ${articleUrl(file)} shows the new title ${latencies.at(-1)!.toFixed(2)} s after the save`,
  );
  await sleep(1000);
}
const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;
console.log(`median from save to new text: ${median.toFixed(2)} s over ${latencies.length} edits`);
child.kill("SIGTERM");
