// Worker-thread entry when running the TypeScript sources, plain JavaScript so it starts without a
// TypeScript loader: a worker thread does not get the loader the main thread registered, so it
// registers tsx itself, then runs the worker. (The compiled copy starts file-worker.js directly.)
const { register } = await import("tsx/esm/api");
register();
await import("./file-worker.ts");
