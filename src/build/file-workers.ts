import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { ContentFile } from "../model/load.ts";
import type { NormalizeResult } from "../model/normalize.ts";
import type { SiteConfig } from "../site.ts";
import { startWorker } from "./threads.ts";

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
  result: NormalizeResult;
  images: Array<[string, boolean]>;
  html?: string;
  text?: string;
  minutes?: number;
}

/** Old-generation heap of each thread: libraries plus one file, with room to spare. */
const WORKER_HEAP_MB = 256;

type Pending = { resolve: (r: FileJobResult) => void; reject: (e: Error) => void };

export class FileWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;

  constructor(data: FileWorkerData, size = os.availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      // A thread holds one file at a time; a small heap makes V8 collect often instead of growing
      // (without it each thread's heap grew to hundreds of MiB on a 50,000-file build).
      const worker = startWorker("file-worker", data, {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
      });
      worker.on("message", (msg: FileJobResult | { id: number; error: string }) => {
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if ("error" in msg) p.reject(new Error(msg.error));
        else p.resolve(msg);
      });
      worker.on("error", (error) => {
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /** Runs one file on the least busy thread. */
  run(file: ContentFile): Promise<FileJobResult> {
    const id = this.nextId++;
    let best = this.workers[0]!;
    for (const w of this.workers) if (this.load.get(w)! < this.load.get(best)!) best = w;
    this.load.set(best, this.load.get(best)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      best.postMessage({ id, file } satisfies FileJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
