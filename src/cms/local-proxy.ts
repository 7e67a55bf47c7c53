/**
 * Decap's local proxy (`decap-server`), which lets `/admin/` opened on this machine read and write
 * article files directly, without a git host or a login. It serves the folder in
 * GIT_REPO_DIRECTORY (else its working directory): here the content folder's parent, matching the
 * folders in the generated config. It listens on loopback only, in its "fs" mode (plain files; the
 * editorial workflow belongs to the git host).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { PREVIEW_HOST } from "../preview/preview-server.ts";

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

export async function startLocalProxy({
  port,
  contentDir,
}: {
  port: number;
  contentDir: string;
}): Promise<LocalProxy> {
  const server = path.join(path.dirname(require.resolve("decap-server/package.json")), "dist", "index.js");
  const child = spawn(process.execPath, [server], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: PREVIEW_HOST,
      MODE: "fs",
      GIT_REPO_DIRECTORY: path.dirname(path.resolve(contentDir)),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`decap-server exited with ${code}`))),
  );
  await Promise.race([waitForProxy(`http://${PREVIEW_HOST}:${port}/api/v1`), exited]);
  return {
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
