import assert from "node:assert/strict";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildFixture, listFiles, tempDir } from "./helpers.ts";

/**
 * When page threads render the bulletin pages, this thread writes the other files (lists, redirect
 * stubs, feeds) meanwhile, and keeps the threads fed while it does: their replies are events, so it
 * must give the event loop a turn now and then. Without it, the threads rendered their first queue of
 * pages and waited, idle, until this thread had written every file of its own (2–3 s of a 10,000-
 * bulletin cold build). Seen here in the files' modification times.
 */
test("page threads keep rendering while the main thread writes lists and redirect stubs", async () => {
  // Few bulletins with many old addresses each: this thread's own files (thousands of redirect stubs)
  // take seconds, far longer than the page threads take to start, even on a busy machine.
  const content = path.join(await tempDir(), "content");
  mkdirSync(path.join(content, "2024"), { recursive: true });
  const bulletins = 300;
  const oldAddresses = 25;
  for (let i = 0; i < bulletins; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    const redirects = Array.from({ length: oldAddresses }, (_, k) => `  - /news/${i * oldAddresses + k}`);
    const text = [
      "---",
      `title: "Boletín de prueba ${i}"`,
      `date: 2024-${month}-${day} 10:00:00 -0600`,
      `tags: [tema ${i % 7}, tema ${i % 11}]`,
      "section: Nacional",
      "redirect_from:",
      ...redirects,
      "---",
      "",
      `El Instituto Mexicano del Seguro Social informa sobre el tema ${i}.`,
      "",
    ].join("\n");
    writeFileSync(path.join(content, "2024", `2024-${month}-${day}-boletin-${i}.md`), text);
  }
  const { out, result } = await buildFixture(content, { workerThreshold: 0 });
  assert.ok(result.ok, JSON.stringify(result));
  const files = (await listFiles(out)).filter((f) => f.endsWith(".html"));
  const mtime = (f: string) => statSync(path.join(out, f), { bigint: true }).mtimeNs;
  // Bulletin pages are rendered by the threads; redirect stubs (old /news/ addresses) by this thread.
  const pages = files.filter((f) => /^boletines\/\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  const stubs = files.filter((f) => f.startsWith("news/"));
  assert.equal(pages.length, bulletins);
  assert.equal(stubs.length, bulletins * oldAddresses);
  const lastStub = stubs.map(mtime).reduce((a, b) => (a > b ? a : b));
  const before = pages.filter((f) => mtime(f) < lastStub).length;
  // By its last file, this thread had sent each page thread its first queue (16 pages): threads left
  // waiting had written at most those (none at all when the threads could not even start while this
  // thread never yielded). Kept fed, they write every page long before: all 300 in each of five runs
  // here, three of them with two other processes spinning on both cores.
  const firstQueues = 16 * os.availableParallelism();
  assert.ok(before > firstQueues, `${before} of ${pages.length} bulletin pages written before the last redirect stub (first queues: ${firstQueues})`);
});
