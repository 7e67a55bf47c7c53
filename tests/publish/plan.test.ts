import assert from "node:assert/strict";
import { test } from "node:test";
import type { BuildManifest } from "../../src/hosting/build-manifest.ts";
import { planPublish, type RemoteObject } from "../../src/publish/plan.ts";

const entry = (sha: string, size = 10) => ({ size, sha256: sha.repeat(64) });
const manifest = (files: BuildManifest["files"], nextEmbargo: string | null = null): BuildManifest => ({
  version: 1,
  baseUrl: "https://www.heze.cn",
  nextEmbargo,
  nextRebuild: nextEmbargo,
  files,
});
const object = (md5: string, size = 10): RemoteObject => ({ etag: `"${md5}"`, size });
const md5s: Record<string, string> = { "index.html": "aa", "css/a.1.css": "bb", "a/index.html": "cc" };
const localMd5 = async (p: string) => md5s[p]!;
const now = new Date("2026-04-08T12:00:00Z");

test("files the stored manifest vouches for are unchanged; others are uploaded in groups", async () => {
  const local = manifest({ "index.html": entry("1"), "css/a.1.css": entry("2"), "a/index.html": entry("3") });
  const remote = manifest({ "index.html": entry("1"), "css/a.1.css": entry("9") });
  const listing = new Map([
    ["index.html", object("zz")],
    ["css/a.1.css", object("zz")],
    ["build-manifest.json", object("mm")],
  ]);
  const plan = await planPublish({ local, remoteManifest: remote, listing, localMd5, now });
  assert.deepEqual(plan.unchanged, ["index.html"]);
  assert.deepEqual(plan.uploads, [["css/a.1.css"], ["a/index.html"]]);
  assert.equal(plan.manifestChanged, true);
});

test("without a manifest the ETag decides, and a file missing from the bucket is uploaded anyway", async () => {
  const local = manifest({ "index.html": entry("1"), "css/a.1.css": entry("2"), "a/index.html": entry("3") });
  const listing = new Map([
    ["index.html", object("aa")],
    ["css/a.1.css", object("bb", 11)],
    ["old/index.html", object("dd")],
  ]);
  const plan = await planPublish({ local, remoteManifest: local, listing, localMd5, now });
  assert.deepEqual(plan.unchanged, ["index.html"]);
  assert.deepEqual(plan.uploads.flat(), ["css/a.1.css", "a/index.html"]);
  assert.deepEqual(plan.removed, ["old/index.html"]);

  const none = await planPublish({ local, listing, localMd5, now });
  assert.deepEqual(none.unchanged, ["index.html"]);
});

test("the manifest is stored again only when it says something new", async () => {
  const local = manifest({ "index.html": entry("1") });
  const listing = new Map([
    ["index.html", object("aa")],
    ["build-manifest.json", object("mm")],
  ]);
  assert.equal(
    (await planPublish({ local, remoteManifest: local, listing, localMd5, now })).manifestChanged,
    false,
  );
  const embargoed = manifest({ "index.html": entry("1") }, "2026-05-01T08:00:00+08:00");
  const plan = await planPublish({ local: embargoed, remoteManifest: local, listing, localMd5, now });
  assert.equal(plan.manifestChanged, true);
});

test("hashed assets the site dropped are kept for an hour for cached pages, then deleted", async () => {
  const local = manifest({ "index.html": entry("1") });
  const listing = new Map([
    ["index.html", object("aa")],
    ["css/old.1.css", object("ee")],
    ["img/old-960.webp", object("ff")],
    ["bendi/gone/index.html", object("gg")],
  ]);
  const first = await planPublish({ local, listing, localMd5, now });
  assert.deepEqual(first.removed, ["bendi/gone/index.html"]);
  assert.deepEqual(first.retiring, ["css/old.1.css", "img/old-960.webp"]);
  assert.deepEqual(first.manifest.retired, {
    "css/old.1.css": now.toISOString(),
    "img/old-960.webp": now.toISOString(),
  });

  const stored = {
    ...first.manifest,
    retired: { ...first.manifest.retired, "img/old-960.webp": "2026-04-08T10:00:00.000Z" },
  };
  const later = await planPublish({ local, remoteManifest: stored, listing, localMd5, now });
  assert.deepEqual(later.removed, ["bendi/gone/index.html", "img/old-960.webp"]);
  assert.deepEqual(later.retiring, ["css/old.1.css"]);
});
