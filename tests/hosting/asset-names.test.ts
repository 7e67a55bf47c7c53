import assert from "node:assert/strict";
import { test } from "node:test";
import { hashedName, referenceRewriter, rewriteCssUrls } from "../../src/hosting/asset-names.ts";

const renamed = new Map([
  ["css/site.css", "css/site.1111111111.css"],
  ["fonts/song.woff2", "fonts/song.2222222222.woff2"],
  ["js/qrcode.js", "js/qrcode.3333333333.js"],
]);

test("hashedName puts the first 10 hex digits of the SHA-256 before the extension", () => {
  assert.equal(hashedName("js/share.js", Buffer.from("x")), "js/share.2d711642b7.js");
});

test("root-relative and absolute references are rewritten; look-alikes are left alone", () => {
  const rewrite = referenceRewriter(renamed, "https://www.heze.cn");
  assert.equal(
    rewrite(`<link href="/css/site.css"><script src="/js/qrcode.js?v=1"></script>`),
    `<link href="/css/site.1111111111.css"><script src="/js/qrcode.3333333333.js?v=1"></script>`,
  );
  assert.equal(
    rewrite(`"logo": "https://www.heze.cn/css/site.css"`),
    `"logo": "https://www.heze.cn/css/site.1111111111.css"`,
  );
  const untouched = `/x/css/site.css /css/site.css2 /css/site.cssx https://other.cn/css/site.css /js/qrcode.json`;
  assert.equal(rewrite(untouched), untouched);
});

test("relative url() references in a stylesheet are resolved against it", () => {
  const css = `@font-face { src: url("../fonts/song.woff2") format("woff2"); } .a { background: url(data:x) }`;
  assert.equal(
    rewriteCssUrls(css, "css/site.css", renamed),
    `@font-face { src: url("/fonts/song.2222222222.woff2") format("woff2"); } .a { background: url(data:x) }`,
  );
});
