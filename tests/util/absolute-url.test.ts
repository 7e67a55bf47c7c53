import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteUrl } from "../../src/util/absolute-url.ts";

test("absoluteUrl gives what the URL parser gives, for plain paths and others", () => {
  const cases: [string, string][] = [
    ["/bendi/2021/11/22/a/", "https://www.heze.cn"],
    ["/css/site.3fa2c01b9e.css", "https://www.heze.cn"],
    ["/", "https://www.heze.cn"],
    ["/tag/牡丹/", "https://www.heze.cn"],
    ["/a/../b/", "https://www.heze.cn"],
    ["//evil.example/x", "https://www.heze.cn"],
    ["/bendi/", "https://WWW.Heze.cn"],
    ["/bendi/", "https://www.heze.cn/news"],
    ["https://other.example/x", "https://www.heze.cn"],
  ];
  for (const [url, base] of cases) assert.equal(absoluteUrl(url, base), new URL(url, `${base}/`).href, url);
  assert.equal(absoluteUrl("/bendi/", "https://www.heze.cn"), "https://www.heze.cn/bendi/");
});
