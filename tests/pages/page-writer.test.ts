import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { linkSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { startPageWriter } from "../../src/pages/page-writer.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("the page writer's thread writes every page, with hashed asset names, and gives their digests", async () => {
  const outputDir = await tempDir("heze-writer-");
  const assetNames = {
    renamed: new Map([["css/site.css", "css/site.0123456789.css"]]),
    baseUrl: "https://www.heze.cn",
  };
  const writer = startPageWriter({ outputDir, siteDir: "_site", assetNames }, { threaded: true });
  for (let i = 0; i < 150; i++)
    writer.write(`p${i}/index.html`, `<link href="/css/site.css"><p>第${i}页</p>`);
  const { rendered, problems } = await writer.close();
  assert.deepEqual(problems, []);
  assert.equal(Object.keys(rendered).length, 150);
  const text = await readFile(path.join(outputDir, "p149/index.html"));
  assert.equal(text.toString(), '<link href="/css/site.0123456789.css"><p>第149页</p>');
  assert.deepEqual(rendered["p149/index.html"], {
    size: text.length,
    sha256: createHash("sha256").update(text).digest("hex"),
  });
});

test("a page the CSP refuses is reported, not written; a write failure rejects instead of hanging", async () => {
  const outputDir = await tempDir("heze-writer-");
  const writer = startPageWriter({ outputDir, siteDir: "_site" }, { threaded: true });
  writer.write("a/index.html", '<p onclick="go()">x</p>', "content/articles/a.md");
  const { rendered, problems } = await writer.close();
  assert.deepEqual(rendered, {});
  assert.equal(problems[0]?.file, "content/articles/a.md");
  assert.match(problems[0]?.message.en ?? "", /^its page _site\/a\/index\.html:1: onclick="…" attribute/);

  const notAFolder = path.join(outputDir, "file");
  await writeFile(notAFolder, "");
  const failing = startPageWriter({ outputDir: notAFolder, siteDir: "_site" }, { threaded: true });
  failing.write("a/index.html", "<p>x</p>");
  await assert.rejects(failing.close(), /writing pages failed: ENOTDIR/);
});

test("in-thread, the page writer writes the same pages and reports the same problems", async () => {
  const outputDir = await tempDir("heze-writer-");
  const writer = startPageWriter({ outputDir, siteDir: "_site" }, { threaded: false });
  writer.write("ok/index.html", "<p>好</p>");
  writer.write("bad/index.html", '<p style="color:red">x</p>', "content/articles/bad.md");
  const { rendered, problems } = await writer.close();
  assert.deepEqual(Object.keys(rendered), ["ok/index.html"]);
  assert.equal(problems[0]?.file, "content/articles/bad.md");
});

test("a page the folder holds as a hard link is replaced, never written through, unless the folder is fresh", async () => {
  const outputDir = await tempDir("heze-writer-");
  const copy = path.join(await tempDir("heze-writer-copy-"), "kept.html");
  await writeFile(copy, "<p>旧</p>");
  await mkdir(path.join(outputDir, "a"));
  linkSync(copy, path.join(outputDir, "a/index.html"));
  const writer = startPageWriter({ outputDir, siteDir: "_site" }, { threaded: false });
  writer.write("a/index.html", "<p>新</p>");
  await writer.close();
  assert.equal(await readFile(path.join(outputDir, "a/index.html"), "utf8"), "<p>新</p>");
  assert.equal(await readFile(copy, "utf8"), "<p>旧</p>");

  const fresh = await tempDir("heze-writer-");
  const build = startPageWriter({ outputDir: fresh, siteDir: "_site", fresh: true }, { threaded: false });
  build.write("a/index.html", "<p>新</p>");
  assert.deepEqual(Object.keys((await build.close()).rendered), ["a/index.html"]);
  assert.equal(await readFile(path.join(fresh, "a/index.html"), "utf8"), "<p>新</p>");
});
