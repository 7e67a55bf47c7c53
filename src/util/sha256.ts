/** The SHA-256 of text or bytes, in hex: `sha256("a")` is `ca978112…`. */
import { createHash } from "node:crypto";

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
