// Worker-thread entry, plain JavaScript so it starts without a TypeScript loader: a worker thread
// does not get the loader the main thread registered, so it registers tsx itself, then runs the worker.
const { register } = await import("tsx/esm/api");
register();
await import("./file-worker.ts");
