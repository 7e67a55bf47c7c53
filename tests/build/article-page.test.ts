import assert from "node:assert/strict";
import { test } from "node:test";
import { article, buildFixture } from "../helpers/fixture-site.ts";

test("an article builds into a page with the Heze chrome", async () => {
  const site = await buildFixture({ "articles/bendi/demo.md": article({ kicker: "引题", editor: "赵磊" }) });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/demo/");
  assert.equal(doc.querySelector("h1")?.textContent, "测试稿件");
  assert.equal(doc.documentElement.lang, "zh-CN");
});
