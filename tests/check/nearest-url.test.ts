import assert from "node:assert/strict";
import { test } from "node:test";
import { nearestUrl } from "../../src/check/nearest-url.ts";
import type { PublishingState } from "../../src/content/publishing-state.ts";

const index = (urls: Record<string, PublishingState>, listPages: string[] = []) => ({
  articles: new Map(Object.entries(urls)),
  listPages: new Set(listPages),
});

test("a broken article link suggests the same slug in its channel on another date first", () => {
  const urls = index({
    "/shehui/2021/11/22/peony/": "live",
    "/bendi/2021/11/23/peony/": "live",
    "/bendi/2021/11/22/other/": "live",
  });
  assert.equal(nearestUrl("/bendi/2021/11/22/peony/", urls), "/bendi/2021/11/23/peony/");
});

test("else the same date and slug in another channel, else any article with that slug", () => {
  const urls = index({ "/shehui/2021/11/22/peony/": "live", "/tiyu/2020/01/01/peony/": "live" });
  assert.equal(nearestUrl("/bendi/2021/11/22/peony/", urls), "/shehui/2021/11/22/peony/");
  assert.equal(
    nearestUrl("/xinwen/2019/05/05/peony/", index({ "/tiyu/2020/01/01/peony/": "live" })),
    "/tiyu/2020/01/01/peony/",
  );
});

test("without the slug, the closest live URL within a few edits; drafts and far URLs are never suggested", () => {
  const urls = index({
    "/bendi/2021/11/22/peony-fair/": "live",
    "/bendi/2021/11/22/peony-show/": "draft",
    "/bendi/2021/11/22/draft-fair/": "draft",
  });
  assert.equal(nearestUrl("/bendi/2021/11/22/peony-fiar/", urls), "/bendi/2021/11/22/peony-fair/");
  assert.equal(nearestUrl("/bendi/2021/11/22/peony-shwo/", urls), undefined, "only a draft is near");
  assert.equal(nearestUrl("/bendi/2021/11/22/something-else/", urls), undefined);
  assert.equal(nearestUrl("/bendi/nope/", urls), undefined);
});

test("an author or tag page suggests the nearest live one", () => {
  const urls = index({}, ["/author/li-ming/", "/tag/mudan/"]);
  assert.equal(nearestUrl("/author/liming/", urls), "/author/li-ming/");
  assert.equal(nearestUrl("/tag/mudan-jie-2021/", urls), undefined);
});
