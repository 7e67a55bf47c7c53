/**
 * The newsroom preview: Eleventy's dev server with live reload, writing to its own folder (never
 * `_site`, so a draft can never be published from a preview) and listening on loopback only (drafts
 * and embargoed stories stay on the editor's machine). The run is a preview's (`options.preview`):
 * each rebuild reads the content afresh and adds drafts and scheduled articles, each with a banner.
 * `/preview/open/?file=…` leads from an article's file to its page (src/preview/open-article.ts).
 *   const preview = await startPreview({ port: 8080, options }); ... await preview.close();
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import type { BuildOptions } from "../build/build-options.ts";
import { attachBuildRun, BuildRun } from "../build/build-run.ts";
import { openArticleMiddleware } from "./open-article.ts";

export const PREVIEW_HOST = "127.0.0.1";

export interface Preview {
  url: string;
  close(): Promise<void>;
}

// The dev server offers no host option and listens on every interface; bind it to loopback.
EleventyDevServer.prototype._serverListen = function (this: EleventyDevServer, port: number) {
  this.server.listen({ port, host: PREVIEW_HOST });
};

/**
 * `/admin/` without the live-reload script: a rebuild must never reload the web editor, or what an
 * editor was typing is lost. The dev server adds the script to HTML it sends as text; a page
 * answered as bytes (a Response) goes out as it is.
 */
function webEditorWithoutReload(outputDir: string) {
  return async () =>
    new Response(await readFile(path.join(outputDir, "admin", "index.html")), {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
}

/** Builds into `options.outputDir`, serves it and rebuilds on every change to content or templates. */
export async function startPreview({
  port,
  options,
}: {
  port: number;
  options: BuildOptions;
}): Promise<Preview> {
  // One run for the whole session: it keeps what each rebuild can reuse.
  const run = new BuildRun({ ...options, preview: true });
  let listening: (url: string) => void;
  const ready = new Promise<string>((resolve) => (listening = resolve));
  const eleventy = new Eleventy(undefined, options.outputDir, {
    configPath: ".eleventy.ts",
    runMode: "serve",
    quietMode: true,
    config(config) {
      attachBuildRun(config, run);
      config.setServerOptions({
        port,
        showAllHosts: false,
        messageOnStart: () => false,
        onRequest: {
          "/admin/": webEditorWithoutReload(options.outputDir),
          "/admin/index.html": webEditorWithoutReload(options.outputDir),
        },
        // 查看发布 in the web editor: from an article's file to its page.
        middleware: [openArticleMiddleware(options.contentDir)],
        ready(server: EleventyDevServer) {
          const address = server.server.address();
          listening(`http://${PREVIEW_HOST}:${typeof address === "object" && address ? address.port : port}`);
        },
      });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  return { url: await ready, close: () => eleventy.stopWatch() };
}
