import assert from "node:assert/strict";
import { test } from "node:test";
import { listFiles } from "../../src/util/list-files.ts";
import { loadSite } from "../../src/content/site-data.ts";
import { assetPaths, siteAssetPlan } from "../../src/build/site-assets.ts";
import { writtenCollision, writtenPaths } from "../../src/content/written-paths.ts";
import { article, buildFixture } from "../helpers/fixture-site.ts";

const site = await loadSite("content");

test("writtenCollision: the same file, a reserved folder, a file in the way, a folder in the way", () => {
  const written = writtenPaths({
    site,
    pageUrls: ["/bendi/2021/11/22/a/"],
    assets: ["css/site.css", "favicon.svg"],
  });
  assert.equal(writtenCollision("favicon.svg", written), "favicon.svg");
  assert.equal(writtenCollision("css/site.3fa2c01b9e.css", written), "css/");
  assert.equal(writtenCollision("css/index.html", written), "css/");
  assert.equal(writtenCollision("pagefind/pagefind.js", written), "pagefind/");
  assert.equal(writtenCollision("feed.xml/index.html", written), "feed.xml");
  assert.equal(writtenCollision("bendi/2021/11/22/a/index.html", written), "bendi/2021/11/22/a/index.html");
  assert.equal(
    writtenCollision("bendi/2021", written),
    "bendi/2021/",
    "a file where the build needs a folder",
  );
  assert.equal(writtenCollision("tiyu/page/2/index.html", written), "tiyu/page/");
  assert.equal(writtenCollision("news/2021-11/22/content_12345.htm", written), undefined);
  assert.equal(writtenCollision("bendi/2021/old/index.html", written), undefined);
});

test("every file a build writes is in the list check works from, and every listed file is written", async () => {
  const built = await buildFixture(
    {
      "articles/bendi/live.md": article({
        tags: ["牡丹"],
        aliases: ["/news/old.htm", "/old/page", "/news/a&b.htm", "/news/%E6%97%A7.htm"],
      }),
      "articles/tiyu/gone.md": article({ section: "体育", expires: "2022-01-01 00:00" }),
      "articles/tiyu/draft.md": article({ section: "体育", draft: true }),
    },
    { SEARCH: "on", HEZE_NOW: "2026-04-08T12:00:00+08:00" },
  );
  assert.equal(built.exitCode, 0, built.stderr);
  const files = listFiles(built.outputDir);
  const written = writtenPaths({
    site,
    pageUrls: ["/bendi/2021/11/22/live/", "/tiyu/2021/11/22/gone/"],
    assets: assetPaths(await siteAssetPlan(site.baseUrl)),
  });
  const redirects = ["news/old.htm", "old/page/index.html", "news/a&b.htm", "news/旧.htm"];
  const uncovered = files.filter(
    (file) =>
      !redirects.includes(file) &&
      !written.files.has(file) &&
      !written.folders.some((f) => file.startsWith(f)),
  );
  assert.deepEqual(uncovered, [], "the build wrote files the collision check does not know");
  assert.ok(
    files.some((f) => f.startsWith("pagefind/")) && files.some((f) => /^css\/site\.\w{10}\.css$/.test(f)),
  );
  // Original asset names are renamed once hashed; every other listed file is written.
  const missing = [...written.files].filter(
    (f) => !files.includes(f) && !/^(css|js|images)\/[^.]+\.\w+$/.test(f),
  );
  assert.deepEqual(missing, []);
});

test("an old URL holding & or a %-escape gets its redirect file where its _redirects line points", async () => {
  const built = await buildFixture({
    "articles/bendi/a.md": article({ aliases: ["/news/a&b.htm", "/news/%E6%97%A7.htm", "/./old/"] }),
  });
  assert.equal(built.exitCode, 0, built.stderr);
  const files = listFiles(built.outputDir);
  assert.ok(
    files.includes("news/a&b.htm") && files.includes("news/旧.htm") && files.includes("old/index.html"),
  );
  assert.ok(!files.some((f) => f.includes("&amp;") || f.includes("%")), files.join(" "));
  const lines = (await built.file("_redirects")).split("\n");
  for (const from of ["/news/a&b.htm", "/news/%E6%97%A7.htm", "/old/"])
    assert.ok(lines.includes(`${from} /bendi/2021/11/22/a/ 301`), `${from}\n${lines.join("\n")}`);
});
