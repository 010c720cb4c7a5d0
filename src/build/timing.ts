/**
 * Phase timings of a build, printed to stderr when `BOLETINES_TIMING=1` (for profiling and the
 * benchmark notes; nothing asserts on them).
 */
const enabled = process.env["BOLETINES_TIMING"] === "1";
let last = performance.now();

export function phase(label: string): void {
  if (!enabled) return;
  const now = performance.now();
  const rss = Math.round(process.memoryUsage.rss() / 1048576);
  process.stderr.write(`[tiempo] ${label.padEnd(28)} ${(now - last).toFixed(0).padStart(6)} ms  (total ${now.toFixed(0)} ms, ${rss} MiB)\n`);
  last = now;
}
