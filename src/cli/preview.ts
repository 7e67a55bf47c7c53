/**
 * `npm run preview [-- --port 8080]`: the site as it will look, with drafts and scheduled articles
 * (each with a banner), rebuilt and live-reloaded on every edit to content or templates. Written to
 * `_preview/` (HEZE_OUTPUT overrides), served on http://127.0.0.1 only. Never publish that folder.
 */
import { parseArgs } from "node:util";
import { readBuildOptions } from "../build/build-options.ts";
import { startPreview } from "../preview/preview-server.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });
const options = readBuildOptions(process.env, true);
const preview = await startPreview({ port: Number(values.port), options });
console.log(`heze-press preview: ${preview.url}/ (drafts and scheduled articles marked; Ctrl-C to stop)`);
const stop = () => void preview.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
