/**
 * `npm run editor [-- --port 8080]`: the web editor on a newsroom machine: the site preview (drafts
 * and scheduled articles included, live reload) plus Decap's local proxy, so `/admin/` edits the
 * files in content/ directly. Open the printed address; Ctrl-C stops both.
 */
import { startLocalProxy } from "../cms/local-proxy.ts";
import { startPreview } from "../preview/preview-server.ts";
import { ENVIRONMENT_USAGE, readPreviewCommand } from "./command-line.ts";

const COMMAND = { name: "editor", usage: `usage: npm run editor [-- --port 8080]   (${ENVIRONMENT_USAGE})` };
const { port: previewPort, options } = readPreviewCommand(COMMAND);
const proxy = await startLocalProxy({ port: options.editorPort, contentDir: options.contentDir });
const preview = await startPreview({ port: previewPort, options });
console.log(`heze-press editor: ${preview.url}/admin/ (preview at ${preview.url}/; Ctrl-C to stop)`);
const stop = () => void Promise.all([preview.close(), proxy.close()]).then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
