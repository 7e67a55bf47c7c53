/**
 * Runs one of this project's long-running commands (`npm run preview`, `npm run editor`) for a test:
 * starts it with the given environment, waits for the line announcing its URL, and stops it (SIGTERM,
 * which the commands handle by closing what they started) when the test ends.
 *   const { url, log } = await startServerProcess(t, "src/cli/preview.ts", ["--port", port], env, /preview: (\S+)\//);
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import type { TestContext } from "node:test";

/** A port free on loopback now (the dev server moves to the next one if it is taken meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startServerProcess(
  t: TestContext,
  script: string,
  args: string[],
  env: Record<string, string>,
  announces: RegExp,
): Promise<{ url: string; log: () => string }> {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  t.after(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  );
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      log += chunk;
      const found = announces.exec(log);
      if (found) resolve(found[1]!);
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}:\n${log}`)));
  });
  return { url, log: () => log };
}
