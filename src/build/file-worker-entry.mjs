// Worker-thread entry (plain JavaScript so it can start without a TypeScript loader): registers tsx
// only when the thread does not already have it (tests run with `--import tsx`), then runs the worker.
const hasTypeScriptLoader = process.execArgv.some((arg, i, all) => arg.includes("tsx") && (i === 0 || all[i - 1] === "--import" || arg.startsWith("--import")));
if (!hasTypeScriptLoader) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("./file-worker.ts");
