/**
 * Pages that catch up on a rebuild they missed. Eleventy's reload client hears of a rebuild only
 * while its socket is open, and a page opens it only once loaded: a rebuild that ends while a page
 * loads (a second save soon after the one that reloaded it) goes unheard, and the page stays stale
 * until the next save. Seen in CI: an article's error banner never came after two quick saves.
 *
 * Each page the preview serves names the build it may not show yet (BuildRun.buildAwaited), in the
 * script tag of catch-up-client.js, put before the reload client's. When the reload client's socket
 * opens, that script asks for the last build written (`/preview/written.json`) and reloads the page
 * if it is the awaited one or a later one; any build ending after that is heard on the socket.
 *   const catchUp = catchUpOnRebuilds(run); // then catchUp.onRequest in the server's options,
 *   catchUp.attach(server) in its ready()
 */
import { readFileSync } from "node:fs";
import type EleventyDevServer from "@11ty/eleventy-dev-server";
import type { BuildRun } from "../build/build-run.ts";

const CLIENT_URL = "/preview/catch-up.js";
const WRITTEN_URL = "/preview/written.json";
const client = readFileSync(new URL("catch-up-client.js", import.meta.url));

const noStore = (type: string) => ({ "content-type": type, "cache-control": "no-store" });

export function catchUpOnRebuilds(run: BuildRun) {
  return {
    /** The client script, and the number of the last build written. */
    onRequest: {
      [CLIENT_URL]: () => new Response(client, { headers: noStore("text/javascript; charset=utf-8") }),
      [WRITTEN_URL]: () =>
        new Response(JSON.stringify({ written: run.lastWritten }), { headers: noStore("application/json") }),
    },
    /** Puts the client script, with the build awaited, at the top of every page the server sends. */
    attach(server: EleventyDevServer): void {
      const withReloadClient = server.augmentContentWithNotifier.bind(server);
      server.augmentContentWithNotifier = (content, ...rest) =>
        withReloadClient(
          content.replace(
            "<head>",
            `<head><script src="${CLIENT_URL}" data-awaited="${run.buildAwaited()}" data-written="${WRITTEN_URL}"></script>`,
          ),
          ...rest,
        );
    },
  };
}
