import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { imgAttributes } from "../../src/images/img-attributes.ts";
import type { ResponsiveImage } from "../../src/images/responsive-image.ts";

const image: ResponsiveImage = {
  src: "/img/3fa2c01b9e-960.webp",
  width: 960,
  height: 640,
  variants: [
    { url: "/img/3fa2c01b9e-480.webp", width: 480, file: "/cache/3fa2c01b9e-480.webp" },
    { url: "/img/3fa2c01b9e-960.webp", width: 960, file: "/cache/3fa2c01b9e-960.webp" },
  ],
};

/** The `<img>` the attributes make, as the browser would parse it. */
const img = (attributes: string) =>
  JSDOM.fragment(`<img ${attributes}>`).firstElementChild as HTMLImageElement;

test("the attributes give the largest variant as src, every variant in srcset, and the size", () => {
  const element = img(imgAttributes(image, "航拍牡丹园"));
  assert.equal(element.getAttribute("src"), "/img/3fa2c01b9e-960.webp");
  assert.equal(
    element.getAttribute("srcset"),
    "/img/3fa2c01b9e-480.webp 480w, /img/3fa2c01b9e-960.webp 960w",
  );
  assert.equal(element.getAttribute("sizes"), "(max-width: 1000px) 100vw, 760px");
  assert.equal(element.getAttribute("width"), "960");
  assert.equal(element.getAttribute("height"), "640");
  assert.equal(element.getAttribute("alt"), "航拍牡丹园");
  assert.equal(element.getAttribute("loading"), "lazy");
  assert.equal(element.getAttribute("decoding"), "async");
});

test("alt text with quotes, ampersands and angle brackets stays one attribute", () => {
  const alt = '市长说"好" & <b>不错</b>';
  const element = img(imgAttributes(image, alt));
  assert.equal(element.getAttribute("alt"), alt);
  assert.equal(element.attributes.length, 8, "nothing leaks out of the alt attribute");
});

test("an empty alt is kept (a decorative image), and sizes can be given", () => {
  const element = img(imgAttributes(image, "", { sizes: "100vw" }));
  assert.equal(element.getAttribute("alt"), "");
  assert.equal(element.getAttribute("sizes"), "100vw");
});
