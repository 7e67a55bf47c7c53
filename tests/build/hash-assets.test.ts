import assert from "node:assert/strict";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { BuildContext } from "../../src/build/build-context.ts";
import { hashAssets } from "../../src/build/hash-assets.ts";
import { planAssetNames } from "../../src/hosting/asset-names.ts";
import { tempDir } from "../helpers/temp-dir.ts";

test("the step stores each asset under its planned name, without the plain one", async () => {
  const dir = await tempDir("heze-hash-assets-");
  await mkdir(path.join(dir, "css"));
  await writeFile(path.join(dir, "css/site.css"), "p { color: red; }");
  const assets = planAssetNames(
    [{ sitePath: "css/site.css", bytes: Buffer.from("p { color: red; }") }],
    "https://x.cn",
  );
  await hashAssets.run(dir, { assets } as BuildContext);
  const name = assets.renamed.get("css/site.css")!;
  assert.deepEqual(await readdir(path.join(dir, "css")), [path.basename(name)]);
  assert.deepEqual(await readFile(path.join(dir, name)), assets.files.get(name));
  await assert.rejects(hashAssets.run(dir, {} as BuildContext), /no asset plan/);
});
