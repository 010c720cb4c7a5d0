import os from "node:os";
import type { ContentFile } from "../model/load.ts";
import type { Problem } from "../model/problems.ts";
import type { SiteConfig } from "../site.ts";
import type { CachedBulletin, PackRecord } from "./pack-record.ts";
import { WORKER_YOUNG_GENERATION_MB, WorkerPool } from "./threads.ts";

/**
 * Worker threads for the expensive part of a cold build (YAML front matter, normalizing, markdown):
 * the same functions as the main thread, on every core. Started only when a build has many files
 * to process, since each thread first loads its own copy of the libraries.
 */
export interface FileWorkerData {
  site: SiteConfig;
  publicDir: string;
}

export interface FileJob {
  file: ContentFile;
}

export interface FileJobResult {
  /** sha1 of the bytes read and parsed (absent when the file could not be read). */
  hash?: string;
  /** Its problems and its bulletin, if valid (the markdown and field positions are in `texts`). */
  result: { problems: Problem[]; bulletin?: CachedBulletin };
  images: Array<[string, boolean]>;
  /** With a bulletin: its markdown, field positions, HTML and text, as the pack stores them. */
  texts?: PackRecord;
  minutes?: number;
}

/** A reply's pack record is handed over, not copied. */
export function transferOf(reply: Pick<FileJobResult, "texts">): ArrayBuffer[] {
  return reply.texts ? [reply.texts.bytes.buffer as ArrayBuffer] : [];
}

/**
 * Files sent to a thread in one message, and answered in one: per file, a message of its own cost
 * more than parsing it (a cold build of 10,000 bulletins read its content in ~3.4 s with one file per
 * message, ~2.9–3.2 s with 16, and used ~1 s less CPU; 64 left a thread idle, since the corpus loader
 * asks for 64 files at a time).
 */
const FILES_PER_MESSAGE = 16;

/** Old-generation heap of each thread: libraries plus one file, with room to spare. */
const WORKER_HEAP_MB = 256;

export class FileWorkers {
  private readonly pool: WorkerPool<FileJob, FileJobResult>;

  constructor(data: FileWorkerData, size = os.availableParallelism()) {
    // A thread holds one file at a time; a small old generation makes V8 collect often instead of
    // growing (without it each thread's heap grew to hundreds of MiB on a 50,000-file build).
    this.pool = new WorkerPool("file-worker", data, size, { batch: FILES_PER_MESSAGE, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  }

  /** Runs one file on a thread (sent with the others asked for meanwhile). */
  run(file: ContentFile): Promise<FileJobResult> {
    return this.pool.run({ file });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
