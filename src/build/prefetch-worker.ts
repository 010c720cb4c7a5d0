import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { listContentFiles, type ContentFile } from "../model/load.ts";
import { transferOf } from "./file-workers.ts";
import { checkUnpublished } from "./generations.ts";
import { outputPaths } from "./output.ts";
import type { PrefetchData, PrefetchedFile, PrefetchMessage, PrefetchRequest } from "./prefetch.ts";
import { findRelated, packRelated, unpackSubjects } from "../render/related.ts";
import { workerInput } from "./threads.ts";

/**
 * The file-system checks of a rebuild, on a second core while the main thread reads the build cache
 * (prefetch.ts): the content listing with each file's stamp, the files edited since the cache was
 * saved, parsed, then the stamps of the unpublished generation's files; later, when asked, the related
 * bulletins of every post. Anything that fails here is left for the main thread to do the usual way.
 */
const { contentDir, outDir, parse } = workerInput<PrefetchData>();
/** More edited files than this are left to the main thread (and its file workers): a pull, not an edit. */
const MAX_PREFETCH_PARSE = 64;
const post = (message: PrefetchMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

let edited: Array<{ file: ContentFile; stamp: [number, number, number] }> = [];
try {
  const listing = await listContentFiles(contentDir);
  // Size, modification time and inode of each file, three numbers per file (NaN: could not stat).
  const stamps = new Float64Array(listing.files.length * 3).fill(Number.NaN);
  const savedAt = parse ? lastSaved(parse.savedFiles) : undefined;
  listing.files.forEach((file, i) => {
    const st = statSync(file.absPath, { throwIfNoEntry: false });
    if (!st) return;
    const stamp: [number, number, number] = [st.size, st.mtimeMs, st.ino];
    stamps.set(stamp, i * 3);
    if (savedAt !== undefined && st.mtimeMs >= savedAt) edited.push({ file, stamp });
  });
  post({ kind: "listing", listing, stamps }, [stamps.buffer as ArrayBuffer]);
} catch {
  edited = [];
  post({ kind: "listing" });
}
try {
  if (!parse || edited.length === 0 || edited.length > MAX_PREFETCH_PARSE) post({ kind: "parsed" });
  else {
    // Loaded only now: the listing above is not delayed by the YAML and markdown libraries.
    const [{ parseForCache }, { makeImageExists }] = await Promise.all([import("./parse-file.ts"), import("../model/corpus.ts")]);
    const imageExists = makeImageExists(parse.publicDir);
    const files: Array<[string, PrefetchedFile]> = [];
    for (const { file, stamp } of edited) files.push([file.relPath, { stamp, parsed: await parseForCache(file, parse.site, imageExists) }]);
    post({ kind: "parsed", files }, files.flatMap(([, f]) => transferOf(f.parsed)));
  }
} catch {
  post({ kind: "parsed" });
}
try {
  post({ kind: "generation", check: checkUnpublished(outputPaths(outDir)) });
} catch {
  post({ kind: "generation" });
}
parentPort!.on("message", (request: PrefetchRequest) => {
  try {
    const related = packRelated(findRelated(unpackSubjects(request.subjects)));
    post({ kind: "related", related }, [related.start.buffer as ArrayBuffer, related.flat.buffer as ArrayBuffer]);
  } catch {
    post({ kind: "related" });
  }
});

/** When the cache was last saved: the newest modification time of its index files (undefined: no cache). */
function lastSaved(files: string[]): number | undefined {
  let newest: number | undefined;
  for (const f of files) {
    const mtime = statSync(f, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime !== undefined && (newest === undefined || mtime > newest)) newest = mtime;
  }
  return newest;
}
