import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { test } from "node:test";
import { copyDir, ROOT, tempDir } from "../build/helpers.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls until `check` passes; bounded, so a broken server fails the test instead of hanging it. */
async function until<T>(what: string, check: () => Promise<T | undefined>, attempts = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function fetchText(url: string): Promise<string | undefined> {
  const r = await fetch(url);
  return r.ok ? r.text() : undefined;
}

test("serve: preview with drafts, live rebuild on edit, survives a broken file", async () => {
  const dir = await tempDir("boletines-serve-");
  await copyDir(path.join(ROOT, "tests/fixtures/varied"), path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "bin/boletines.js"), "serve", "--port", String(port)], {
    cwd: dir,
    env: { ...process.env, BOLETINES_NOW: "2026-01-01T00:00:00-06:00" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  try {
    const base = `http://127.0.0.1:${port}`;
    const draft = await until("draft page", () => fetchText(`${base}/boletines/2024/06/borrador-pendiente/`));
    assert.match(draft, /Borrador/);
    const scheduled = await until("scheduled page", () => fetchText(`${base}/boletines/2030/01/boletin-programado/`));
    assert.match(scheduled, /Programado/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-04-09\ndescription: "d"\n---\nHola.\n');
    await until("new bulletin", () => fetchText(`${base}/boletines/2024/04/recien-escrito/`));

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-02-30\n---\nHola.\n');
    await until("error in the terminal", async () => (log.includes("content/nuevo.md:3:1: error [date]") ? true : undefined));
    assert.equal(child.exitCode, null, "the server keeps running");
    assert.ok(await fetchText(`${base}/`), "and keeps serving");

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-04-10\ndescription: "d"\n---\nHola.\n');
    await until("fixed bulletin", () => fetchText(`${base}/boletines/2024/04/corregido/`));
  } finally {
    child.kill("SIGTERM");
  }
  assert.doesNotMatch(log, /\n\s+at .*\(/, "no stack traces");
});
