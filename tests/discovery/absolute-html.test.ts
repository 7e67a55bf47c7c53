import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteHtml } from "../../src/discovery/absolute-html.ts";

test("site-relative src, href and srcset become absolute; other URLs are left alone", () => {
  const base = "https://www.heze.cn";
  assert.equal(
    absoluteHtml(
      '<img src="/img/a-960.webp" srcset="/img/a-480.webp 480w, /img/a-960.webp 960w"><a href="/bendi/">本地</a><a href="https://x.cn/">x</a><a href="//cdn/x">y</a><a href="#h-1">z</a>',
      base,
    ),
    '<img src="https://www.heze.cn/img/a-960.webp" srcset="https://www.heze.cn/img/a-480.webp 480w, https://www.heze.cn/img/a-960.webp 960w"><a href="https://www.heze.cn/bendi/">本地</a><a href="https://x.cn/">x</a><a href="//cdn/x">y</a><a href="#h-1">z</a>',
  );
});
