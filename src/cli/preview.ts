/**
 * `npm run preview [-- --port 8080]`: the site as it will look, with drafts and scheduled articles
 * (each with a banner), rebuilt and live-reloaded on every edit to content or templates. Written to
 * `_preview/` (HEZE_OUTPUT overrides), served on http://127.0.0.1 only. Never publish that folder.
 */
import { startPreview } from "../preview/preview-server.ts";
import { ENVIRONMENT_USAGE, readPreviewCommand } from "./command-line.ts";

const COMMAND = {
  name: "preview",
  usage: `usage: npm run preview [-- --port 8080]   (${ENVIRONMENT_USAGE})`,
};
const { port: previewPort, options } = readPreviewCommand(COMMAND);
const preview = await startPreview({ port: previewPort, options });
console.log(`heze-press preview: ${preview.url}/ (drafts and scheduled articles marked; Ctrl-C to stop)`);
const stop = () => void preview.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
