import { Worker, workerData, type WorkerOptions } from "node:worker_threads";
import { RUNS_COMPILED } from "../project-root.ts";

/**
 * Starts the module `name` (beside this one: `file-worker`, `prefetch-worker`) on a worker thread
 * with `data`. A worker thread does not get the TypeScript loader the main thread registered: from
 * the sources it starts through a plain-JavaScript entry that registers tsx; the compiled copy
 * (bin/boletines.js) starts the module's JavaScript directly.
 */
export function startWorker(name: string, data: unknown, options: Omit<WorkerOptions, "workerData"> = {}): Worker {
  if (RUNS_COMPILED) return new Worker(new URL(`./${name}.js`, import.meta.url), { ...options, workerData: { data } });
  return new Worker(new URL("./ts-worker-entry.mjs", import.meta.url), { ...options, workerData: { module: new URL(`./${name}.ts`, import.meta.url).href, data } });
}

/** Inside a worker started by `startWorker`: the data it was given. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}
