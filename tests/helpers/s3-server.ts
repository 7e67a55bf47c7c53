/**
 * A real S3 API server for publisher tests: s3rver on loopback with one bucket, behind a small proxy
 * that logs every request and can delay or fail some of them (to test retries and killed publishes).
 *   const s3 = await startS3Server(t);            // closed when the test ends
 *   s3.fail = ({ method, attempt }) => (method === "PUT" && attempt === 1 ? 503 : undefined);
 *   await runPublish(site.outputDir, s3, ["--delete"]);
 * s3rver checks the access key id but not SigV4 signatures, so a wrong key is a wrong key id.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestContext } from "node:test";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { runProject } from "./fixture-site.ts";

export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };

export interface LoggedRequest {
  method: string;
  /** Object key (without the bucket), `""` for bucket requests. */
  key: string;
  status: number;
  /** The request's headers as the client sent them (`content-md5`, `content-type`...). */
  headers: IncomingHttpHeaders;
}

export interface StoredObject {
  body: Buffer;
  contentType?: string;
  cacheControl?: string;
}

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** Every request the proxy saw, in order of completion. */
  requests: LoggedRequest[];
  /** Returns a status to answer instead of the server (500, 503...); `attempt` counts per method+key. */
  fail?: (request: { method: string; key: string; attempt: number }) => number | undefined;
  /** Milliseconds to hold each request before passing it on. */
  delayMs: number;
  /** Every object in the bucket with its body and headers. */
  objects(): Promise<Map<string, StoredObject>>;
}

export async function startS3Server(t: TestContext): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "heze-s3-"));
  const bucket = "heze-site";
  const s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port: upstreamPort } = await s3rver.run();
  const attempts = new Map<string, number>();

  const server: S3TestServer = {
    endpoint: "",
    bucket,
    requests: [],
    delayMs: 0,
    async objects() {
      const client = new S3Client({
        endpoint: `http://127.0.0.1:${upstreamPort}`,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      const objects = new Map<string, StoredObject>();
      for (const { Key } of listing.Contents ?? []) {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        objects.set(Key!, {
          body: Buffer.from(await object.Body!.transformToByteArray()),
          contentType: object.ContentType,
          cacheControl: object.CacheControl,
        });
      }
      client.destroy();
      return objects;
    },
  };

  const proxy = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const key = decodeURIComponent(url.pathname.split("/").slice(2).join("/"));
    const method = request.method ?? "GET";
    const id = `${method} ${key}`;
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const log = (status: number) => server.requests.push({ method, key, status, headers: request.headers });
    setTimeout(() => {
      const failure = server.fail?.({ method, key, attempt });
      if (failure) {
        request.resume();
        request.on("end", () => {
          response.writeHead(failure, { "content-type": "application/xml" });
          response.end(
            `<?xml version="1.0"?><Error><Code>ServiceUnavailable</Code><Message>injected</Message></Error>`,
          );
          log(failure);
        });
        return;
      }
      const upstream = httpRequest(
        { host: "127.0.0.1", port: upstreamPort, method, path: request.url, headers: request.headers },
        (reply) => {
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(response);
          reply.on("end", () => log(reply.statusCode ?? 502));
        },
      );
      upstream.on("error", () => response.destroy());
      request.pipe(upstream);
    }, server.delayMs);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  server.endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  t.after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await s3rver.close();
    await rm(directory, { recursive: true, force: true });
  });
  return server;
}

/** The arguments and environment of `npm run publish` against the test server. */
function publishCommand(siteDir: string, s3: S3TestServer, args: string[], env: Record<string, string>) {
  return {
    args: [
      "src/cli/publish.ts",
      ...["--bucket", s3.bucket, "--endpoint", s3.endpoint, "--path-style"],
      ...["--purge-file", path.join(path.dirname(siteDir), "purge-urls.txt")],
      ...args,
    ],
    env: {
      ...S3_CREDENTIALS,
      HEZE_OUTPUT: siteDir,
      AWS_REGION: "us-east-1",
      NODE_NO_WARNINGS: "1",
      ...env,
    },
  };
}

/** Runs `npm run publish`'s entry point against the test server and waits for it. */
export function runPublish(
  siteDir: string,
  s3: S3TestServer,
  args: string[] = [],
  env: Record<string, string> = {},
) {
  const command = publishCommand(siteDir, s3, args, env);
  return runProject(command.args, command.env);
}

/** Starts the publisher without waiting, for tests that kill it. */
export function startPublish(siteDir: string, s3: S3TestServer, args: string[] = []): ChildProcess {
  const command = publishCommand(siteDir, s3, args, {});
  return spawn(process.execPath, command.args, {
    env: { ...process.env, ...command.env },
    stdio: "ignore",
  });
}
