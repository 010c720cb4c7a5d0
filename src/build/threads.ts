import { Worker, workerData, type WorkerOptions } from "node:worker_threads";
import { RUNS_COMPILED } from "../project-root.ts";

/**
 * Starts the module `name` (beside this one: `file-worker`, `prefetch-worker`) on a worker thread
 * with `data`. A worker thread does not get the TypeScript loader the main thread registered: from
 * the sources it starts through a plain-JavaScript entry that registers tsx; the compiled copy
 * (bin/boletines.js) starts the module's JavaScript directly.
 */
export function startWorker(name: string, data: unknown, options: Omit<WorkerOptions, "workerData"> = {}): Worker {
  if (RUNS_COMPILED) return new Worker(new URL(`./${name}.js`, import.meta.url), { ...options, workerData: { data } });
  return new Worker(new URL("./ts-worker-entry.mjs", import.meta.url), { ...options, workerData: { module: new URL(`./${name}.ts`, import.meta.url).href, data } });
}

/**
 * Young generation of the threads that read files and render pages. Most of what they allocate is
 * garbage by the end of the file or page, so a larger young generation is collected less often for
 * the same work: 64 MiB instead of 16 took 0.3–1.1 s of CPU off a cold build of 10,000 bulletins
 * (4 alternating runs, every one faster), for ~75 MiB more peak memory; 128 was no faster.
 */
export const WORKER_YOUNG_GENERATION_MB = 64;

/** Inside a worker started by `startWorker`: the data it was given. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}

/** What a worker thread of a `WorkerPool` posts back for a job that failed (the error's code kept: ENOSPC, EACCES…). */
export interface JobError {
  id: number;
  error: { message: string; code?: string; stack?: string };
}

/** The reply a worker thread posts for an error it caught while doing job `id`. */
export function jobError(id: number, error: unknown): JobError {
  const e = error as NodeJS.ErrnoException;
  if (!(e instanceof Error)) return { id, error: { message: String(error) } };
  return { id, error: { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.stack ? { stack: e.stack } : {}) } };
}

/** The error a worker thread reported, as an `Error` of this thread with the same message, code and stack. */
function rebuilt({ message, code, stack }: JobError["error"]): Error {
  return Object.assign(new Error(message), code ? { code } : {}, stack ? { stack } : {});
}

/**
 * Threads running one worker module: each job goes to the least busy thread and resolves with that
 * thread's reply. `busy` and `room()` let a producer keep at most `queuePerThread` jobs waiting on
 * each thread; after a thread fails, `failure` holds the first error and every job is refused.
 */
export class WorkerPool<Job extends object, Reply extends { id: number }> {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private readonly load = new Map<Worker, number>();
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  failure: Error | undefined;

  constructor(name: string, data: unknown, size: number, options: Omit<WorkerOptions, "workerData"> & { queuePerThread?: number } = {}) {
    const { queuePerThread = Number.POSITIVE_INFINITY, ...workerOptions } = options;
    this.queuePerThread = queuePerThread;
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = startWorker(name, data, workerOptions);
      worker.on("message", (msg: Reply | JobError) => {
        this.load.set(worker, this.load.get(worker)! - 1);
        this.waiting.shift()?.();
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if ("error" in msg) p.reject(rebuilt(msg.error));
        else p.resolve(msg);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.pending.size > 0) this.fail(new Error(`Un hilo de trabajo terminó antes de tiempo (código ${code}).`));
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  private readonly queuePerThread: number;

  /** Every thread has `queuePerThread` jobs waiting. */
  get busy(): boolean {
    return this.workers.every((w) => this.load.get(w)! >= this.queuePerThread);
  }

  /** Resolves when some thread can take another job (at once after a failure). */
  room(): Promise<void> {
    if (!this.busy || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs one job on the least busy thread. */
  run(job: Job): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let best = this.workers[0]!;
    for (const w of this.workers) if (this.load.get(w)! < this.load.get(best)!) best = w;
    this.load.set(best, this.load.get(best)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      best.postMessage({ ...job, id });
    });
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
