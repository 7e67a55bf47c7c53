import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { openArticle } from "../../src/preview/open-article.ts";
import { article, writeFixture } from "../helpers/fixture-site.ts";

test("查看发布: an article's file leads to its page, whatever names its channel and file", async (t) => {
  const contentDir = await writeFixture({
    "articles/shehui/2026/canteen.md": article({ section: "shehui", date: "2026-04-08 23:30" }),
    "articles/bendi/2026/座谈会.md": article({ date: "2026-04-08 09:30" }),
    "articles/bendi/2026/named.md": article({ slug: "heze-fair", date: "2026-04-08T20:00:00Z" }),
    "articles/bendi/2026/draft.md": article({ draft: true, date: "2026-04-08 09:30" }),
  });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const open = (file: string) => openArticle(contentDir, file);
  assert.deepEqual(await open("shehui/2026/canteen"), { url: "/shehui/2026/04/08/canteen/" });
  assert.match(JSON.stringify(await open("bendi/2026/座谈会")), /"\/bendi\/2026\/04\/08\/[0-9a-f]{8}\/"/);
  // 20:00 UTC is 04:00 the next day in Beijing.
  assert.deepEqual(await open("bendi/2026/named"), { url: "/bendi/2026/04/09/heze-fair/" });
  assert.deepEqual(await open("bendi/2026/draft"), { url: "/bendi/2026/04/08/draft/" });
});

test("查看发布 on a file with problems, a missing file or a path outside the articles says why, in Chinese", async (t) => {
  const contentDir = await writeFixture({
    "articles/bendi/bad.md": article({ date: "2021-13-45" }),
  });
  t.after(() => rm(path.dirname(contentDir), { recursive: true, force: true }));
  const bad = await openArticle(contentDir, "bendi/bad");
  assert.ok("status" in bad);
  assert.equal(bad.status, 422);
  assert.equal(bad.heading, "稿件有问题，预览中没有它的页面");
  assert.match(bad.lines[0] ?? "", /bad\.md:5:1: date（发表时间）：写的是 "2021-13-45"，不是有效日期；/);

  const missing = await openArticle(contentDir, "bendi/gone");
  assert.ok("status" in missing);
  assert.equal(missing.status, 404);
  assert.match(missing.lines[0] ?? "", /没有文件 .*gone\.md/);

  for (const file of ["../site", "", "../../etc/passwd"]) {
    const outside = await openArticle(contentDir, file);
    assert.ok("status" in outside && outside.status === 400, file);
  }
});
