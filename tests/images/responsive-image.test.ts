import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { IMAGE_WIDTHS, prepareImage } from "../../src/images/responsive-image.ts";
import { testPhoto } from "../helpers/fixture-site.ts";
import { mediaFolder } from "../helpers/media.ts";

const sizeOf = async (file: string) => {
  const { width, height, format } = await sharp(file).metadata();
  return { width, height, format };
};

test("a large photo gives every variant width, each a WebP of that width, named by its bytes", async () => {
  const options = await mediaFolder({ "wide.jpg": await testPhoto(2000, 1000) });
  const image = await prepareImage(options.files[0]!, options);
  assert.deepEqual(
    image.variants.map((v) => v.width),
    IMAGE_WIDTHS,
  );
  const hash = /^\/img\/([0-9a-f]{10})-1440\.webp$/.exec(image.src)?.[1];
  assert.ok(hash, image.src);
  assert.equal(image.width, 1440);
  assert.equal(image.height, 720, "the height keeps the photo's proportions");
  for (const variant of image.variants) {
    assert.equal(variant.url, `/img/${hash}-${variant.width}.webp`);
    assert.equal(variant.file, path.join(options.cacheDir, `${hash}-${variant.width}.webp`));
    assert.deepEqual(await sizeOf(variant.file), {
      width: variant.width,
      height: variant.width / 2,
      format: "webp",
    });
  }
  assert.deepEqual(
    (await readdir(options.cacheDir)).sort(),
    image.variants.map((v) => path.basename(v.file)).sort(),
    "no partial files are left",
  );
});

test("a photo narrower than the largest width is never enlarged: its own width is the largest variant", async () => {
  const options = await mediaFolder({
    "mid.jpg": await testPhoto(700, 350),
    "small.jpg": await testPhoto(480, 320),
    "tiny.jpg": await testPhoto(300, 200),
  });
  const widths = async (file: string) => (await prepareImage(file, options)).variants.map((v) => v.width);
  assert.deepEqual(await widths(options.files[0]!), [480, 700]);
  assert.deepEqual(await widths(options.files[1]!), [480]);
  assert.deepEqual(await widths(options.files[2]!), [300]);
  const tiny = await prepareImage(options.files[2]!, options);
  assert.deepEqual([tiny.width, tiny.height], [300, 200]);
});

test("a photo taken on its side is turned upright by its EXIF orientation", async () => {
  // Stored 400×200, shown 200×400 (orientation 6: rotate 90° clockwise).
  const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#336699" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const options = await mediaFolder({ "portrait.jpg": sideways });
  const image = await prepareImage(options.files[0]!, options);
  assert.deepEqual([image.width, image.height], [200, 400]);
  assert.deepEqual(await sizeOf(image.variants[0]!.file), { width: 200, height: 400, format: "webp" });
});

test("the same photo under two names shares its variants; a cached variant is not made again", async () => {
  const photo = await testPhoto(600, 400);
  const options = await mediaFolder({ "a.jpg": photo, "b.jpg": photo, "c.jpg": await testPhoto(600, 401) });
  const first = await prepareImage(options.files[0]!, options);
  const cached = first.variants[0]!.file;
  await writeFile(cached, "kept from an earlier build");
  const second = await prepareImage(options.files[1]!, options);
  assert.deepEqual(second, first);
  assert.equal(await readFile(cached, "utf8"), "kept from an earlier build", "the cache was used");
  const other = await prepareImage(options.files[2]!, options);
  assert.notEqual(other.src, first.src, "different bytes, different names");
});

test("articles resizing one photo at the same time get the same, complete variants", async () => {
  const options = await mediaFolder({ "shared.jpg": await testPhoto(1000, 500) });
  const images = await Promise.all(Array.from({ length: 4 }, () => prepareImage(options.files[0]!, options)));
  for (const image of images) assert.deepEqual(image, images[0]);
  const names = await readdir(options.cacheDir);
  assert.equal(names.length, 3, names.join(", "));
  for (const variant of images[0]!.variants) assert.equal((await sizeOf(variant.file)).width, variant.width);
});

test("a file that is not an image, or no file at all, throws", async () => {
  const options = await mediaFolder({ "notes.jpg": "这不是图片" });
  await assert.rejects(prepareImage(options.files[0]!, options));
  await assert.rejects(prepareImage(path.join(options.contentDir, "media/missing.jpg"), options), {
    code: "ENOENT",
  });
});
