import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { load } from "js-yaml";
import { siteSchema } from "../../src/content/site-data.ts";

const bundled = load(readFileSync("content/site.yaml", "utf8")) as Record<string, unknown>;
const withRedirects = (redirects: unknown) => siteSchema.safeParse({ ...bundled, redirects });

test("redirects take site paths or full URLs as targets, and default to none", () => {
  const parsed = withRedirects([
    { from: "/news/2021-11/22/content_12345.htm", to: "/bendi/" },
    { from: "/old-app/", to: "https://app.heze.cn/" },
  ]);
  assert.ok(parsed.success);
  assert.equal(parsed.data.redirects.length, 2);
  assert.deepEqual(siteSchema.parse({ ...bundled, redirects: undefined }).redirects, []);
});

test("a redirect from a relative or spaced path, or from the same path twice, is refused", () => {
  for (const redirects of [
    [{ from: "news/a.htm", to: "/" }],
    [{ from: "/旧 栏目/", to: "/" }],
    [{ from: "/a/", to: "not a path" }],
    [
      { from: "/a/", to: "/" },
      { from: "/a/", to: "/bendi/" },
    ],
  ]) {
    assert.equal(withRedirects(redirects).success, false, JSON.stringify(redirects));
  }
});
