/**
 * Eleventy plugin: static assets. `public/` is copied to the site root as it is; the QR code library
 * the share bar uses is copied from its npm package, so no script comes from another host.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";

const require = createRequire(import.meta.url);

export function assetsPlugin(config: UserConfig): void {
  config.addPassthroughCopy({ public: "/" });
  // The package's "require" export is its browser build (a plain script defining `qrcode`).
  const qrcode = require.resolve("qrcode-generator");
  config.addPassthroughCopy({ [path.relative(process.cwd(), qrcode)]: "js/qrcode.js" });
}
