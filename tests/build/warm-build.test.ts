/**
 * A warm build (one that keeps `.cache/`) gives the same bytes as a cold one. A copy of the project
 * (its code, templates, styles; node_modules linked) builds a small corpus; then a random sequence of
 * the changes a newsroom makes (add, edit, delete and rename an article, a one-character edit of a
 * body alone, an embargo lifting by the clock, the clock moving on, a template, site.yaml, CSS and
 * code edit, the search turned off, nothing at all) is applied, and after each one the warm output tree
 * is compared, file by file, with a cold build of the same content. The seed is printed on failure;
 * HEZE_TEST_SEED=<seed> replays a sequence.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  cp,
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import path from "node:path";
import { before, test } from "node:test";
import { DateTime } from "luxon";
import { random as seededRandom } from "../../bench/generate-corpus.ts";
import { listFiles } from "../../src/util/list-files.ts";
import { readCheckedFile, writeCheckedFile } from "../../src/util/checked-file.ts";
import { article, testPhoto } from "../helpers/fixture-site.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const PROJECT_FILES = ["src", "templates", "public", ".eleventy.ts", "package.json", "package-lock.json"];
const CHANNELS = ["本地要闻", "社会热点", "财经", "文化"];
const TAGS = ["牡丹", "黄河", "乡村振兴", "营商环境", "交通"];
const LONG_PARAGRAPH = "菏泽牡丹盛开，游客纷至沓来。".repeat(10);

let project: string;
let content: string;
/** SEARCH for every build of the test; one change turns it off. */
let search = "on";

function build(
  output: string,
  cache: string,
  now: string,
  contentDir = content,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["src/cli/build.ts"],
      {
        cwd: project,
        env: {
          ...process.env,
          HEZE_CONTENT: contentDir,
          HEZE_OUTPUT: output,
          HEZE_CACHE: cache,
          HEZE_NOW: now,
          SEARCH: search,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** Asserts that two output trees hold the same files with the same bytes. */
async function assertSameTree(warm: string, cold: string, step: string): Promise<void> {
  const files = listFiles(cold);
  assert.deepEqual(listFiles(warm), files, `${step}: the same files`);
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(path.join(warm, file)), readFile(path.join(cold, file))]);
    assert.ok(a.equals(b), `${step}: ${file} differs between the warm and the cold build`);
  }
}

before(async () => {
  const root = await tempDir("heze-warm-");
  project = path.join(root, "project");
  content = path.join(root, "content");
  for (const entry of PROJECT_FILES) await cp(entry, path.join(project, entry), { recursive: true });
  await symlink(path.resolve("node_modules"), path.join(project, "node_modules"));
  await mkdir(path.join(content, "articles"), { recursive: true });
  await mkdir(path.join(content, "media"), { recursive: true });
  // Two articles a page and three URLs a sitemap file: lists with pages, and sitemap files, enough
  // for some to stand unchanged whatever newer articles do.
  const site = await readFile("content/site.yaml", "utf8");
  assert.match(site, /^pageSize: \d+$/m);
  assert.match(site, /^sitemapSize: \d+$/m);
  const small = site
    .replace(/^pageSize: \d+$/m, "pageSize: 2")
    .replace(/^sitemapSize: \d+$/m, "sitemapSize: 3");
  await writeFile(path.join(content, "site.yaml"), small);
  await writeFile(path.join(content, "media", "photo.jpg"), await testPhoto(800, 533));
});

test("after any sequence of newsroom changes, a warm build's output is byte-identical to a cold build's", async () => {
  const seed = Number(process.env.HEZE_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  let clock = "2026-03-10 12:00";
  let serial = 0;
  const files = new Set<string>();
  const articlePath = (name: string) => path.join(content, "articles", name);
  const writeArticle = async (name: string, fields: Record<string, unknown> = {}) => {
    serial++;
    const day = 1 + Math.floor(random() * 9);
    await mkdir(path.dirname(articlePath(name)), { recursive: true });
    await writeFile(
      articlePath(name),
      article(
        {
          title: `菏泽稿件第${serial}号`,
          date: `2026-03-0${day} 0${Math.floor(random() * 9)}:30`,
          section: pick(CHANNELS),
          tags: [pick(TAGS), pick(TAGS)],
          ...fields,
        },
        // A first paragraph longer than a description: the second is in the body alone.
        `菏泽日报讯 第${serial}篇稿件的正文，${pick(TAGS)}。${LONG_PARAGRAPH}\n\n第二段，写于第${serial}次修改。`,
      ),
    );
    files.add(name);
  };
  const projectFile = (name: string) => path.join(project, name);
  const append = async (file: string, text: string) =>
    writeFile(file, `${await readFile(file, "utf8")}${text}`);

  const changes: Record<string, () => Promise<void>> = {
    async add() {
      await writeArticle(`added/a${serial}.md`);
    },
    async edit() {
      await writeArticle(pick([...files].sort()));
    },
    // Changes only the body's html, by one character of the same length: no other field sees it.
    async "body edit"() {
      const file = articlePath(pick([...files].sort()));
      const text = await readFile(file, "utf8");
      const edited = text.replace(/第[二贰]段/, (word) => (word === "第二段" ? "第贰段" : "第二段"));
      assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
      assert.notEqual(edited, text);
      await writeFile(file, edited);
    },
    async delete() {
      const name = pick([...files].sort());
      await rm(articlePath(name));
      files.delete(name);
    },
    async rename() {
      const name = pick([...files].sort());
      const to = `renamed/r${serial++}.md`;
      await mkdir(path.dirname(articlePath(to)), { recursive: true });
      await rename(articlePath(name), articlePath(to));
      files.delete(name);
      files.add(to);
    },
    async "embargo lifts"() {
      clock = "2026-03-20 12:00";
    },
    async "clock moves"() {
      clock = DateTime.fromFormat(clock, "yyyy-MM-dd HH:mm").plus({ hours: 30 }).toFormat("yyyy-MM-dd HH:mm");
    },
    async nothing() {},
    // Every page changes (the search box comes or goes), though no article does.
    async "search off"() {
      search = "off";
    },
    async "template edit"() {
      const footer = projectFile("templates/partials/footer.njk");
      await writeFile(footer, (await readFile(footer, "utf8")).replace("稿件归档", "稿件归档(改)"));
    },
    async "site.yaml edit"() {
      const site = path.join(content, "site.yaml");
      await writeFile(site, (await readFile(site, "utf8")).replace("菏泽日报社主办", "菏泽日报社主办(改)"));
    },
    async "CSS edit"() {
      await append(projectFile("public/css/site.css"), `\n.warm-test-${serial} { color: #333; }\n`);
    },
    async "code version"() {
      await append(projectFile("src/content/reading-time.ts"), `\n// another version ${serial}\n`);
    },
  };

  for (let i = 0; i < 14; i++)
    await writeArticle(`a${i}.md`, i === 0 ? { image: "/media/photo.jpg", image_alt: "照片" } : {});
  await writeArticle("scheduled.md", { date: "2026-03-15 08:00", tags: ["牡丹"] });
  const kinds = Object.keys(changes);
  const sequence = [...kinds, pick(["add", "edit"]), pick(["add", "edit", "delete"])].sort(
    () => random() - 0.5,
  );
  const root = path.dirname(content);
  const cache = path.join(root, "cache");
  let settled = 0;
  for (const kind of ["first build", ...sequence]) {
    if (kind !== "first build") await changes[kind]!();
    const step = `seed ${seed}, ${kind}`;
    const warm = await build(path.join(root, "warm"), cache, clock);
    assert.equal(warm.code, 0, `${step}: the warm build failed:\n${warm.out}`);
    const cold = await build(path.join(root, "cold"), "off", clock);
    assert.equal(cold.code, 0, `${step}: the cold build failed:\n${cold.out}`);
    await assertSameTree(path.join(root, "warm"), path.join(root, "cold"), step);
    settled += Number(/\(([\d,]+) older than every change\)/.exec(warm.out)?.[1]?.replace(/,/g, "") ?? 0);
    if (kind === "nothing")
      assert.match(warm.out, /nothing changed since the last build/, `${step}: a build with nothing to do`);
    if (kind === "code version")
      assert.match(warm.out, /the code .* changed since the build cache was written/, step);
    if (["add", "edit", "body edit", "delete", "rename", "embargo lifts"].includes(kind))
      // (An embargo lifting changes nothing when an edit has already moved the article's date.)
      assert.match(
        warm.out,
        /build cache: reused [1-9]|nothing changed since the last build/,
        `${step}: the warm build used its cache`,
      );
  }
  // Pages showing only articles older than every change kept their fingerprints unmade.
  assert.ok(settled > 0, `seed ${seed}: some page was older than every change`);
  search = "on";
});

test("a damaged cache or one from another version is said in one line, then ignored", async () => {
  const root = path.dirname(content);
  const cache = path.join(root, "cache-damaged");
  const clock = "2026-03-20 12:00";
  assert.equal((await build(path.join(root, "d1"), cache, clock)).code, 0);
  await truncate(path.join(cache, "articles", "00.bin"), 100);
  const damaged = await build(path.join(root, "d2"), cache, clock);
  assert.equal(damaged.code, 0, damaged.out);
  assert.equal(damaged.out.match(/build cache: articles: .*/g)?.length, 1, damaged.out);
  assert.match(
    damaged.out,
    /build cache: articles: the build cache is damaged \(.*00\.bin\): building those afresh/,
  );
  assert.match(damaged.out, /reused 0 of \d+ articles/);
  await assertSameTree(path.join(root, "d2"), path.join(root, "d1"), "after a damaged cache");

  const index = path.join(cache, "pages.bin");
  const kept = readCheckedFile(index) as { value: { format: string } };
  writeCheckedFile(index, { ...kept.value, format: kept.value.format.replace(/\d+$/, "0") });
  const older = await build(path.join(root, "d3"), cache, clock);
  assert.match(
    older.out,
    /pages: the build cache was written by another version of heze-press: building those afresh/,
  );
  assert.match(older.out, /reused 0 of \d+ pages/);
  await assertSameTree(path.join(root, "d3"), path.join(root, "d1"), "after another version's cache");

  // A page's copy of the wrong size is not used; the page is rendered again and its copy mended.
  const copies = path.join(cache, "pages");
  const copy = path.join(copies, listFiles(copies)[0]!);
  await truncate(copy, 10);
  const pagesOf = (out: string) => /reused (\d+) of (\d+) pages/.exec(out)!.slice(1).map(Number);
  await rm(path.join(root, "d3"), { recursive: true }); // so that the build has work to do
  const [reused, total] = pagesOf((await build(path.join(root, "d3"), cache, clock)).out);
  assert.equal(reused, total! - 1, "the damaged copy's page is rendered");
  await assertSameTree(path.join(root, "d3"), path.join(root, "d1"), "after a damaged page copy");
  assert.ok((await stat(copy)).size > 10, "the copy is whole again");
  await rm(path.join(root, "d3"), { recursive: true });
  const [again, all] = pagesOf((await build(path.join(root, "d3"), cache, clock)).out);
  assert.equal(again, all, "every page is reused again");
});

test("a file's stamp spares reading it, but an edit is seen even with its size and modification time put back, and a link added", async () => {
  const root = path.dirname(content);
  const cache = path.join(root, "cache-stamps");
  const clock = "2026-03-20 12:00";
  await sleep(2100); // stamps are kept only for files settled a while before the build
  assert.equal((await build(path.join(root, "s1"), cache, clock)).code, 0);
  assert.match(
    (await build(path.join(root, "s1"), cache, clock)).out,
    /nothing changed since the last build/,
  );

  const file = path.join(content, "articles", listFiles(path.join(content, "articles"))[0]!);
  const { mtime, atime } = await stat(file);
  const text = await readFile(file, "utf8");
  assert.match(text, /菏泽/);
  await writeFile(file, text.replace("菏泽", "荷泽")); // the same number of bytes
  await utimes(file, atime, mtime);
  const edited = await build(path.join(root, "s1"), cache, clock);
  assert.doesNotMatch(edited.out, /nothing changed/);
  assert.equal((await build(path.join(root, "s2"), "off", clock)).code, 0);
  await assertSameTree(path.join(root, "s1"), path.join(root, "s2"), "after an edit that kept size and time");

  // A symbolic link is a problem, as `npm run check` says, not a folder with nothing changed.
  const link = path.join(content, "articles", "linked.md");
  await symlink(file, link);
  try {
    const linked = await build(path.join(root, "s1"), cache, clock);
    assert.equal(linked.code, 1, linked.out);
    assert.match(linked.out, /linked\.md/);
  } finally {
    await rm(link);
  }
  assert.match(
    (await build(path.join(root, "s1"), cache, clock)).out,
    /nothing changed since the last build/,
  );
});

test("after a fresh clone, files git holds as noted are not read; an edit git does not hold is", async () => {
  const root = await tempDir("heze-clone-");
  const origin = path.join(root, "origin");
  const clone = path.join(root, "clone");
  const git = (dir: string, ...args: string[]) =>
    promisify(execFile)("git", ["-C", dir, "-c", "user.name=编辑", "-c", "user.email=desk@heze.cn", ...args]);
  await mkdir(path.join(origin, "articles"), { recursive: true });
  await cp("content/site.yaml", path.join(origin, "site.yaml"));
  for (const [slug, title] of [
    ["mudan", "牡丹花开"],
    ["huanghe", "黄河滩区"],
    ["jiaotong", "交通新闻"],
  ])
    await writeFile(path.join(origin, "articles", `${slug}.md`), article({ title, tags: ["菏泽"] }));
  await git(origin, "init", "-q");
  await git(origin, "add", "-A");
  await git(origin, "commit", "-qm", "稿件");
  const freshClone = async () => {
    await rm(clone, { recursive: true, force: true });
    await git(root, "clone", "-q", origin, clone);
  };
  const [output, cache, clock] = [path.join(root, "site"), path.join(root, "cache"), "2026-03-20 12:00"];

  await freshClone();
  assert.equal((await build(output, cache, clock, clone)).code, 0);
  await freshClone(); // every file has a new stamp, as in CI with the cache restored
  assert.match(
    (await build(output, cache, clock, clone)).out,
    /nothing changed since the last build; .* \(0 article file\(s\) read\)/,
  );

  await freshClone();
  const file = path.join(clone, "articles", "mudan.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("牡丹", "芍药")); // the same size, not committed
  const edited = await build(output, cache, clock, clone);
  assert.doesNotMatch(edited.out, /nothing changed/);
  assert.equal((await build(path.join(root, "cold"), "off", clock, clone)).code, 0);
  await assertSameTree(output, path.join(root, "cold"), "after an edit git does not hold");

  // The edit committed in the origin: the file was noted without a blob id (git did not hold the
  // edit), so it alone is read; the others are known by theirs.
  await writeFile(path.join(origin, "articles", "mudan.md"), await readFile(file));
  await git(origin, "commit", "-qam", "改标题");
  await freshClone();
  assert.match(
    (await build(output, cache, clock, clone)).out,
    /nothing changed since the last build; .* \(1 article file\(s\) read\)/,
  );

  // An edit committed to a file noted with its blob id: git's new id is not the noted one.
  const other = path.join(origin, "articles", "huanghe.md");
  await writeFile(other, (await readFile(other, "utf8")).replace("黄河", "黄河大桥"));
  await git(origin, "commit", "-qam", "改标题");
  await freshClone();
  assert.doesNotMatch((await build(output, cache, clock, clone)).out, /nothing changed/);
  await rm(path.join(root, "cold"), { recursive: true });
  assert.equal((await build(path.join(root, "cold"), "off", clock, clone)).code, 0);
  await assertSameTree(output, path.join(root, "cold"), "after an edit committed elsewhere");
});
