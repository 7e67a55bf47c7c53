import assert from "node:assert/strict";
import { test } from "node:test";
import { findCspOffences } from "../../src/pages/csp-offences.ts";

test("script files, JSON-LD and plain markup pass", () => {
  const html = `<!doctype html>
<script src="/js/share.1.js" defer></script>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
<p class="lead">一段文字 onclick=不是属性</p>`;
  assert.deepEqual(findCspOffences(html, false), []);
});

test("inline scripts, event handlers and style attributes are found with their lines", () => {
  const html = `<!doctype html>
<script>alert(1)</script>
<button onclick="go()">去</button>
<p style="color: red">红</p>`;
  assert.deepEqual(
    findCspOffences(html, false).map((o) => [o.line, o.what.en.split(":")[0]]),
    [
      [2, "inline <script>"],
      [3, `onclick="…" attribute`],
      [4, `style="…" attribute`],
    ],
  );
  assert.equal(findCspOffences(html, true).length, 2, "a policy allowing inline styles skips style=");
});

test("text inside attribute values is not mistaken for attributes", () => {
  const html = `<meta name="description" content="正文 <img src=x onerror=alert(3)> style=x">
<img alt='a onload=b' src="/img/a-960.webp">`;
  assert.deepEqual(findCspOffences(html, false), []);
});
