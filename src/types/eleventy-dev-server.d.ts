// The part of Eleventy's dev server that src/preview/ touches (the package ships no declarations).
declare module "@11ty/eleventy-dev-server" {
  import type { Server } from "node:http";
  export default class EleventyDevServer {
    get server(): Server;
    _serverListen(port: number): void;
    /** Adds the reload client's script tag to a page's HTML as it is sent. */
    augmentContentWithNotifier(content: string, ...rest: unknown[]): string;
  }
}
