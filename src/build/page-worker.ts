import { closeSync, fstatSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import { layoutEnvironment } from "./pages.ts";
import type { PageJob, PageJobResult, PageWorkerData } from "./page-workers.ts";
import { serveJobs, workerInput } from "./threads.ts";

/**
 * One worker thread rendering pages sent by `PageWorkers`: the same layouts and Nunjucks settings
 * as the main thread (pages.ts), the same globals, each page written as a new file (never through an
 * existing one, as generations.ts writes).
 */
const { globals, layouts } = workerInput<PageWorkerData>();
const env = layoutEnvironment(layouts ? new Map(Object.entries(layouts)) : undefined);

serveJobs((job: PageJob): PageJobResult => {
  mkdirSync(path.dirname(job.out), { recursive: true });
  const fd = openSync(job.out, "wx");
  try {
    writeFileSync(fd, env.render(job.layout, { ...globals, ...job.item }));
    const st = fstatSync(fd);
    return { stamp: [st.size, st.mtimeMs] };
  } finally {
    closeSync(fd);
  }
});
