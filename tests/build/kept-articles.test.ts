/**
 * The build cache's articles: an article recalled from it is the one a cold load gives, to its
 * fields and its address, but its body stays on disk until it is read; a damaged bodies file is
 * never trusted.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openBuildCache, saveBuildCache } from "../../src/build/build-cache.ts";
import { readBuildOptions, type BuildOptions } from "../../src/build/build-options.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { assetPaths, siteAssetPlan } from "../../src/build/site-assets.ts";
import { fileDigest } from "../../src/build/up-to-date.ts";
import { loadArticles, type LoadedFile } from "../../src/content/load-articles.ts";
import { loadSite, type Site } from "../../src/content/site-data.ts";
import { buildClock } from "../../src/content/newsroom-time.ts";
import { readCheckedFile, writeCheckedFile } from "../../src/util/checked-file.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

const BODY = "菏泽日报讯 牡丹节今天开幕。\n\n第二段。";

/** A content folder built once with a build cache: its options, site and the cached article file. */
async function builtWithCache(): Promise<{
  options: BuildOptions;
  site: Site;
  file: string;
  cacheDir: string;
}> {
  const contentDir = await writeFixture({
    // Tags and aliases as written differ from the article's (deduplicated, normalised): both are kept.
    "articles/bendi/a.md": article({ title: "甲", tags: ["牡丹", "牡丹"], aliases: ["/./old/a.htm"] }, BODY),
    "articles/bendi/b.md": article({ title: "乙", date: "2021-11-20 08:00" }),
  });
  const cacheDir = path.join(path.dirname(contentDir), "cache");
  const options = readBuildOptions({
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: path.join(path.dirname(contentDir), "_site"),
    HEZE_CACHE: cacheDir,
    HEZE_NOW: "2021-11-23 12:00",
    SEARCH: "off",
  });
  await buildSite(options);
  const site = await loadSite(contentDir);
  return { options, site, file: path.join(contentDir, "articles", "bendi", "a.md"), cacheDir };
}

const bodiesFiles = (cacheDir: string) =>
  readdirSync(path.join(cacheDir, "articles")).filter((name) => name.endsWith(".html"));

/** The bodies file holding `html`: the one shard file whose bytes contain it. */
function bodiesFileOf(cacheDir: string, html: string): string {
  const holding = bodiesFiles(cacheDir)
    .map((name) => path.join(cacheDir, "articles", name))
    .filter((file) => readFileSync(file).includes(html));
  assert.equal(holding.length, 1);
  return holding[0]!;
}

async function coldLoad(options: BuildOptions, site: Site, file: string) {
  const corpus = await loadArticles(site, {
    ...options,
    assetPaths: assetPaths(await siteAssetPlan(site.baseUrl)),
  });
  return corpus.articles.find((a) => a.file === path.relative(process.cwd(), file))!;
}

const articleOf = (outcome: LoadedFile | undefined) => {
  assert.ok(outcome && "article" in outcome && outcome.article);
  return outcome;
};

test("a recalled article has a cold load's fields and address, its digest, and its body only once read", async () => {
  const { options, site, file, cacheDir } = await builtWithCache();
  const fresh = await coldLoad(options, site, file);
  const cache = openBuildCache({ dir: cacheDir }, options, site);
  assert.equal(cache.coldBecause, undefined);
  const recalled = articleOf(cache.articles.recall(file));

  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  assert.deepEqual(json(recalled.article), json(fresh), "a cold load's fields");
  assert.equal(recalled.article.digest, fileDigest(file));
  assert.ok(!JSON.stringify(recalled.article).includes("<p>"), "the body is not in the JSON");
  assert.deepEqual(recalled.article.tags, ["牡丹"]);
  assert.deepEqual(recalled.address.tags, ["牡丹", "牡丹"], "the tags as written, for the collision checks");
  assert.deepEqual(recalled.article.aliases, ["/old/a.htm"]);
  assert.deepEqual(recalled.address.aliases, ["/./old/a.htm"], "the alias as written, which messages quote");
  assert.equal(recalled.address.keyPositions?.get("tags")?.line, 7, "the line of tags: in the file");

  // A body not read yet is read from disk when used: damage to it after opening shows then, not before.
  const bodies = bodiesFileOf(cacheDir, fresh.html);
  const bytes = readFileSync(bodies);
  writeFileSync(bodies, Buffer.from(bytes.toString().replace("牡丹节", "荷花节")));
  assert.throws(() => recalled.article.html, /the build cache is damaged \(.*\.html, bytes \d+ to \d+\)/);

  writeFileSync(bodies, bytes);
  const again = openBuildCache({ dir: cacheDir }, options, site);
  assert.match(again.coldBecause ?? "", /articles: the build cache is damaged \(.*\.bin\)/, "set aside");
  assert.equal(again.articles.recall(file), undefined);
});

test("a kept body is the rendered body; a bodies file cut short makes the articles cold at once", async () => {
  const { options, site, file, cacheDir } = await builtWithCache();
  const fresh = await coldLoad(options, site, file);
  const recalled = articleOf(openBuildCache({ dir: cacheDir }, options, site).articles.recall(file));
  assert.equal(recalled.article.html, fresh.html);
  assert.equal({ ...recalled.article }.html, undefined, "spreads skip the body as they do a fresh one's");

  const bodies = bodiesFileOf(cacheDir, fresh.html);
  truncateSync(bodies, 10);
  const cache = openBuildCache({ dir: cacheDir }, options, site);
  assert.match(cache.coldBecause ?? "", /articles: the build cache is damaged \(.*\.bin\)/);
  assert.equal(cache.articles.recall(file), undefined);
});

test("each shard has one bodies file, the one its index names, after a build that changed one", async () => {
  const { options, file, cacheDir } = await builtWithCache();
  assert.equal(bodiesFiles(cacheDir).length, 64);
  const before = new Set(bodiesFiles(cacheDir));
  writeFileSync(file, article({ title: "甲" }, "菏泽日报讯 改过的正文。"));
  await buildSite(options);
  const after = bodiesFiles(cacheDir);
  assert.equal(after.length, 64, "the replaced bodies file is gone");
  assert.equal(after.filter((name) => !before.has(name)).length, 1, "one shard's bodies were written");
});

test("a body stays readable when another build replaces its file after the cache was opened", async () => {
  const { options, site, file, cacheDir } = await builtWithCache();
  const fresh = await coldLoad(options, site, file);
  const cache = openBuildCache({ dir: cacheDir }, options, site);
  const recalled = articleOf(cache.articles.recall(file));
  // As `npm run build` does while a preview holds this article: the old bodies file is removed.
  rmSync(bodiesFileOf(cacheDir, fresh.html));
  assert.equal(recalled.article.html, fresh.html);
  cache.close();
});

test("an article changed in place while the preview keeps its cache is left out of it, not kept changed", async () => {
  const { options, site, file, cacheDir } = await builtWithCache();
  const dir = path.join(path.dirname(cacheDir), "preview-cache");
  const cache = openBuildCache({ dir }, { ...options, preview: true }, site);
  const corpus = await loadArticles(site, {
    ...options,
    assetPaths: assetPaths(await siteAssetPlan(site.baseUrl)),
    cache: cache.articles,
  });
  const edited = corpus.articles.find((a) => a.file === path.relative(process.cwd(), file))!;
  await saveBuildCache(cache, options.outputDir, {}, undefined, {
    pages: new Set(),
    articles: new Set([edited]),
  });
  const next = openBuildCache({ dir }, { ...options, preview: true }, site);
  assert.equal(next.coldBecause, undefined);
  assert.equal(next.articles.recall(file), undefined, "read afresh next session");
  assert.ok(articleOf(next.articles.recall(path.join(path.dirname(file), "b.md"))), "the other is kept");
});

test("earliestChange: from when on the articles may differ from those the kept pages were built from", async () => {
  const contentDir = await writeFixture({
    "articles/bendi/a.md": article({ title: "甲", date: "2021-11-22 09:27" }),
    "articles/bendi/b.md": article({ title: "乙", date: "2021-11-20 08:00" }),
    "articles/bendi/e.md": article({ title: "丙", date: "2021-11-10 08:00", expires: "2021-11-24 00:00" }),
  });
  const cacheDir = path.join(path.dirname(contentDir), "cache");
  const env = {
    HEZE_CONTENT: contentDir,
    HEZE_OUTPUT: path.join(path.dirname(contentDir), "_site"),
    HEZE_CACHE: cacheDir,
    SEARCH: "off",
  };
  const built = "2021-11-23 12:00";
  await buildSite(readBuildOptions({ ...env, HEZE_NOW: built }));
  const site = await loadSite(contentDir);
  const assets = assetPaths(await siteAssetPlan(site.baseUrl));
  const ms = (time: string) => buildClock(time).toMillis();
  const earliestAt = async (now: string) => {
    const options = readBuildOptions({ ...env, HEZE_NOW: now });
    const cache = openBuildCache({ dir: cacheDir }, options, site);
    await loadArticles(site, { ...options, assetPaths: assets, cache: cache.articles });
    cache.close();
    return cache.articles.earliestChange();
  };
  const file = (name: string) => path.join(contentDir, "articles", "bendi", name);

  assert.equal(await earliestAt(built), ms(built), "nothing changed: embargoes may lift from the clock on");
  assert.equal(await earliestAt("2021-11-23 10:00"), ms("2021-11-23 10:00"), "a clock set back");
  assert.equal(await earliestAt("2021-11-25 08:00"), ms("2021-11-10 08:00"), "an expiry crossed");
  writeFileSync(file("c.md"), article({ title: "丁", date: "2021-11-21 09:00" }));
  assert.equal(await earliestAt(built), ms("2021-11-21 09:00"), "a new article");
  rmSync(file("c.md"));
  writeFileSync(file("a.md"), article({ title: "甲", date: "2021-11-23 08:00" }));
  assert.equal(await earliestAt(built), ms("2021-11-22 09:27"), "an article moved later: its old date");
  writeFileSync(file("a.md"), article({ title: "甲", date: "2021-11-22 09:27" }));
  rmSync(file("b.md"));
  assert.equal(await earliestAt(built), ms("2021-11-20 08:00"), "a removed article");

  // Shards that are no longer those the pages index was written with: nothing is known.
  writeFileSync(file("b.md"), article({ title: "乙", date: "2021-11-20 08:00" }));
  assert.equal(await earliestAt(built), ms(built));
  const pagesIndex = path.join(cacheDir, "pages.bin");
  const kept = readCheckedFile(pagesIndex) as { value: { saved: { shards: string[] } } };
  kept.value.saved.shards[0] = "00000000/0";
  writeCheckedFile(pagesIndex, kept.value);
  assert.equal(await earliestAt(built), -Infinity);
});
