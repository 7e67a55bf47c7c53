import assert from "node:assert/strict";
import { test } from "node:test";
import { RenderedInputs } from "../../src/pages/rendered-inputs.ts";

const page = (url: string, ...inputs: unknown[]) => ({ url, inputs });

test("a page is re-rendered when any input is another object or value, and after forget()", () => {
  const inputs = new RenderedInputs();
  const article = { title: "甲" };
  assert.equal(inputs.changed(page("/a/", "article.njk", article)), true, "first time");
  assert.equal(inputs.changed(page("/a/", "article.njk", article)), false, "same objects");
  assert.equal(inputs.changed(page("/a/", "article.njk", { title: "甲" })), true, "an equal but new object");
  assert.equal(
    inputs.changed(page("/a/", "article.njk", { title: "甲" }, undefined)),
    true,
    "one more input",
  );
  assert.equal(inputs.changed(page("/b/", "list.njk")), true, "another page");
  inputs.forget();
  assert.equal(inputs.changed(page("/b/", "list.njk")), true, "after forget()");
});

test("settle() names the pages of the last rebuild that this one no longer has, once", () => {
  const inputs = new RenderedInputs();
  for (const url of ["/a/", "/b/", "/bendi/"]) inputs.changed(page(url, url));
  assert.deepEqual(inputs.settle(), [], "the first rebuild");
  // The article at /b/ was deleted and /a/ moved to /a2/.
  for (const url of ["/a2/", "/bendi/"]) inputs.changed(page(url, url));
  assert.deepEqual(inputs.settle(), ["/a/", "/b/"]);
  for (const url of ["/a2/", "/bendi/"]) inputs.changed(page(url, url));
  assert.deepEqual(inputs.settle(), [], "said once");
  // A page back at a URL it had left is new again.
  assert.equal(inputs.changed(page("/b/", "/b/")), true);
});

test("after an edit in place, the pages showing what it touched are found by input, the others stand", () => {
  const inputs = new RenderedInputs();
  const [a, b, c] = [{ title: "甲" }, { title: "乙" }, { title: "丙" }];
  const pages = [
    page("/a/", "article.njk", a, b), // a's page, b its neighbour
    page("/b/", "article.njk", b, a),
    page("/c/", "article.njk", c),
    page("/bendi/", "list.njk", "本地要闻", a, b, c),
    page("/old/a.htm", "redirect.njk", "/a/", "甲"), // shows a's title, by value
  ];
  assert.equal(inputs.touchedPages(), undefined, "no pages known yet: every page is considered");
  pages.forEach((p) => inputs.changed(p));
  inputs.settle();

  inputs.touch(a);
  inputs.touchPage("/old/a.htm");
  const touched = inputs.touchedPages()!;
  assert.deepEqual(touched.map((p) => p.url).sort(), ["/a/", "/b/", "/bendi/", "/old/a.htm"]);
  assert.equal(
    touched[0],
    pages.find((p) => p.url === touched[0]!.url),
    "the pages as last rendered",
  );
  assert.ok(touched.every((p) => inputs.changed(p)));
  assert.deepEqual(inputs.settle(), [], "the pages not rendered again are not gone");

  // The next full rebuild sees every page as it stood.
  assert.equal(inputs.changed(pages[2]!), false);
  inputs.forget();
  assert.equal(inputs.touchedPages(), undefined, "forgotten: every page is considered again");
});
