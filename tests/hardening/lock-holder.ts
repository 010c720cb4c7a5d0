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
  appendFileSync(log, `held ${process.pid} ${performance.timeOrigin + performance.now()}`);
  await new Promise((resolve) => setTimeout(resolve, 150));
  appendFileSync(log, ` ${performance.timeOrigin + performance.now()}\n`);
  await release();
} catch (error) {
  appendFileSync(log, `refused ${process.pid} ${(error as Error).message}\n`);
}
