import os from "node:os";
import { WORKER_YOUNG_GENERATION_MB, WorkerPool } from "./threads.ts";

/**
 * Worker threads rendering and writing pages while the main thread prepares the next ones: in a cold
 * build, rendering and writing 10,000 bulletin pages is most of the time left on the main thread
 * (docs/benchmarks.md). Each thread renders with its own Nunjucks over the same layouts
 * (page-worker.ts); the page's item comes as plain data (`SiteFile.renderable`), the globals once
 * when the thread starts.
 */
export interface PageWorkerData {
  /** What every layout sees besides its own item: `site`, `preview`, `boletines`. */
  globals: object;
  /** Layouts compiled by earlier builds (compiled-layouts.ts), by their names there. */
  layouts?: Record<string, string>;
}

export interface PageJob {
  /** Absolute path of the new file (its folder is made if missing). */
  out: string;
  layout: string;
  item: object;
}

export interface PageJobResult {
  stamp: [size: number, mtimeMs: number];
}

/**
 * Pages sent to a thread in one message (a message costs about what a page does; one page per message
 * left the writing of a cold build of 10,000 bulletins ~0.4 s slower), and messages sent ahead to each
 * thread: enough to keep it busy, few enough that pages waiting to be rendered hold little memory.
 */
const PAGES_PER_MESSAGE = 8;
const QUEUE_PER_THREAD = 4;
const WORKER_HEAP_MB = 256;

export class PageWorkers {
  private readonly pool: WorkerPool<PageJob, PageJobResult>;

  /**
   * One thread fewer than the cores: this thread renders and writes every other page meanwhile, so a
   * thread per core oversubscribed them (a cold build of 10,000 bulletins on 2 cores wrote its files
   * in 2.7–2.9 s with one page thread, 3.0–3.3 s with two, with less CPU and memory).
   */
  constructor(data: PageWorkerData, size = Math.max(1, os.availableParallelism() - 1)) {
    this.pool = new WorkerPool("page-worker", data, size, { queuePerThread: QUEUE_PER_THREAD, batch: PAGES_PER_MESSAGE, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  }

  /** The first error of any thread: no page is sent after it. */
  get failure(): Error | undefined {
    return this.pool.failure;
  }

  /** Every thread has its queue full: wait for `room()`. */
  get busy(): boolean {
    return this.pool.busy;
  }

  room(): Promise<void> {
    return this.pool.room();
  }

  /** Renders and writes one page; resolves to the new file's size and modification time. */
  async write(out: string, layout: string, item: object): Promise<[number, number]> {
    return (await this.pool.run({ out, layout, item })).stamp;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
