import assert from "node:assert/strict";
import { truncate } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { keepAssetPlan, readKeptAssetPlan } from "../../src/build/kept-asset-plan.ts";
import { siteAssetPlan } from "../../src/build/site-assets.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const key = { code: "c1", site: "s1", media: "m1", settings: "x1" };

test("the asset plan is read back whole for the same code and site data, and planned afresh otherwise", async () => {
  const dir = await tempDir("heze-plan-");
  const plan = await siteAssetPlan("https://www.heze.cn");
  assert.equal(readKeptAssetPlan(dir, key), undefined, "nothing kept yet");
  keepAssetPlan(dir, key, plan);
  assert.deepEqual(readKeptAssetPlan(dir, key), plan);
  // Media and settings do not shape the assets; code and site data do.
  assert.deepEqual(readKeptAssetPlan(dir, { ...key, media: "m2", settings: "x2" }), plan);
  assert.equal(readKeptAssetPlan(dir, { ...key, code: "c2" }), undefined);
  assert.equal(readKeptAssetPlan(dir, { ...key, site: "s2" }), undefined);
  await truncate(path.join(dir, "assets.bin"), 40);
  assert.equal(readKeptAssetPlan(dir, key), undefined, "a damaged file is never trusted");
});
