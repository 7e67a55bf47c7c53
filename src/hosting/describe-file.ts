/**
 * A file's build-manifest entry (build-manifest.ts): its size and SHA-256. Apart from the manifest's
 * module so that the page writer's thread (src/pages/page-writer.ts) starts without loading the
 * manifest schema's library (zod): about 70 ms from its creation to its first answer, against 100 ms.
 *   describeFile(Buffer.from("a")) // { size: 1, sha256: "ca978112…" }
 */
import type { ManifestEntry } from "./build-manifest.ts";
import { sha256 } from "../util/sha256.ts";

export function describeFile(bytes: Buffer): ManifestEntry {
  return { size: bytes.length, sha256: sha256(bytes) };
}
