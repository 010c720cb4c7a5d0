import { appendFileSync } from "node:fs";
import { acquireLock } from "../../src/build/output.ts";

/**
 * One contender for the output lock (tests/hardening/lock.test.ts): waits for the agreed moment,
 * takes the lock, holds it a while, and writes to the log when it held it, or that it was refused.
 */
const [lockPath, log, startAt] = process.argv.slice(2) as [string, string, string];
while (Date.now() < Number(startAt)) {
  // Busy-wait: every contender tries at the same millisecond.
}
try {
  const release = await acquireLock(lockPath);
  const from = performance.timeOrigin + performance.now();
  await new Promise((resolve) => setTimeout(resolve, 150));
  // One line, written whole once the lock is released: contenders' lines never interleave.
  const to = performance.timeOrigin + performance.now();
  await release();
  appendFileSync(log, `held ${process.pid} ${from} ${to}\n`);
} catch (error) {
  appendFileSync(log, `refused ${process.pid} ${(error as Error).message}\n`);
}
