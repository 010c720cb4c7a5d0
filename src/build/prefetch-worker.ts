import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { listContentFiles } from "../model/load.ts";
import { checkUnpublished } from "./generations.ts";
import { outputPaths } from "./output.ts";
import type { PrefetchData, PrefetchMessage } from "./prefetch.ts";
import { workerInput } from "./threads.ts";

/**
 * The file-system checks of a rebuild, on a second core while the main thread reads the build cache
 * (prefetch.ts): the content listing with each file's stamp, then the stamps of the unpublished
 * generation's files. Anything that fails here is left for the main thread to find the usual way.
 */
const { contentDir, outDir } = workerInput<PrefetchData>();
const post = (message: PrefetchMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const listing = await listContentFiles(contentDir);
  // Size, modification time and inode of each file, three numbers per file (NaN: could not stat).
  const stamps = new Float64Array(listing.files.length * 3).fill(Number.NaN);
  listing.files.forEach((file, i) => {
    const st = statSync(file.absPath, { throwIfNoEntry: false });
    if (st) stamps.set([st.size, st.mtimeMs, st.ino], i * 3);
  });
  post({ kind: "listing", listing, stamps }, [stamps.buffer as ArrayBuffer]);
} catch {
  post({ kind: "listing" });
}
try {
  post({ kind: "generation", check: checkUnpublished(outputPaths(outDir)) });
} catch {
  post({ kind: "generation" });
}
