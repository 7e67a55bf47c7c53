import assert from "node:assert/strict";
import { test } from "node:test";
import { random as seeded } from "../../bench/generate-corpus.ts";
import {
  formatBuildManifest,
  type BuildManifest,
  type ManifestEntry,
} from "../../src/hosting/build-manifest.ts";
import { describeFile } from "../../src/hosting/describe-file.ts";
import { ManifestText } from "../../src/hosting/manifest-text.ts";

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

/** Names that JSON writes as they are, and names it escapes. */
const NAMES = [
  "index.html",
  "bendi/a/index.html",
  "bendi/b/index.html",
  "tag/牡丹/index.html",
  "css/a.css",
  'q"uote.html',
  "back\\slash.html",
  "tab\there.html",
  "z.xml",
];

const read = (manifest: BuildManifest) => ManifestText.read(formatBuildManifest(manifest))!;

test("each file's entry is read from the text where it stands, as parsing the text gives it", () => {
  for (const files of [NAMES, [], ["only.html"]]) {
    const manifest = manifestOf(files);
    const text = read(manifest);
    assert.deepEqual(text.files, Object.keys(manifest.files), `${files.length} files`);
    text.files.forEach((file, row) => {
      assert.equal(text.row(file), row);
      assert.deepEqual(text.entry(row), manifest.files[file], file);
      assert.ok(text.holds(row, manifest.files[file]!));
      assert.ok(!text.holds(row, { ...manifest.files[file]!, size: manifest.files[file]!.size + 1 }));
      assert.ok(!text.holds(row, describeFile(Buffer.from("other bytes"))));
    });
    assert.equal(text.row("missing.html"), undefined);
  }
});

test("a patched manifest's text is the one the whole manifest gives, whatever changed", () => {
  const random = seeded(7);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  for (let round = 0; round < 300; round++) {
    const old = manifestOf(NAMES.filter(() => random() < 0.7));
    const changes = new Map<string, ManifestEntry | null>();
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const file = pick([...NAMES, "aa.html", "bendi/aa/index.html", "zz/index.html"]);
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
    assert.equal(read(old).patch(next, changes), formatBuildManifest(next), `round ${round}`);
  }
});

test("a manifest's text not as the build writes it is not read", () => {
  const old = manifestOf(["a.html", "b.html"]);
  const text = formatBuildManifest(old);
  const notRead = {
    indented: `${JSON.stringify(old, null, 2)}\n`,
    "fields in another order": text.replace(/\{"size":(\d+),"sha256":("\w+")\}/g, '{"sha256":$2,"size":$1}'),
    "files out of order": formatBuildManifest({
      ...old,
      files: { "b.html": old.files["b.html"]!, "a.html": old.files["a.html"]! },
    }),
    "a size not as JSON writes numbers": text.replace(/"size":(\d+)/, '"size":0$1'),
    "a name escaped where JSON does not": text.replace('"a.html"', '"\\u0061.html"'),
    "a digest of another length": text.replace(/("sha256":"\w+)"/, '$1f"'),
    "the publisher's retired files": formatBuildManifest({ ...old, retired: { "x.css": "2026-12-01" } }),
    "another header": text.replace('"version":1', '"version":1,"extra":0'),
    "no newline at the end": text.trimEnd(),
    "a comma after the last entry": text.replace(/\}\}\}\n$/, "},}}\n"),
  };
  for (const [what, other] of Object.entries(notRead))
    assert.equal(ManifestText.read(other), undefined, what);
  assert.ok(ManifestText.read(text));
});
