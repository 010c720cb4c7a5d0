import { parentPort } from "node:worker_threads";
import { makeImageExists } from "../model/corpus.ts";
import { transferOf, type FileJob, type FileJobResult, type FileWorkerData } from "./file-workers.ts";
import { parseForCache } from "./parse-file.ts";
import { jobError, workerInput } from "./threads.ts";

/** One worker thread: reads, normalizes and renders files sent by `FileWorkers` (same functions as the main thread). */
const { site, publicDir } = workerInput<FileWorkerData>();
const imageExists = makeImageExists(publicDir);

parentPort!.on("message", async (job: FileJob) => {
  try {
    const reply: FileJobResult = { id: job.id, ...(await parseForCache(job.file, site, imageExists)) };
    parentPort!.postMessage(reply, transferOf(reply));
  } catch (error) {
    parentPort!.postMessage(jobError(job.id, error));
  }
});
