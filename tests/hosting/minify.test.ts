import assert from "node:assert/strict";
import { test } from "node:test";
import { minifyAsset } from "../../src/hosting/minify.ts";

test("styles and scripts are minified; Chinese text and top-level names survive", async () => {
  assert.equal(
    await minifyAsset("css/site.css", "/* note */\na {\n  color: #ff0000;\n}\n"),
    "a{color:red}\n",
  );
  const js = await minifyAsset(
    "js/share.js",
    `// note\nconst label = "本文链接的二维码";\nfunction qrcode(x) {\n  return x + 1;\n}\n`,
  );
  assert.match(js, /本文链接的二维码/);
  assert.match(js, /function qrcode\(/);
  assert.doesNotMatch(js, /note|\n\s/);
});

test("a leading licence or copyright comment is kept, other comments are not", async () => {
  const vendored =
    "//---\n// Copyright (c) 2009 Kazuhiko Arase\n// Licensed under the MIT license\n//---\nvar qrcode = 1;\n// end\n";
  assert.equal(
    await minifyAsset("js/qrcode.js", vendored),
    "//---\n// Copyright (c) 2009 Kazuhiko Arase\n// Licensed under the MIT license\n//---\nvar qrcode=1;\n",
  );
});

test("other files pass through unchanged", async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg">  </svg>`;
  assert.equal(await minifyAsset("favicon.svg", svg), svg);
});

test("a syntax error names the file", async () => {
  await assert.rejects(minifyAsset("js/broken.js", "const = ;"), /js\/broken\.js/);
});
