import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { findMediaFile } from "../../src/images/responsive-image.ts";

test("media paths are decoded, then resolved with their links, then kept inside content/media", async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), "heze-media-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  const content = path.join(root, "content");
  await mkdir(path.join(content, "media/photos"), { recursive: true });
  await writeFile(path.join(content, "media/photos/牡丹 1.jpg"), "jpeg");
  await writeFile(path.join(content, "site.yaml"), "secret");
  await writeFile(path.join(root, "outside.jpg"), "jpeg");
  await symlink(path.join(root, "outside.jpg"), path.join(content, "media/out.jpg"));
  await symlink(path.join(content, "media/photos/牡丹 1.jpg"), path.join(content, "media/in.jpg"));
  await symlink(root, path.join(content, "media/up"));

  const found = async (src: string) => {
    const result = await findMediaFile(src, content);
    return "file" in result ? path.relative(root, result.file) : result.en;
  };
  assert.equal(await found("/media/photos/%E7%89%A1%E4%B8%B9%201.jpg"), "content/media/photos/牡丹 1.jpg");
  assert.equal(await found("/media/photos/牡丹 1.jpg"), "content/media/photos/牡丹 1.jpg");
  assert.equal(
    await found("/media/in.jpg"),
    "content/media/photos/牡丹 1.jpg",
    "a link inside media is fine",
  );
  assert.match(await found("/media/%2e%2e/site.yaml"), /it leads out of content\/media/);
  assert.match(await found("/media/%2E%2E%2Fsite.yaml"), /it leads out of content\/media/);
  assert.match(await found("/media/photos/../../site.yaml"), /it leads out of content\/media/);
  assert.match(await found("/media/out.jpg"), /a symbolic link out of content\/media/);
  assert.match(await found("/media/up/outside.jpg"), /a symbolic link out of content\/media/);
  assert.match(await found("/media/%E0%A4%A.jpg"), /a malformed %-escape/);
  assert.match(await found("/media/a%00.jpg"), /it leads out of content\/media/);
  assert.match(await found("/media/photos"), /not a file/);
  assert.match(await found("/media/none.jpg"), /^image \/media\/none\.jpg not found/);
  assert.match(await found("/img/x.jpg"), /expected a file under content\/media/);
});
