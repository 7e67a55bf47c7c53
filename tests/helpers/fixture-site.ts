/**
 * Builds a tiny site from files declared inline, the way an editor would run the build, and reads
 * its pages as parsed DOM documents:
 *   const site = await buildFixture({ "articles/a.md": article({ title: "测试" }) });
 *   const doc = await site.page("/bendi/2021/11/22/a/");
 * `site.yaml` is the bundled one unless the fixture gives its own.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { JSDOM } from "jsdom";
import sharp from "sharp";
import { tempDir } from "./temp-dir.ts";

export interface FixtureSite {
  /** The content folder (site.yaml, articles/, media/). */
  contentDir: string;
  outputDir: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The built page at a site URL such as `/bendi/2021/11/22/a/`, parsed. */
  page(url: string): Promise<Document>;
  /** A built file's text, by its path in the output folder. */
  file(relativePath: string): Promise<string>;
}

export type FixtureFiles = Record<string, string | Buffer>;

/** Runs a command of this project's with the fixture's folders in its environment. */
export function runProject(
  args: string[],
  env: Record<string, string>,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** Writes the fixture's files into a fresh content folder, removed when the test file finishes. */
export async function writeFixture(files: FixtureFiles): Promise<string> {
  const root = await tempDir("heze-fixture-");
  const contentDir = path.join(root, "content");
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  if (!("site.yaml" in files)) await cp("content/site.yaml", path.join(contentDir, "site.yaml"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(contentDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return contentDir;
}

/** Builds a fixture site with `npm run build`'s entry point; `env` may set HEZE_NOW, SEARCH... */
export async function buildFixture(
  files: FixtureFiles,
  env: Record<string, string> = {},
): Promise<FixtureSite> {
  const contentDir = await writeFixture(files);
  return buildContent(contentDir, env);
}

/** Builds (or rebuilds) an existing content folder into `<its parent>/_site`. */
export async function buildContent(
  contentDir: string,
  env: Record<string, string> = {},
): Promise<FixtureSite> {
  const outputDir = path.join(path.dirname(contentDir), "_site");
  const result = await runProject(["src/cli/build.ts"], {
    SEARCH: "off",
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: outputDir,
    HEZE_CACHE: path.join(path.dirname(contentDir), ".cache"),
    ...env,
  });
  const file = (relativePath: string) => readFile(path.join(outputDir, relativePath), "utf8");
  return {
    contentDir,
    outputDir,
    ...result,
    file,
    async page(url: string) {
      const html = await file(path.join(url, url.endsWith("/") ? "index.html" : ""));
      return new JSDOM(html).window.document;
    },
  };
}

/** Front matter and body of a valid article; override any field, or set one to undefined to drop it. */
export function article(
  fields: Record<string, unknown> = {},
  body = "菏泽日报讯 这是一篇测试稿件的正文。",
): string {
  const all: Record<string, unknown> = {
    title: "测试稿件",
    author: "李明",
    source: "菏泽日报",
    date: "2021-11-22 09:27",
    section: "本地要闻",
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/**
 * Article files from rows `[file under articles/ without .md, title, date, body, section?]`:
 *   articleFiles([["tiyu/run", "马拉松", "2022-10-03 08:00", "本报讯 ……", "体育"]])
 */
export function articleFiles(rows: [string, string, string, string, string?][]): FixtureFiles {
  return Object.fromEntries(
    rows.map(([file, title, date, body, section]) => [
      `articles/${file}.md`,
      article({ title, date, ...(section ? { section } : {}) }, body),
    ]),
  );
}

/** A plain JPEG of the given size, standing in for a news photo. */
export function testPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#b5485a" } })
    .jpeg()
    .toBuffer();
}

/**
 * YAML lines of an alias bomb: each line's list names the one before nine times, so nine lines stand
 * for 9^9 values once expanded (the 537-byte input of issue 11).
 */
export function yamlAliasBomb(): string {
  const names = "abcdefghi".split("");
  const lines = names.map((name, i) => {
    const items = i === 0 ? Array(9).fill("x") : Array(9).fill(`*${names[i - 1]}`);
    return `${name}: &${name} [${items.join(", ")}]`;
  });
  return lines.join("\n");
}
