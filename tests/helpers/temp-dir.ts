/**
 * Temporary folders for tests, removed when the test file finishes: loading this module registers
 * one node:test `after` hook on the file's root, so a folder made in a test, a `before` hook or a
 * helper outlives every test that reads it and no test has to clean up by hand.
 *   const outputDir = await tempDir("heze-writer-");   // /tmp/heze-writer-XXXXXX, gone after the file
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

const made: string[] = [];

after(() => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

/** A fresh, empty folder in the system's temporary folder, named `<prefix>XXXXXX`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
