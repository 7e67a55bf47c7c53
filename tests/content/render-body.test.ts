import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { bodyProblem, renderBody, resolveImage } from "../../src/content/render-body.ts";
import { findMediaFile } from "../../src/images/responsive-image.ts";
import { testPhoto } from "../helpers/fixture-site.ts";
import { mediaFolder } from "../helpers/media.ts";

/** The body of an article whose Markdown starts at line 8 of its file. */
const where = { file: "content/articles/bendi/a.md", bodyLine: 8 };

const options = await mediaFolder({
  "peony.jpg": await testPhoto(1200, 800),
  "bridge.jpg": await testPhoto(600, 400),
  "notes.jpg": "这不是图片",
});

test("Markdown renders to HTML, with CJK-friendly emphasis and no images to resolve", async () => {
  const body = await renderBody("**加粗：**文字", where, options);
  assert.deepEqual(body, { html: "<p><strong>加粗：</strong>文字</p>\n", images: [], problems: [] });
});

test("a body's photos are resized once each and shown as responsive figures", async () => {
  const markdown = [
    "开幕式现场。",
    "",
    '![航拍牡丹园](/media/peony.jpg "摄影 李明")',
    "",
    "文中插图 ![桥](/media/bridge.jpg) 与上图 ![又见牡丹](/media/peony.jpg)。",
  ].join("\n");
  const body = await renderBody(markdown, where, options);
  assert.deepEqual(body.problems, []);
  assert.equal(body.images.length, 2, "each photo once, however often it is shown");
  const peony = body.images.find((image) => image.width === 1200)!;
  assert.equal(peony.variants.length, 3);

  const doc = JSDOM.fragment(body.html);
  const figure = doc.querySelector("figure")!;
  assert.equal(figure.querySelector("img")?.getAttribute("src"), peony.src);
  assert.equal(figure.querySelector("figcaption")?.textContent, "摄影 李明");
  const inline = [...doc.querySelectorAll("p img")].map((img) => img.getAttribute("alt"));
  assert.deepEqual(inline, ["桥", "又见牡丹"]);
  for (const img of doc.querySelectorAll("img"))
    assert.match(img.getAttribute("src")!, /^\/img\/[0-9a-f]{10}-\d+\.webp$/);
});

test("every image that cannot be shown is a problem at its line of the file, and nothing renders", async () => {
  const markdown = [
    "第一段。", // body line 1: file line 8
    "",
    "![缺失](/media/missing.jpg)", // body line 3: file line 10
    "",
    "![外链](https://example.com/photo.jpg)", // file line 12
    "",
    "![坏图](/media/notes.jpg)", // file line 14
    "",
    "![好图](/media/peony.jpg)",
  ].join("\n");
  const body = await renderBody(markdown, where, options);
  assert.equal(body.html, "");
  assert.deepEqual(body.images, []);
  assert.deepEqual(
    body.problems.map(({ file, line, field, severity }) => ({ file, line, field, severity })),
    [10, 12, 14].map((line) => ({ file: where.file, line, field: "body", severity: "error" })),
  );
  const [missing, external, unreadable] = body.problems.map((p) => p.message.en);
  assert.equal(
    missing,
    `image /media/missing.jpg not found: no file ${path.relative(process.cwd(), path.join(options.contentDir, "media/missing.jpg"))}`,
  );
  assert.equal(
    external,
    'got "https://example.com/photo.jpg": expected a file under content/media, written /media/<file>',
  );
  assert.match(unreadable!, /^image \/media\/notes\.jpg cannot be read: /);
});

test("findMediaFile only looks for the file; resolveImage resizes it", async () => {
  const found = await findMediaFile("/media/peony.jpg", options.contentDir);
  assert.ok("file" in found && found.file.endsWith("peony.jpg"));
  const none = await findMediaFile("/media/none.jpg", options.contentDir);
  assert.ok(!("file" in none));
  assert.match(none.en, /^image \/media\/none\.jpg not found/);
  assert.match(none.zh, /^找不到 \/media\/none\.jpg：/);
  const resolved = await resolveImage("/media/bridge.jpg", options);
  assert.ok("src" in resolved);
  assert.deepEqual([resolved.width, resolved.height], [600, 400]);
  const outside = await resolveImage("/img/x.jpg", options);
  assert.ok(!("src" in outside));
  assert.match(outside.en, /expected a file under content\/media/);
});

test("a problem on a body line is placed at its line in the file", () => {
  const message = { zh: "链接打不开", en: "broken link" };
  assert.deepEqual(bodyProblem(where, 1, message), {
    file: where.file,
    line: 8,
    field: "body",
    message,
    severity: "error",
  });
  assert.equal(bodyProblem(where, 5, message, "warning").line, 12);
  assert.equal(bodyProblem(where, 5, message, "warning").severity, "warning");
});
