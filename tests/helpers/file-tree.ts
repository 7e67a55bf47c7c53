/**
 * A built folder's files and their bytes, for comparing two builds:
 *   assert.deepEqual(await snapshot(warm), await snapshot(cold));
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../../src/util/list-files.ts";

/** Every file of a folder with the SHA-256 of its bytes. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of listFiles(dir)) {
    hashes.set(
      file,
      createHash("sha256")
        .update(await readFile(path.join(dir, file)))
        .digest("hex"),
    );
  }
  return hashes;
}
