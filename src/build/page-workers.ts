import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "./threads.ts";

/**
 * Worker threads rendering and writing pages while the main thread prepares the next ones: in a cold
 * build, rendering and writing 10,000 bulletin pages is most of the time left on the main thread
 * (docs/benchmarks.md). Each thread renders with its own Nunjucks over the same layouts; the page's
 * item comes as plain data (`SiteFile.renderable`), the globals once when the thread starts.
 */
export interface PageWorkerData {
  /** What every layout sees besides its own item: `site`, `preview`, `boletines`. */
  globals: object;
}

export interface PageJob {
  id: number;
  /** Absolute path of the new file (its folder is made if missing). */
  out: string;
  layout: string;
  item: object;
}

export type PageJobResult = { id: number; stamp: [size: number, mtimeMs: number] } | { id: number; error: { message: string; code?: string } };

/** Jobs sent ahead to each thread: enough to keep it busy, few enough that pages waiting to be rendered hold little memory. */
const QUEUE_PER_THREAD = 16;
const WORKER_HEAP_MB = 256;

type Pending = { resolve: (stamp: [number, number]) => void; reject: (e: Error) => void };

export class PageWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private readonly waiting: Array<() => void> = [];
  /** The first error of any thread: no page is sent after it. */
  failure: Error | undefined;

  constructor(data: PageWorkerData, size = os.availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = startWorker("page-worker", data, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 } });
      worker.on("message", (msg: PageJobResult) => {
        this.load.set(worker, this.load.get(worker)! - 1);
        this.waiting.shift()?.();
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if ("error" in msg) p.reject(Object.assign(new Error(msg.error.message), msg.error.code ? { code: msg.error.code } : {}));
        else p.resolve(msg.stamp);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.pending.size > 0) this.fail(new Error(`Un hilo de generación de páginas terminó (código ${code}).`));
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /** Whether a new page should wait: every thread has its queue full. */
  get busy(): boolean {
    return this.workers.every((w) => this.load.get(w)! >= QUEUE_PER_THREAD);
  }

  /** Renders and writes one page on the least busy thread; resolves to the new file's size and modification time. */
  write(out: string, layout: string, item: object): Promise<[number, number]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let best = this.workers[0]!;
    for (const w of this.workers) if (this.load.get(w)! < this.load.get(best)!) best = w;
    this.load.set(best, this.load.get(best)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      best.postMessage({ id, out, layout, item } satisfies PageJob);
    });
  }

  /** Resolves when some thread can take another page. */
  room(): Promise<void> {
    if (!this.busy || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const w of this.waiting.splice(0)) w();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
