import { makeImageExists } from "../model/corpus.ts";
import { transferOf, type FileJob, type FileJobResult, type FileWorkerData } from "./file-workers.ts";
import { parseForCache } from "./parse-file.ts";
import { serveJobs, workerInput } from "./threads.ts";

/** One worker thread: reads, normalizes and renders files sent by `FileWorkers` (same functions as the main thread). */
const { site, publicDir } = workerInput<FileWorkerData>();
const imageExists = makeImageExists(publicDir);

serveJobs((job: FileJob): Promise<FileJobResult> => parseForCache(job.file, site, imageExists), transferOf);
