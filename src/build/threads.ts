import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, Worker, workerData, type WorkerOptions } from "node:worker_threads";
import { CODE_ROOT, RUNS_COMPILED } from "../project-root.ts";

/** Where the worker modules are, in the sources and in the compiled copy (one entry point each there). */
const WORKERS_DIR = path.join(CODE_ROOT, "src", "build");

/**
 * Starts the module `name` (src/build/`name`: `file-worker`, `prefetch-worker`…) on a worker thread
 * with `data`. A worker thread does not get the TypeScript loader the main thread registered: from
 * the sources it starts through a plain-JavaScript entry that registers tsx; the compiled copy
 * (bin/boletines.js) starts the module's JavaScript directly. Found from CODE_ROOT, not from this
 * module's URL: in the compiled copy this module is bundled into another file.
 */
export function startWorker(name: string, data: unknown, options: Omit<WorkerOptions, "workerData"> = {}): Worker {
  if (RUNS_COMPILED) return new Worker(pathToFileURL(path.join(WORKERS_DIR, `${name}.js`)), { ...options, workerData: { data } });
  const entry = pathToFileURL(path.join(WORKERS_DIR, "ts-worker-entry.mjs"));
  return new Worker(entry, { ...options, workerData: { module: pathToFileURL(path.join(WORKERS_DIR, `${name}.ts`)).href, data } });
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

/** An error a worker thread caught, as it crosses to the main thread (its code kept: ENOSPC, EACCES…). */
interface ErrorData {
  message: string;
  code?: string;
  stack?: string;
}

/**
 * Messages between a `WorkerPool` and its threads: several jobs per message (a message costs tens of
 * µs on each side, as much as a small job), one reply per job, in order, each its result or its error.
 */
interface JobsMessage<Job> {
  id: number;
  jobs: Job[];
}
interface RepliesMessage<Reply> {
  id: number;
  replies: Array<{ ok: Reply } | { error: ErrorData }>;
}

function errorData(error: unknown): ErrorData {
  const e = error as NodeJS.ErrnoException;
  if (!(e instanceof Error)) return { message: String(error) };
  return { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.stack ? { stack: e.stack } : {}) };
}

/** The error a worker thread reported, as an `Error` of this thread with the same message, code and stack. */
function rebuilt({ message, code, stack }: ErrorData): Error {
  return Object.assign(new Error(message), code ? { code } : {}, stack ? { stack } : {});
}

/**
 * Inside a worker thread of a `WorkerPool`: answers every job with `handle`, one job after another in
 * the order sent. A job that throws is answered with its error; the others are answered all the same.
 * `transfer`: buffers of a reply handed over rather than copied.
 */
export function serveJobs<Job, Reply>(handle: (job: Job) => Reply | Promise<Reply>, transfer: (reply: Reply) => ArrayBuffer[] = () => []): void {
  parentPort!.on("message", async ({ id, jobs }: JobsMessage<Job>) => {
    const message: RepliesMessage<Reply> = { id, replies: [] };
    const moved: ArrayBuffer[] = [];
    for (const job of jobs) {
      try {
        const ok = await handle(job);
        message.replies.push({ ok });
        moved.push(...transfer(ok));
      } catch (error) {
        message.replies.push({ error: errorData(error) });
      }
    }
    parentPort!.postMessage(message, moved);
  });
}

interface Waiter<Reply> {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/**
 * Threads running one worker module (which answers with `serveJobs`): each job resolves with its
 * thread's reply. Jobs go out `batch` to a message, to the thread with the fewest messages waiting; a
 * message goes when it is full or, with fewer jobs, once this thread's event loop turns. `busy` and
 * `room()` let a producer keep at most `queuePerThread` messages waiting on each thread; after a thread
 * fails, `failure` holds the first error and every job is refused.
 */
export class WorkerPool<Job, Reply> {
  private readonly workers: Worker[] = [];
  /** The jobs of each message sent and not answered, by message id. */
  private readonly pending = new Map<number, Array<Waiter<Reply>>>();
  /** Messages waiting on each thread. */
  private readonly load = new Map<Worker, number>();
  private readonly waiting: Array<() => void> = [];
  /** Jobs for the next message. */
  private gathered: Array<Waiter<Reply> & { job: Job }> = [];
  private nextId = 0;
  private readonly queuePerThread: number;
  private readonly batch: number;
  failure: Error | undefined;

  constructor(name: string, data: unknown, size: number, options: Omit<WorkerOptions, "workerData"> & { queuePerThread?: number; batch?: number } = {}) {
    const { queuePerThread = Number.POSITIVE_INFINITY, batch = 1, ...workerOptions } = options;
    this.queuePerThread = queuePerThread;
    this.batch = Math.max(1, batch);
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = startWorker(name, data, workerOptions);
      worker.on("message", ({ id, replies }: RepliesMessage<Reply>) => {
        this.load.set(worker, this.load.get(worker)! - 1);
        this.waiting.shift()?.();
        const waiters = this.pending.get(id);
        this.pending.delete(id);
        if (!waiters) return;
        replies.forEach((reply, k) => {
          if ("error" in reply) waiters[k]!.reject(rebuilt(reply.error));
          else waiters[k]!.resolve(reply.ok);
        });
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.pending.size > 0) this.fail(new Error(`Un hilo de trabajo terminó antes de tiempo (código ${code}).`));
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /** Every thread has `queuePerThread` messages waiting. */
  get busy(): boolean {
    return this.workers.every((w) => this.load.get(w)! >= this.queuePerThread);
  }

  /** Resolves when some thread can take another message (at once after a failure). */
  room(): Promise<void> {
    if (!this.busy || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs one job on a thread. */
  run(job: Job): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.gathered.push({ job, resolve, reject });
      if (this.gathered.length >= this.batch) this.send();
      else if (this.gathered.length === 1) setImmediate(() => this.send());
    });
  }

  /** Sends the jobs gathered as one message, to the thread with the fewest messages waiting. */
  private send(): void {
    const jobs = this.gathered;
    if (jobs.length === 0) return;
    this.gathered = [];
    if (this.failure) {
      for (const j of jobs) j.reject(this.failure);
      return;
    }
    let best = this.workers[0]!;
    for (const w of this.workers) if (this.load.get(w)! < this.load.get(best)!) best = w;
    this.load.set(best, this.load.get(best)! + 1);
    const id = this.nextId++;
    this.pending.set(id, jobs);
    const message: JobsMessage<Job> = { id, jobs: jobs.map((j) => j.job) };
    best.postMessage(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiters of this.pending.values()) for (const w of waiters) w.reject(error);
    this.pending.clear();
    for (const j of this.gathered.splice(0)) j.reject(error);
    for (const w of this.waiting.splice(0)) w();
  }

  /** Ends the threads; a job still waiting, or asked for later, is refused. */
  async close(): Promise<void> {
    const ending = Promise.all(this.workers.map((w) => w.terminate()));
    this.fail(new Error("Los hilos de trabajo se cerraron antes de terminar este trabajo."));
    await ending;
    this.workers.length = 0;
  }
}
