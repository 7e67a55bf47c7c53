import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { random as seeded } from "../../bench/generate-corpus.ts";
import {
  formatBuildManifest,
  parseBuildManifest,
  patchManifestText,
  type BuildManifest,
  type ManifestEntry,
} from "../../src/hosting/build-manifest.ts";
import { describeFile } from "../../src/hosting/describe-file.ts";

test("a manifest survives its own text; a file is described by its size and SHA-256", () => {
  const bytes = Buffer.from("<p>首页</p>");
  const entry = describeFile(bytes);
  assert.deepEqual(entry, { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  const manifest = {
    version: 1 as const,
    baseUrl: "https://www.heze.cn",
    nextEmbargo: null,
    nextRebuild: "2026-04-08T20:00:00+08:00",
    files: { "index.html": entry },
  };
  const text = formatBuildManifest(manifest);
  assert.ok(text.endsWith("\n"));
  assert.deepEqual(parseBuildManifest(text), manifest);
  assert.throws(() => parseBuildManifest('{"version":2}'));
  assert.throws(() => parseBuildManifest(text.replace(entry.sha256, "not-a-hash")));
});

/** A manifest of `files`, sorted as the build lists them, each described by its name. */
function manifestOf(files: string[], nextRebuild: string | null = null): BuildManifest {
  const sorted = [...files].sort();
  return {
    version: 1,
    baseUrl: "https://www.heze.cn",
    nextEmbargo: null,
    nextRebuild,
    files: Object.fromEntries(sorted.map((file) => [file, describeFile(Buffer.from(file))])),
  };
}

test("a patched manifest's text is the one the whole manifest gives, whatever changed", () => {
  const random = seeded(7);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const names = [
    "index.html",
    "bendi/a/index.html",
    "bendi/b/index.html",
    "tag/牡丹/index.html",
    "css/a.css",
    'q"uote.html',
    "z.xml",
  ];
  for (let round = 0; round < 200; round++) {
    const old = manifestOf(names.filter(() => random() < 0.7));
    const changes = new Map<string, ManifestEntry | null>();
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const file = pick([...names, "aa.html", "bendi/aa/index.html", "zz/index.html"]);
      changes.set(
        file,
        file in old.files && random() < 0.4 ? null : describeFile(Buffer.from(`${file} ${round}`)),
      );
    }
    const next = {
      ...old,
      nextRebuild: random() < 0.5 ? null : "2026-12-03T10:00:00+08:00",
      files: { ...old.files },
    };
    for (const [file, entry] of changes) {
      if (entry) next.files[file] = entry;
      else delete next.files[file];
    }
    next.files = Object.fromEntries(
      Object.keys(next.files)
        .sort()
        .map((file) => [file, next.files[file]!]),
    );
    const patched = patchManifestText(old, formatBuildManifest(old), next, changes);
    // A manifest with no files has no run to check: it is formatted whole instead.
    if (Object.keys(old.files).length === 0) assert.equal(patched, undefined);
    else assert.equal(patched, formatBuildManifest(next), `round ${round}`);
  }
});

test("a manifest's text not as the build writes it is not patched", () => {
  const old = manifestOf(["a.html", "b.html"]);
  const changes = new Map([["c.html", describeFile(Buffer.from("c"))]]);
  assert.equal(patchManifestText(old, `${JSON.stringify(old, null, 2)}\n`, old, changes), undefined);
  const swapped = formatBuildManifest(old).replace(
    /\{"size":(\d+),"sha256":("\w+")\}/g,
    '{"sha256":$2,"size":$1}',
  );
  assert.equal(patchManifestText(old, swapped, old, changes), undefined, "the fields in another order");
  const other = manifestOf(["a.html", "b.html", "b2.html"]);
  assert.equal(
    patchManifestText(old, formatBuildManifest(other), old, changes),
    undefined,
    "another manifest's text",
  );
});
