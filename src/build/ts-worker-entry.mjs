// Worker-thread entry when running the TypeScript sources, plain JavaScript so it starts without a
// TypeScript loader: a worker thread does not get the loader the main thread registered, so it
// registers tsx itself, then runs the worker module it was given (threads.ts). The compiled copy
// starts the worker module directly.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.module);
