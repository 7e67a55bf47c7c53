import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { removeStaleBuildFolders } from "../../src/util/stale-build-folders.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** The id of a process that has exited. */
function goneProcessId(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  const pid = Number(child.stdout);
  assert.ok(pid > 0);
  return pid;
}

async function folders(parent: string, names: string[]): Promise<void> {
  for (const name of names) {
    await mkdir(path.join(parent, name));
    await writeFile(path.join(parent, name, "index.html"), "<p>旧</p>");
  }
}

test("folders a killed build left beside the output are removed, with what they hold", async () => {
  const parent = await tempDir("heze-stale-");
  const dead = goneProcessId();
  const stale = [
    `_site.staging-${dead}-1764590000000`,
    `_site.previous-${dead}-1764590000001`,
    `_site.staging-probe-${dead}-1764590000002`,
  ];
  await folders(parent, ["_site", ...stale]);
  const removed = await removeStaleBuildFolders(path.join(parent, "_site"));
  assert.deepEqual([...removed].sort(), stale.map((name) => path.join(parent, name)).sort());
  assert.deepEqual(await readdir(parent), ["_site"]);
  assert.ok(existsSync(path.join(parent, "_site", "index.html")), "the published site is untouched");
});

test("a running build's folders, other sites' folders and other names are kept", async () => {
  const parent = await tempDir("heze-stale-");
  const dead = goneProcessId();
  const kept = [
    "_site",
    `_site.staging-${process.pid}-1`, // this process's own build
    `_site.previous-${process.ppid}-1`, // a build still running
    `_site.staging-0-1`,
    `_site.staging-${dead}`, // no timestamp
    `_site.backup-${dead}-1`,
    `_siteX.staging-${dead}-1`,
    `other.staging-${dead}-1`,
    `outXv2.staging-${dead}-1`, // a `.` in the output name is not a wildcard
  ];
  await folders(parent, kept);
  assert.deepEqual(await removeStaleBuildFolders(path.join(parent, "_site")), []);
  assert.deepEqual((await readdir(parent)).sort(), [...kept].sort());

  await folders(parent, [`out.v2.staging-${dead}-1`]);
  assert.deepEqual(await removeStaleBuildFolders(path.join(parent, "out.v2")), [
    path.join(parent, `out.v2.staging-${dead}-1`),
  ]);
  assert.ok(existsSync(path.join(parent, `outXv2.staging-${dead}-1`)));
});

test("an output folder whose parent does not exist has nothing to remove", async () => {
  const parent = await tempDir("heze-stale-");
  assert.deepEqual(await removeStaleBuildFolders(path.join(parent, "missing", "_site")), []);
});
