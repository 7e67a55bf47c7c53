/**
 * The newsroom preview: Eleventy's dev server with live reload, writing to its own folder (never
 * `_site`, so a draft can never be published from a preview) and listening on loopback only (drafts
 * and embargoed stories stay on the editor's machine). Eleventy runs in "serve" mode, in which the
 * content plugin adds drafts and scheduled articles, each with a banner. `/preview/open/?file=…` leads
 * from an article's file to its page (src/preview/open-article.ts).
 *   const preview = await startPreview({ port: 8080 }); ... await preview.close();
 */
import Eleventy from "@11ty/eleventy";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { readBuildOptions } from "../build-options.ts";
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

/** Builds into `outputDir`, serves it and rebuilds on every change to content or templates. */
export async function startPreview({
  port,
  outputDir,
}: {
  port: number;
  outputDir: string;
}): Promise<Preview> {
  let listening: (url: string) => void;
  const ready = new Promise<string>((resolve) => (listening = resolve));
  const eleventy = new Eleventy(undefined, outputDir, {
    configPath: ".eleventy.ts",
    runMode: "serve",
    quietMode: true,
    config(config) {
      config.setServerOptions({
        port,
        showAllHosts: false,
        messageOnStart: () => false,
        // 查看发布 in the web editor: from an article's file to its page.
        middleware: [openArticleMiddleware(readBuildOptions().contentDir)],
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
