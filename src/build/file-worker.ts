import { parentPort } from "node:worker_threads";
import { sha1Bytes } from "./digest.ts";
import { loadAndNormalize, makeImageExists } from "../model/corpus.ts";
import { readingMinutes, renderMarkdownAndText } from "../render/markdown.ts";
import type { FileJob, FileJobResult, FileWorkerData } from "./file-workers.ts";
import { jobError, workerInput } from "./threads.ts";

/** One worker thread: reads, normalizes and renders files sent by `FileWorkers` (same functions as the main thread). */
const { site, publicDir } = workerInput<FileWorkerData>();
const imageExists = makeImageExists(publicDir);

parentPort!.on("message", async (job: FileJob) => {
  try {
    const images: Array<[string, boolean]> = [];
    let hash: string | undefined;
    const result = await loadAndNormalize(job.file, {
      site,
      imageExists: (p) => {
        const exists = imageExists(p);
        images.push([p, exists]);
        return exists;
      },
    }, (bytes) => (hash = sha1Bytes(bytes)));
    const made = result.bulletin ? renderMarkdownAndText(result.bulletin.body) : undefined;
    const reply: FileJobResult = { id: job.id, result, images, ...(hash ? { hash } : {}), ...(made ? { html: made.html, text: made.text, minutes: readingMinutes(made.text) } : {}) };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage(jobError(job.id, error));
  }
});
