import { parentPort } from "node:worker_threads";
import { readIndexedPage, type PageWordsJob, type PageWordsReply } from "./search-words.ts";
import { jobError } from "./threads.ts";

/** One words thread: reads the pages search-index.ts sends, and posts back each one's digest and words. */
parentPort!.on("message", (job: PageWordsJob) => {
  try {
    const reply: PageWordsReply = { id: job.id, pages: job.files.map((file) => readIndexedPage(file)) };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage(jobError(job.id, error));
  }
});
