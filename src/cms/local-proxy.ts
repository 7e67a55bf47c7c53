/**
 * Decap's local proxy (`decap-server`), which lets `/admin/` opened on this machine read and write
 * article files directly, without a git host or a login. It serves the folder in
 * GIT_REPO_DIRECTORY (else its working directory): here the content folder's parent, matching the
 * folders in the generated config. It listens on loopback only, in its "fs" mode (plain files; the
 * editorial workflow belongs to the git host).
 *
 * In front of it sits a small forwarding server (the address `/admin/` talks to) that answers the
 * article list itself (src/cms/entry-list.ts): newest first, the latest RECENT_ENTRIES only, front
 * matter without bodies, so that the editor opens at once on 10,000 articles; a search asks for all.
 */
import { spawn } from "node:child_process";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PREVIEW_HOST } from "../preview/preview-server.ts";
import { loadSite } from "../content/site-data.ts";
import { entryList, type EntriesRequest } from "./entry-list.ts";

const require = createRequire(import.meta.url);

export interface LocalProxy {
  close(): Promise<void>;
}

/** Asks the proxy for its info until it answers (it logs nothing at the warn level). */
async function waitForProxy(url: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const answered = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`decap-server did not answer at ${url}`);
}

/** A port free on loopback now, for decap-server behind the forwarding server. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, PREVIEW_HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The article-list request of `/admin/`, or undefined for anything decap-server should answer. */
function entriesRequest(body: Buffer): EntriesRequest | undefined {
  try {
    const { action, params } = JSON.parse(body.toString("utf8")) as {
      action?: string;
      params?: EntriesRequest;
    };
    return action === "entriesByFolder" && params ? params : undefined;
  } catch {
    return undefined;
  }
}

/** Sends one request on to decap-server and its answer back. */
function forward(request: IncomingMessage, body: Buffer, response: ServerResponse, port: number): void {
  const upstream = httpRequest(
    { host: PREVIEW_HOST, port, path: request.url, method: request.method, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.once("error", (error) => {
    response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    response.end(`decap-server: ${error.message}`);
  });
  upstream.end(body);
}

export async function startLocalProxy({
  port,
  contentDir,
}: {
  port: number;
  contentDir: string;
}): Promise<LocalProxy> {
  const repoDir = path.dirname(path.resolve(contentDir));
  const decapPort = await freeLoopbackPort();
  const server = path.join(path.dirname(require.resolve("decap-server/package.json")), "dist", "index.js");
  const child = spawn(process.execPath, [server], {
    env: {
      ...process.env,
      PORT: String(decapPort),
      BIND_HOST: PREVIEW_HOST,
      MODE: "fs",
      GIT_REPO_DIRECTORY: repoDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`decap-server exited with ${code}`))),
  );
  await Promise.race([waitForProxy(`http://${PREVIEW_HOST}:${decapPort}/api/v1`), exited]);

  const site = await loadSite(contentDir);
  const entries = entryList(repoDir, (slug) => site.channels.find((c) => c.slug === slug)?.name);
  // Read every article now, so that the first list is as quick as the next ones.
  entries.list({
    folder: path.relative(repoDir, path.join(contentDir, "articles")),
    extension: "md",
    depth: 3,
    all: true,
  });
  const front = createServer((request, response) => {
    void readBody(request).then((body) => {
      const list = request.method === "POST" ? entriesRequest(body) : undefined;
      if (!list) return forward(request, body, response, decapPort);
      const json = (status: number, value: unknown) => {
        response.writeHead(status, {
          "content-type": "application/json; charset=utf-8",
          "access-control-allow-origin": request.headers.origin ?? "*",
        });
        response.end(JSON.stringify(value));
      };
      try {
        json(200, entries.list(list));
      } catch (error) {
        json(500, { error: String(error) });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen({ port, host: PREVIEW_HOST }, resolve);
  });
  return {
    close: () =>
      new Promise((resolve) => {
        front.close();
        front.closeAllConnections();
        entries.close();
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
