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
  id: number;
  file: ContentFile;
}

export interface FileJobResult {
  id: number;
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

/** Old-generation heap of each thread: libraries plus one file, with room to spare. */
const WORKER_HEAP_MB = 256;

export class FileWorkers {
  private readonly pool: WorkerPool<Omit<FileJob, "id">, FileJobResult>;

  constructor(data: FileWorkerData, size = os.availableParallelism()) {
    // A thread holds one file at a time; a small old generation makes V8 collect often instead of
    // growing (without it each thread's heap grew to hundreds of MiB on a 50,000-file build).
    this.pool = new WorkerPool("file-worker", data, size, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  }

  /** Runs one file on the least busy thread. */
  run(file: ContentFile): Promise<FileJobResult> {
    return this.pool.run({ file });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
