import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { aliasPermalink } from "../../src/content/alias-path.ts";
import {
  corpusCollisions,
  findCollisions,
  loadArticles,
  samePage,
  type ArticleCache,
} from "../../src/content/load-articles.ts";
import { buildClock } from "../../src/content/newsroom-time.ts";
import { assetPaths, siteAssetPlan } from "../../src/build/site-assets.ts";
import { writtenPaths } from "../../src/content/written-paths.ts";
import { loadSite } from "../../src/content/site-data.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

const site = await loadSite("content");
const written = writtenPaths({ site, pageUrls: [], assets: assetPaths(await siteAssetPlan(site.baseUrl)) });
const names = { authors: ["李明"], tags: [] };

test("alias pages: a path with an extension or a slash stays, any other becomes a folder index", () => {
  assert.equal(aliasPermalink("/news/2021-11/22/content_12345.htm"), "/news/2021-11/22/content_12345.htm");
  assert.equal(aliasPermalink("/old/dir/"), "/old/dir/");
  assert.equal(aliasPermalink("/old/page"), "/old/page/");
  assert.equal(samePage("/a/index.html"), "/a/");
});

test("aliases may not take a live URL, a channel front or another article's alias", () => {
  const at = new Map([["aliases", { line: 9, column: 1 }]]);
  const problems = findCollisions(
    [
      {
        file: "a.md",
        url: "/bendi/2021/11/22/a/",
        aliases: ["/old.htm", "/bendi/2021/11/22/b/index.html"],
        ...names,
      },
      {
        file: "b.md",
        url: "/bendi/2021/11/22/b/",
        aliases: ["/old.htm", "/tiyu/"],
        keyPositions: at,
        ...names,
      },
    ],
    () => written,
  );
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line ?? "-"}: ${p.message.en}`),
    [
      "a.md:-: old URL /bendi/2021/11/22/b/index.html is a live URL of b.md; remove it from aliases",
      "b.md:9: old URL /old.htm is also an alias of a.md; keep it on one article",
      "b.md:9: old URL /tiyu/ is a live URL of the site (/tiyu/); remove it from aliases",
    ],
  );
});

test("loading many files lets the event loop turn meanwhile, so that work beside it goes on", async () => {
  const files = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`articles/bendi/a${i}.md`, article({ title: `稿件${i}` })]),
  );
  const contentDir = await writeFixture(files);
  let loaded = 0;
  const cache: ArticleCache = { recall: () => undefined, remember: () => void loaded++ };
  let loadedAtTurn: number | undefined;
  setImmediate(() => (loadedAtTurn = loaded));
  const corpus = await loadArticles(site, {
    contentDir,
    cacheDir: path.join(path.dirname(contentDir), ".cache"),
    assetPaths: [],
    now: buildClock("2021-11-23 12:00"),
    cache,
  });
  assert.equal(corpus.articles.length, 200);
  assert.ok(loadedAtTurn !== undefined && loadedAtTurn < 200, `the loop turned after ${loadedAtTurn} files`);
});

test("a moved address of site.yaml on an article's URL, or under its page, is refused; beside it, not", () => {
  const moved = (from: string) => ({ from, to: "/" });
  const withRedirects = {
    ...site,
    redirects: [
      moved("/bendi/2021/11/22/a/index.html"),
      moved("/bendi/2021/11/22/a/index.html/old.htm"),
      moved("/bendi/2021/11/22/a/old.htm"),
      moved("/index.htm"),
    ],
  };
  const live = (name: string) => ({
    file: `${name}.md`,
    url: `/bendi/2021/11/22/${name}/`,
    aliases: [],
    state: "live" as const,
    ...names,
  });
  const problems = corpusCollisions([live("a"), live("b")], [], withRedirects, []);
  assert.deepEqual(
    problems.map((p) => [p.field, p.message.en]),
    [
      [
        "redirects.0.from",
        `got "/bendi/2021/11/22/a/index.html": it is an article's URL; remove the redirect`,
      ],
      [
        "redirects.1.from",
        `got "/bendi/2021/11/22/a/index.html/old.htm": the site writes /bendi/2021/11/22/a/index.html; remove the redirect`,
      ],
    ],
  );
});

test("articles come newest first, those published at the same minute by URL", async () => {
  const dated = (slug: string, date: string) => [`articles/bendi/${slug}.md`, article({ title: slug, date })];
  const contentDir = await writeFixture(
    Object.fromEntries([
      dated("b", "2021-11-22 09:27"),
      dated("old", "2021-11-20 08:00"),
      dated("a", "2021-11-22 09:27"),
      dated("new", "2021-11-22 10:00"),
      dated("c-1", "2021-11-22 09:27"),
    ]),
  );
  const corpus = await loadArticles(site, {
    contentDir,
    cacheDir: path.join(path.dirname(contentDir), ".cache"),
    assetPaths: [],
    now: buildClock("2021-11-23 12:00"),
  });
  assert.deepEqual(
    corpus.articles.map((a) => a.slug),
    ["new", "a", "b", "c-1", "old"],
  );
});
