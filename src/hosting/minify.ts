/**
 * Minified scripts and styles for the published site, by esbuild (the tool tsx already runs on):
 * `minifyAsset("css/site.css", "a {  color: red; }")` gives `a{color:red}\n`. Other files pass through
 * unchanged. Asynchronous: esbuild's one service process answers every call, where each
 * synchronous call started a process of its own (0.18 s for the site's three scripts). Called while
 * asset names are planned (src/build/write-assets.ts), so the minified bytes are what gets hashed and
 * written. Licence comments are kept: esbuild's own (`/*! … *\/`, `@license`) and a leading comment
 * block naming a licence or copyright (the QR library's `// Copyright …`).
 */
import { transform, type Loader } from "esbuild";

const LOADERS: Record<string, Loader> = { ".css": "css", ".js": "js" };
const LEADING_COMMENTS = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))+/;

/** The file's opening comments when they carry a licence or copyright notice, else "". */
function licenceHeader(text: string): string {
  const header = LEADING_COMMENTS.exec(text)?.[0].trim() ?? "";
  return /licen[cs]e|copyright/i.test(header) ? header : "";
}

export async function minifyAsset(sitePath: string, text: string): Promise<string> {
  const loader = LOADERS[sitePath.slice(sitePath.lastIndexOf("."))];
  if (!loader) return text;
  // A classic script, not a module: no format, so top-level names (the QR library's `qrcode`) stay.
  const banner = licenceHeader(text);
  const minified = await transform(text, {
    loader,
    minify: true,
    sourcefile: sitePath,
    charset: "utf8",
    banner,
  });
  return minified.code;
}
