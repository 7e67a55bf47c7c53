/**
 * Serves a built site on loopback the way a CDN would: `/path/` answers with `/path/index.html`, a
 * missing file gets `/404.html` (if any) with status 404, and `headers(pathname)` may add response
 * headers (for example the ones from `_headers`). With `{ gzip: true }` text files are sent gzipped
 * to clients that accept it, as a CDN sends them (for page-weight and Lighthouse measurements).
 *   const server = await serveSite(site.outputDir); ... server.url ... await server.close();
 */
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(
  root: string,
  headers: (pathname: string) => Record<string, string> = () => ({}),
  { gzip = false } = {},
): Promise<SiteServer> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    try {
      if (!file.startsWith(root)) throw new Error("outside the site");
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      const compress =
        gzip && /text|json|xml|svg/.test(type) && /gzip/.test(request.headers["accept-encoding"] ?? "");
      response.writeHead(200, {
        "content-type": type,
        ...(compress ? { "content-encoding": "gzip", vary: "Accept-Encoding" } : {}),
        ...headers(pathname),
      });
      response.end(compress ? gzipSync(body) : body);
    } catch {
      const notFound = await readFile(path.join(root, "404.html")).catch(() => Buffer.from("not found"));
      response.writeHead(404, { "content-type": "text/html; charset=utf-8", ...headers(pathname) });
      response.end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
