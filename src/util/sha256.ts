/** The SHA-256 of text or bytes, in hex: `sha256("a")` is `ca978112…`. One call, no Hash object. */
import { hash } from "node:crypto";

export const sha256 = (data: string | Uint8Array): string => hash("sha256", data, "hex");
