import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { copyDir, freePort, ROOT, tempDir } from "../build/helpers.ts";


/**
 * Waits for the server to say something (readiness, a finished rebuild) instead of sleeping:
 * the test follows the server's own events. The limit only turns a hung server into a failure.
 */
function logWatcher(stream: NodeJS.ReadableStream[]) {
  let log = "";
  const waiters: Array<() => void> = [];
  for (const s of stream) {
    s.on("data", (d) => {
      log += String(d);
      for (const w of waiters.splice(0)) w();
    });
  }
  return {
    get text() {
      return log;
    },
    async waitFor(pattern: RegExp, from = 0, limitMs = 120_000): Promise<number> {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const m = pattern.exec(log.slice(from));
        if (m) return from + m.index + m[0].length;
        if (Date.now() > deadline) throw new Error(`the server never printed ${pattern}; log:\n${log}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 1000).unref();
        });
      }
    },
  };
}

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  assert.equal(r.status, 200, url);
  return r.text();
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
  const log = logWatcher([child.stdout, child.stderr]);
  try {
    const base = `http://127.0.0.1:${port}`;
    let at = await log.waitFor(/Vista previa en http/);
    assert.match(await fetchText(`${base}/boletines/2024/06/borrador-pendiente/`), /Borrador/);
    assert.match(await fetchText(`${base}/boletines/2030/01/boletin-programado/`), /Programado/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-04-09\ndescription: "d"\n---\nHola.\n');
    at = await log.waitFor(/Vista previa actualizada/, at);
    assert.match(await fetchText(`${base}/boletines/2024/04/recien-escrito/`), /Recién escrito/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-02-30\n---\nHola.\n');
    at = await log.waitFor(/Vista previa actualizada/, at);
    assert.match(log.text, /content\/nuevo\.md:3:1: error \[date\]/);
    assert.equal(child.exitCode, null, "the server keeps running");
    assert.match(await fetchText(`${base}/boletines/2024/04/recien-escrito/`), /Recién escrito/, "showing the last good version");

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-04-10\ndescription: "d"\n---\nHola.\n');
    at = await log.waitFor(/Vista previa actualizada/, at);
    assert.match(await fetchText(`${base}/boletines/2024/04/corregido/`), /Corregido/);
  } finally {
    child.kill("SIGTERM");
  }
  assert.doesNotMatch(log.text, /\n\s+at .*\(/, "no stack traces");
});
