import assert from "node:assert/strict";
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildFixture, listFiles, tempDir, writeGeneratedContent } from "./helpers.ts";

/**
 * When page threads render the bulletin pages, this thread writes the other files (lists, redirect
 * stubs, feeds) meanwhile, and keeps the threads fed while it does: their replies are events, so it
 * must give the event loop a turn now and then. Without it, the threads rendered their first queue of
 * pages and waited, idle, until this thread had written every file of its own (2–3 s of a 10,000-
 * bulletin cold build). Seen here in the files' modification times.
 */
test("page threads keep rendering while the main thread writes lists and redirect stubs", async (t) => {
  const content = path.join(await tempDir(), "content");
  // Large enough that this thread's own files outlast the threads' start (a few hundred ms).
  writeGeneratedContent(content, 2000, 11);
  const { out, result } = await buildFixture(content, { workerThreshold: 0 });
  assert.ok(result.ok, JSON.stringify(result));
  const files = (await listFiles(out)).filter((f) => f.endsWith(".html"));
  const mtime = (f: string) => statSync(path.join(out, f), { bigint: true }).mtimeNs;
  // Bulletin pages are rendered by the threads; redirect stubs (old /news/ addresses) by this thread.
  const bulletins = files.filter((f) => /^boletines\/\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  const stubs = files.filter((f) => f.startsWith("news/"));
  assert.ok(bulletins.length >= 1900 && stubs.length >= 500, `${bulletins.length} pages, ${stubs.length} stubs`);
  const lastStub = stubs.map(mtime).reduce((a, b) => (a > b ? a : b));
  const before = bulletins.filter((f) => mtime(f) < lastStub).length;
  // Before its last file, this thread had sent each page thread its first queue (16 pages); threads left
  // waiting write no more than those by then. Kept fed, they write more: 400–1,250 of the 2,000 in
  // three runs on this 2-core machine. (None at all: the threads started after this thread was done,
  // and the order says nothing either way.)
  const firstQueues = 16 * os.availableParallelism();
  if (before === 0) {
    t.skip("the page threads started after the main thread had written all of its own files");
    return;
  }
  assert.ok(before > firstQueues, `${before} of ${bulletins.length} bulletin pages written before the last redirect stub (first queues: ${firstQueues})`);
});
