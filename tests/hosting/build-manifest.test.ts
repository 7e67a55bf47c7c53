import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { formatBuildManifest, parseBuildManifest } from "../../src/hosting/build-manifest.ts";
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
