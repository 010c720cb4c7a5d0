import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

const HOLDER = path.join(import.meta.dirname, "lock-holder.ts");
const CONTENDERS = 6;

/** Starts the contenders together and returns their log lines once all have finished. */
async function contend(dir: string): Promise<string[]> {
  const log = path.join(dir, "log");
  // Far enough ahead for every process to have loaded its modules.
  const startAt = Date.now() + 2500;
  await Promise.all(
    Array.from({ length: CONTENDERS }, () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", HOLDER, path.join(dir, "._site.lock"), log, String(startAt)], { stdio: "inherit" });
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`contender exited with ${code}`))));
      }),
    ),
  );
  return (await readFile(log, "utf8")).trim().split("\n");
}

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

test("builds started at the same moment: one holds the output lock at a time, the others are refused clearly", async () => {
  // Taking the lock used to create it empty and write the owner after: a contender reading it in
  // between took it for a dead build's, deleted it and took it too (about 4 rounds in 10 here).
  // The last rounds start with the lock of a killed build in place: only one contender may take it over.
  for (let round = 0; round < 5; round++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "boletines-lock-"));
    try {
      if (round >= 3) await writeFile(path.join(dir, "._site.lock"), String(await deadPid()));
      const lines = await contend(dir);
      assert.equal(lines.length, CONTENDERS, lines.join("\n"));
      const held = lines.filter((l) => l.startsWith("held ")).map((l) => l.split(" ").slice(2).map(Number) as [number, number]);
      assert.ok(held.length >= 1, lines.join("\n"));
      for (let i = 0; i < held.length; i++) {
        for (let j = i + 1; j < held.length; j++) {
          const [a, b] = [held[i]!, held[j]!];
          assert.ok(a[1] <= b[0] || b[1] <= a[0], `two contenders held the lock at once:\n${lines.join("\n")}`);
        }
      }
      for (const l of lines.filter((l) => l.startsWith("refused "))) assert.match(l, /Otra compilación \(proceso \d+\) está escribiendo en la misma carpeta de salida/);
      // Nothing is left beside the output: no lock, no file of a contender's id.
      assert.deepEqual((await readdir(dir)).filter((f) => f !== "log"), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});
