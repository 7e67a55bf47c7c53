import assert from "node:assert/strict";
import { test } from "node:test";
import { RenderedInputs } from "../../src/pages/rendered-inputs.ts";

test("a page is re-rendered when any input is another object or value, and after forget()", () => {
  const inputs = new RenderedInputs();
  const article = { title: "甲" };
  assert.equal(inputs.changed("/a/", ["article.njk", article]), true, "first time");
  assert.equal(inputs.changed("/a/", ["article.njk", article]), false, "same objects");
  assert.equal(inputs.changed("/a/", ["article.njk", { title: "甲" }]), true, "an equal but new object");
  assert.equal(inputs.changed("/a/", ["article.njk", { title: "甲" }, undefined]), true, "one more input");
  assert.equal(inputs.changed("/b/", ["list.njk"]), true, "another page");
  inputs.forget();
  assert.equal(inputs.changed("/b/", ["list.njk"]), true, "after forget()");
});

test("settle() names the pages of the last rebuild that this one no longer has, once", () => {
  const inputs = new RenderedInputs();
  for (const url of ["/a/", "/b/", "/bendi/"]) inputs.changed(url, [url]);
  assert.deepEqual(inputs.settle(), [], "the first rebuild");
  // The article at /b/ was deleted and /a/ moved to /a2/.
  for (const url of ["/a2/", "/bendi/"]) inputs.changed(url, [url]);
  assert.deepEqual(inputs.settle(), ["/a/", "/b/"]);
  for (const url of ["/a2/", "/bendi/"]) inputs.changed(url, [url]);
  assert.deepEqual(inputs.settle(), [], "said once");
  // A page back at a URL it had left is new again.
  assert.equal(inputs.changed("/b/", ["/b/"]), true);
});
