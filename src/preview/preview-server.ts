/**
 * The newsroom preview: Eleventy's dev server with live reload, writing to its own folder (never
 * `_site`, so a draft can never be published from a preview) and listening on loopback only (drafts
 * and embargoed stories stay on the editor's machine). The run is a preview's (`options.preview`):
 * each rebuild reads the content afresh and adds drafts and scheduled articles, each with a banner.
 * `/preview/open/?file=…` leads from an article's file to its page (src/preview/open-article.ts).
 *   const preview = await startPreview({ port: 8080, options }); ... await preview.close();
 */
import type { EventEmitter } from "node:events";
import { readFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import type { BuildOptions } from "../build/build-options.ts";
import { attachBuildRun, BuildRun } from "../build/build-run.ts";
import { removeFolders, removeStaleBuildFolders, setAside } from "../util/stale-build-folders.ts";
import { watchTree } from "../util/watch-tree.ts";
import { catchUpOnRebuilds } from "./catch-up.ts";
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

/**
 * Watches the content folder (src/util/watch-tree.ts: Eleventy's own watcher took 30 s to look
 * through 100,000 article files) from before the first build reads it, and hands each file that
 * changes to Eleventy's watcher (templates, styles, scripts), to rebuild like any edit, once
 * Eleventy has made that watcher: a file saved while the preview starts is rebuilt then.
 */
function followContent(contentDir: string) {
  const early: string[] = [];
  let changed: (file: string) => void = (file) => early.push(file);
  const content = watchTree(contentDir, (file) => changed(file));
  return {
    /** Eleventy's watcher has its handlers: from now on it hears of every change. */
    handTo(watcher: EventEmitter): void {
      // Eleventy rebuilds on a change or a new file, and only notes a removed one (a template).
      watcher.on("unlink", (file: string) => watcher.emit("change", file));
      changed = (file) => watcher.emit("change", file);
      early.splice(0).forEach(changed);
    },
    close: () => content.close(),
  };
}

/**
 * Eleventy's watcher (chokidar; `eleventy.watcher`, not in its types) as soon as Eleventy has made
 * it and hooked its handlers, before it is ready: ready took 2 s more at 100,000 articles, while the
 * first build's garbage was collected, and an edit saved meanwhile waited for it.
 */
function watcherOf(eleventy: Eleventy): Promise<EventEmitter> {
  return new Promise((resolve) => {
    let made: EventEmitter | undefined;
    Object.defineProperty(eleventy, "watcher", {
      configurable: true,
      get: () => made,
      set(watcher: EventEmitter) {
        made = watcher;
        // Eleventy hooks its handlers right after it sets the watcher, in the same turn.
        setImmediate(() => resolve(watcher));
      },
    });
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
  const catchUp = catchUpOnRebuilds(run);
  // The last session's folder is set aside and removed once this one serves. The first build writes
  // every page anew, unchanged ones linked from the cache, so nothing is lost; a page the content no
  // longer has (an article deleted while no preview ran) would otherwise stay behind and be served.
  const lastSession = await setAside(options.outputDir, `${process.pid}-${Date.now()}`);
  const content = followContent(options.contentDir);
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
          ...catchUp.onRequest,
        },
        // 查看发布 in the web editor: from an article's file to its page.
        middleware: [openArticleMiddleware(options.contentDir)],
        ready(server: EleventyDevServer) {
          catchUp.attach(server);
          const address = server.server.address();
          listening(`http://${PREVIEW_HOST}:${typeof address === "object" && address ? address.port : port}`);
        },
      });
    },
  });
  await eleventy.init();
  // Serving starts once the first build is written, while Eleventy makes its watcher: content files
  // saved meanwhile are rebuilt once it has (followContent).
  const made = watcherOf(eleventy);
  const watching = eleventy.watch();
  await Promise.race([run.firstBuild, watching]);
  await eleventy.serve(port);
  const removed = Promise.all([
    lastSession && removeFolders([lastSession]),
    removeStaleBuildFolders(options.outputDir),
  ]).catch((error: Error) => {
    console.error(`heze-press preview: could not remove the last session's folder: ${error.message}`);
  });
  // The cache save waits until the content is handed over (src/build/build-run.ts): an edit saved
  // now shows sooner.
  const caughtUp = Promise.race([made, watching.then(() => undefined)])
    .then((watcher) => watcher && content.handTo(watcher))
    .finally(() => run.ended());
  return {
    url: await ready,
    close: async () => {
      content.close();
      await caughtUp;
      await eleventy.stopWatch();
      await run.cacheKept;
      await removed;
    },
  };
}
