/**
 * The inputs of a careless or hostile editor, each run through `npm run check` and `npm run build`:
 * both must print the same problem lines (`file:line:col: field: what is wrong; what to do`), exit 1
 * with no stack trace, and the build must leave the previous site as it was.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { listFiles } from "../../src/util/list-files.ts";
import { authorUrl } from "../../src/content/name-key.ts";
import {
  article,
  buildContent,
  runProject,
  testPhoto,
  writeFixture,
  yamlAliasBomb,
  type FixtureFiles,
} from "../helpers/fixture-site.ts";

const NOW = "2026-04-08T12:00:00+08:00";
/** Problem lines of a command's output, with the fixture's folder cut off so that runs compare. */
const PROBLEM = /^(?:.*\/)?(content\/\S+?:\d+(?::\d+)?: .*)$/;

function problemLines(output: string): string[] {
  return output
    .split("\n")
    .flatMap((line) => {
      const found = PROBLEM.exec(line);
      return found ? [found[1]!] : [];
    })
    .filter((line) => !/: warning: /.test(line))
    .sort();
}

async function snapshot(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) hash.update(file).update(await readFile(path.join(dir, file)));
  return hash.digest("hex");
}

/** Runs check, then the build over a good site built before: both outputs and whether the site survived. */
async function checkAndBuild(contentDir: string) {
  // In English: these tests are about what both commands report, not its wording.
  const env = { HEZE_CONTENT: contentDir, HEZE_NOW: NOW, HEZE_LANG: "en" };
  const check = await runProject(["src/cli/check.ts"], env);
  const build = await buildContent(contentDir, env);
  return { check, build, checkLines: problemLines(check.stdout), buildLines: problemLines(build.stderr) };
}

const BAD: FixtureFiles = {
  // Aliases over files the build writes, and an unnormalised spelling of a channel front.
  "articles/bendi/alias-css.md": article({ aliases: ["/css/site.css"] }),
  "articles/bendi/alias-js.md": article({ aliases: ["/js/search.js"] }),
  "articles/bendi/alias-search.md": article({ aliases: ["/pagefind/pagefind.js"] }),
  "articles/bendi/alias-manifest.md": article({ aliases: ["/build-manifest.json"] }),
  "articles/bendi/alias-lists.md": article({ aliases: [authorUrl("李明"), "/tag/x/", "/archive/2021/11/"] }),
  "articles/bendi/alias-headers.md": article({ aliases: ["/_headers", "/_redirects"] }),
  "articles/bendi/alias-feed.md": article({ aliases: ["/feed.xml", "/bendi/feed.xml"] }),
  "articles/bendi/alias-dot.md": article({ aliases: ["/./bendi/"] }),
  "articles/bendi/alias-quote.md": article({ aliases: ["/old%22x.htm", "/a%3Cb.htm"] }),
  "articles/bendi/alias-escape.md": article({ aliases: ["/old%ZZ.htm", "/%2e%2e/x"] }),
  // Control characters: a vertical tab (Word's manual line break), U+0001, a form feed, a backspace.
  "articles/bendi/control.md": article({
    title: "牡丹\u000b节",
    author: "李\u0001明",
    tags: ["a\fb", "c\bd"],
  }),
  // Image paths.
  "articles/bendi/image-escape.md": article({ image: "/media/%2e%2e/site.yaml", image_alt: "逃逸" }),
  "articles/bendi/image-malformed.md": article({ image: "/media/%E0%A4%A.jpg", image_alt: "坏" }),
  "articles/bendi/image-body.md": article({}, "![逃逸](/media/%2e%2e/%2e%2e/etc/passwd)"),
  // YAML that cannot be read must not hide the body's missing image, in check as in the build.
  "articles/bendi/yaml-image.md": "---\ntitle: [\n---\n![缺图](/media/none.jpg)\n",
  // A YAML alias bomb.
  "articles/bendi/bomb.md": `---\ntitle: 炸弹\n${yamlAliasBomb()}\n---\n正文\n`,
  // Name keys: a slug-shaped name equal to another name's key.
  "articles/bendi/key-a.md": article({ author: "李明" }),
  "articles/bendi/key-b.md": article({ author: authorUrl("李明").split("/")[2]! }),
  // A misspelt field must not hide the date order.
  "articles/bendi/misspelt.md": article({ autor: "李明", updated: "2021-11-21 09:00" }),
  // A bad field must not hide an alias over a file the site serves.
  "articles/bendi/alias-and-date.md": article({ date: "2021-13-45 09:00", aliases: ["/robots.txt"] }),
  // Dates.
  "articles/bendi/midnight.md": article({ date: "2021-11-22 24:00" }),
  "articles/bendi/year-one.md": article({ date: "0001-11-22 09:27" }),
};

test("every bad input gets the same lines from check and build, exit 1, no stack trace, the live site intact", async () => {
  const contentDir = await writeFixture({
    "articles/bendi/good.md": article({ title: "好稿件", slug: "good" }),
  });
  const good = await buildContent(contentDir, { HEZE_NOW: NOW });
  assert.equal(good.exitCode, 0, good.stderr);
  const before = await snapshot(good.outputDir);

  for (const [name, content] of Object.entries(BAD)) {
    await mkdir(path.dirname(path.join(contentDir, name)), { recursive: true });
    await writeFile(path.join(contentDir, name), content);
  }
  await mkdir(path.join(contentDir, "media"), { recursive: true });
  await writeFile(path.join(contentDir, "media/real.jpg"), await testPhoto(40, 30));
  await symlink("/etc/hostname", path.join(contentDir, "media/link.jpg"));
  await writeFile(
    path.join(contentDir, "articles/bendi/image-link.md"),
    article({ image: "/media/link.jpg", image_alt: "链接" }),
  );
  await symlink(
    path.join(contentDir, "articles/bendi/good.md"),
    path.join(contentDir, "articles/bendi/linked.md"),
  );

  const { check, build, checkLines, buildLines } = await checkAndBuild(contentDir);
  assert.equal(check.exitCode, 1, check.stdout + check.stderr);
  assert.equal(build.exitCode, 1, build.stdout + build.stderr);
  for (const output of [check.stderr, build.stderr])
    assert.doesNotMatch(output, /^\s+at /m, "no stack trace");
  assert.deepEqual(buildLines, checkLines);
  assert.equal(await snapshot(good.outputDir), before, "the previous site is untouched");

  const expected = [
    'alias-and-date.md:5:1: date: got "2021-13-45 09:00": not a real date',
    "alias-and-date.md:7:1: aliases: old URL /robots.txt would stand where the site writes /robots.txt",
    "alias-css.md:7:1: aliases: old URL /css/site.css would stand where the site writes /css/",
    "alias-dot.md:7:1: aliases: old URL /./bendi/ is a live URL of the site (/bendi/)",
    'alias-escape.md:7:1: aliases.0: got "/old%ZZ.htm": a malformed %-escape',
    'alias-escape.md:7:1: aliases.1: got "/%2e%2e/x": a .. segment',
    "alias-feed.md:7:1: aliases: old URL /feed.xml would stand where the site writes /feed.xml",
    "alias-feed.md:7:1: aliases: old URL /bendi/feed.xml would stand where the site writes /bendi/feed.xml",
    "alias-headers.md:7:1: aliases: old URL /_headers would stand where the site writes /_headers",
    "alias-headers.md:7:1: aliases: old URL /_redirects would stand where the site writes /_redirects",
    "alias-js.md:7:1: aliases: old URL /js/search.js would stand where the site writes /js/",
    `alias-lists.md:7:1: aliases: old URL ${authorUrl("李明")} would stand where the site writes /author/`,
    "alias-lists.md:7:1: aliases: old URL /tag/x/ would stand where the site writes /tag/",
    "alias-lists.md:7:1: aliases: old URL /archive/2021/11/ would stand where the site writes /archive/",
    "alias-manifest.md:7:1: aliases: old URL /build-manifest.json would stand where the site writes /build-manifest.json",
    'alias-quote.md:7:1: aliases.0: got "/old%22x.htm": once %-escapes are decoded it holds "',
    'alias-quote.md:7:1: aliases.1: got "/a%3Cb.htm": once %-escapes are decoded it holds "',
    "alias-search.md:7:1: aliases: old URL /pagefind/pagefind.js would stand where the site writes /pagefind/",
    "bomb.md:4:",
    'control.md:2:1: title: got "牡丹\\u000b节": holds an invisible control character (U+000B',
    'control.md:3:1: author: got "李\\u0001明": holds an invisible control character (U+0001',
    'control.md:7:1: tags.0: got "a\\fb": holds an invisible control character (U+000C',
    'control.md:7:1: tags.1: got "c\\bd": holds an invisible control character (U+0008',
    'image-body.md:8:1: body: got "/media/%2e%2e/%2e%2e/etc/passwd": it leads out of content/media',
    'image-escape.md:7:1: image: got "/media/%2e%2e/site.yaml": it leads out of content/media',
    'image-link.md:7:1: image: got "/media/link.jpg": a symbolic link out of content/media',
    'image-malformed.md:7:1: image: got "/media/%E0%A4%A.jpg": a malformed %-escape',
    "key-b.md:3:1: author: the name",
    "linked.md:1:1: is a symbolic link, which the build does not follow",
    'midnight.md:5:1: date: got "2021-11-22 24:00": not a real date or time: hours run 00 to 23',
    "misspelt.md:7:1: autor: unknown field",
    'misspelt.md:8:1: updated: got "2021-11-21 09:00": is earlier than date',
    'year-one.md:5:1: date: got "0001-11-22 09:27": the year 1 is before 1900',
    "yaml-image.md:3:1: malformed YAML: ",
    "yaml-image.md:4:1: body: image /media/none.jpg not found",
  ];
  const shown = checkLines.map((line) => line.replace("content/articles/bendi/", ""));
  for (const start of expected)
    assert.ok(
      shown.some((line) => line.startsWith(start)),
      `no line starting ${start}\n${shown.join("\n")}`,
    );
  assert.ok(
    shown.some((line) => line.startsWith("bomb.md:") && line.includes("too many aliases")),
    shown.join("\n"),
  );
});

test("a bad site.yaml gets the same line from check and build, naming its line and field", async () => {
  const site = (await readFile("content/site.yaml", "utf8")).replace(/^pageSize: .*$/m, "pageSize: -3");
  assert.match(site, /pageSize: -3/);
  const contentDir = await writeFixture({ "site.yaml": site, "articles/bendi/a.md": article() });
  const { check, build, checkLines, buildLines } = await checkAndBuild(contentDir);
  assert.equal(check.exitCode, 1, check.stdout + check.stderr);
  assert.equal(build.exitCode, 1, build.stderr);
  assert.deepEqual(buildLines, checkLines);
  assert.equal(checkLines.length, 1);
  const line = site.split("\n").findIndex((l) => l.startsWith("pageSize:")) + 1;
  assert.match(
    checkLines[0]!,
    new RegExp(`^content/site\\.yaml:${line}:\\d+: pageSize: .*; correct it in site.yaml$`),
  );
  assert.doesNotMatch(build.stderr, /^\s+at /m);
});

test("a moved address of site.yaml over a file the build writes: the same line from check and build", async () => {
  const site = await readFile("content/site.yaml", "utf8");
  const moved = site.replace(/^redirects:\n/m, "redirects:\n  - from: /feed.xml\n    to: /\n");
  assert.notEqual(moved, site);
  const contentDir = await writeFixture({ "site.yaml": moved, "articles/bendi/a.md": article() });
  const { check, build, checkLines, buildLines } = await checkAndBuild(contentDir);
  assert.equal(check.exitCode, 1, check.stdout + check.stderr);
  assert.equal(build.exitCode, 1, build.stderr);
  assert.deepEqual(buildLines, checkLines);
  const line = moved.split("\n").indexOf("  - from: /feed.xml") + 1;
  assert.deepEqual(checkLines, [
    `content/site.yaml:${line}:11: redirects.0.from: got "/feed.xml": the site writes /feed.xml; remove the redirect`,
  ]);
});

test("duplicate tags are merged: one tag link, one tag page", async () => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article({ tags: ["牡丹", "牡丹", "花会"] }),
  });
  const { check, build } = await checkAndBuild(contentDir);
  assert.equal(check.exitCode, 0, check.stdout);
  assert.equal(build.exitCode, 0, build.stderr);
  const doc = await build.page("/bendi/2021/11/22/a/");
  const tags = [...doc.querySelectorAll('a[href^="/tag/"]')].map((a) => a.textContent?.trim());
  assert.deepEqual([...new Set(tags)].sort(), ["牡丹", "花会"].sort());
  assert.equal(
    tags.filter((t) => t === "牡丹").length,
    tags.filter((t) => t === "花会").length,
    tags.join(" "),
  );
});
