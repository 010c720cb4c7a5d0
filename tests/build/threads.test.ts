import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readIndexedPage, type PageWordsJob, type PageWordsReply } from "../../src/build/search-words.ts";
import { WorkerPool } from "../../src/build/threads.ts";
import { tempDir } from "./helpers.ts";

/**
 * A `WorkerPool` sends several jobs per message (src/build/threads.ts). Seen from a job, nothing of
 * that shows: each resolves with its own reply or rejects with its own error, whichever message it
 * went in and however full. Checked on a real thread (the search words thread, which reads files).
 */
test("jobs sent several to a message each get their own reply or error, in full and partial messages", async () => {
  const dir = await tempDir("threads-");
  const page = (i: number) => {
    const file = path.join(dir, `p${i}.html`);
    writeFileSync(file, `<html><body><main data-pagefind-body><p>palabra${i} común</p></main></body></html>`);
    return file;
  };
  const pool = new WorkerPool<PageWordsJob, PageWordsReply>("search-words-worker", null, 2, { batch: 4 });
  try {
    // 11 jobs: two full messages of 4 and one of 3, sent when the event loop turns. Job 5 names a
    // missing file: it fails alone, and the jobs of its message are answered all the same.
    const files = Array.from({ length: 11 }, (_, i) => (i === 5 ? path.join(dir, "falta.html") : page(i)));
    const settled = await Promise.allSettled(files.map((file) => pool.run({ files: [file] })));
    settled.forEach((s, i) => {
      if (i === 5) {
        assert.equal(s.status, "rejected");
        assert.equal((s as PromiseRejectedResult).reason.code, "ENOENT", "the thread's error keeps its code");
        return;
      }
      assert.equal(s.status, "fulfilled", `job ${i}`);
      assert.deepEqual((s as PromiseFulfilledResult<PageWordsReply>).value.pages, [readIndexedPage(files[i]!)], `job ${i} got its own reply`);
    });
    // One job alone still goes (a partial message is sent when the event loop turns).
    assert.deepEqual((await pool.run({ files: [files[0]!] })).pages[0]!.words, readIndexedPage(files[0]!).words);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("closing the threads refuses the jobs still waiting and every new one", async () => {
  const pool = new WorkerPool<PageWordsJob, PageWordsReply>("search-words-worker", null, 1, { batch: 8, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  try {
    const waiting = pool.run({ files: ["/nonexistent/a.html"] });
    // Closed while its job waits to be sent: the job is not left hanging.
    const ended = pool.close();
    await assert.rejects(waiting);
    await ended;
    await assert.rejects(pool.run({ files: ["/nonexistent/b.html"] }));
  } finally {
    await pool.close();
  }
});
