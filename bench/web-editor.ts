/**
 * `npm run bench:editor -- [--articles 10000] [--runs 3] [--out /dev/shm]`: how long the web editor
 * (`npm run editor`, Decap's local backend) takes to open on a large corpus. Generates the synthetic
 * corpus (bench/generate-corpus.ts), starts the editor on it, then, in headless Chromium, times each
 * run from opening /admin/ in a fresh profile to its article list on screen (and, within that, from
 * the login to the list), opening it again (bundle cached, still logged in), and a search for the
 * oldest article's title. Run it with a few articles too: Decap's bundle costs the same at any size.
 * Also prints how long the local proxy takes to answer the list (the latest entries) and a search
 * (every entry). Needs Debian's Chromium (/usr/bin/chromium).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { generateCorpus } from "./generate-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: "/dev/shm" },
  },
});
const count = Number(values.articles);
const runs = Math.max(1, Number(values.runs) || 1);
const root = mkdtempSync(path.join(path.resolve(values.out), "heze-editor-bench-"));
const contentDir = path.join(root, "content");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

console.log(`generating ${count} articles in ${contentDir}`);
await generateCorpus(contentDir, count);

const proxyPort = 20000 + Math.floor(Math.random() * 20000);
const editor = spawn(process.execPath, ["src/cli/editor.ts", "--port", String(proxyPort + 1)], {
  env: {
    ...process.env,
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: path.join(root, "_preview"),
    HEZE_EDITOR_PORT: String(proxyPort),
    SEARCH: "off",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const started = Date.now();
const admin = await new Promise<string>((resolve, reject) => {
  let log = "";
  editor.stdout.on("data", (chunk: Buffer) => {
    log += chunk;
    const found = /heze-press editor: (\S+\/admin\/)/.exec(log);
    if (found) resolve(found[1]!);
  });
  editor.once("exit", (code) => reject(new Error(`the editor exited with ${code}:\n${log}`)));
});
console.log(`editor ready (preview built) after ${seconds(Date.now() - started)}: ${admin}`);

try {
  const api = `http://127.0.0.1:${proxyPort}/api/v1`;
  const params = { branch: "main", folder: "content/articles", extension: "md", depth: 3 };
  let oldest = { title: "", slug: "" };
  for (const all of [false, true]) {
    const t0 = performance.now();
    const response = await fetch(api, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "entriesByFolder", params: { ...params, all } }),
    });
    const entries = (await response.json()) as { data: string; file: { path: string } }[];
    const last = entries.at(-1)!;
    oldest = {
      title: /^title: "?(.*?)"?$/m.exec(last.data)?.[1] ?? "",
      slug: last.file.path.replace(/^content\/articles\//, "").replace(/\.md$/, ""),
    };
    const kind = all ? "search (all)" : "list (latest)";
    console.log(`local proxy, ${kind}: ${entries.length} entries in ${seconds(performance.now() - t0)}`);
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const cold: number[] = [];
  const list: number[] = [];
  const warm: number[] = [];
  const search: number[] = [];
  const entryLinks = 'a[href^="#/collections/articles/entries/"]';
  for (let run = 1; run <= runs; run++) {
    // A fresh browser profile: Decap's 5 MB bundle is fetched and compiled, then the editor logs in
    // (the local backend needs no account: the login button lets the editor in at once).
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000); // a busy machine is slow, not broken
    const t0 = performance.now();
    await page.goto(admin);
    const login = page.getByRole("button", { name: "登录" });
    await login.waitFor();
    const t1 = performance.now();
    await login.click();
    await page.locator(entryLinks).first().waitFor();
    const t2 = performance.now();
    cold.push(t2 - t0);
    list.push(t2 - t1);
    const shown = await page.locator(entryLinks).count();

    // Opening it again, as an editor does every day: the bundle is cached and the login kept.
    const t3 = performance.now();
    await page.reload();
    await page.locator(entryLinks).first().waitFor();
    warm.push(performance.now() - t3);

    // The oldest article, far beyond the list, is found by a search for its title.
    const t4 = performance.now();
    await page.goto(`${admin}#/search/${encodeURIComponent(oldest.title)}`);
    await page.locator(`a[href$="/${oldest.slug}"]`).first().waitFor();
    search.push(performance.now() - t4);
    console.log(
      `run ${run}: fresh profile ${seconds(cold.at(-1)!)} (login to list ${seconds(list.at(-1)!)}, ${shown} entries);` +
        ` reopened ${seconds(warm.at(-1)!)}; search ${seconds(search.at(-1)!)}`,
    );
    await context.close();
  }
  await browser.close();
  console.log(
    `median over ${runs} runs, ${count} articles: fresh profile ${seconds(median(cold))}` +
      ` (login to list ${seconds(median(list))}), reopened ${seconds(median(warm))}, search ${seconds(median(search))}`,
  );
} finally {
  editor.kill("SIGTERM");
  await new Promise((resolve) => editor.once("exit", resolve));
  rmSync(root, { recursive: true, force: true });
}
