/**
 * Starts a worker thread running one of this project's TypeScript modules. Under tsx on Node 20 a
 * worker does not get tsx's loader in time for its entry module (privatenumber/tsx#354: "Unknown
 * file extension .ts"), so a bootstrap registers it in the worker before importing the module. The
 * worker gets no `--import tsx` of its own (inherited, it deadlocks with the bootstrap's).
 */
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";

/**
 * The worker and a port to talk to it. Messages posted on `port` wait for the worker to listen to
 * `workerData.port` (parentPort loses messages posted while tsx is still loading the module).
 */
export function startTsWorker(module: URL, data: object): { worker: Worker; port: MessagePort } {
  const tsxApi = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const bootstrap = `import(${tsxApi}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { ...data, port: port2 },
    transferList: [port2],
    execArgv: [],
  });
  return { worker, port: port1 };
}
