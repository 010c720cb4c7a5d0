import path from "node:path";

/**
 * The names of the build cache's index files (cache.ts), apart from the cache itself: the prefetch
 * thread is started from them before the build's modules are loaded (prefetch.ts, cli/build.ts).
 */
export const CACHE_INDEX_FILE = "index.json";

/** Changes since the index file was written, one JSON line per build (see `BuildCache.save`). */
export const CHANGES_FILE = "index-changes.jsonl";

/** The files whose modification time tells when a cache in `dir` was last saved (prefetch.ts). */
export function cacheIndexFiles(dir: string): string[] {
  return [path.join(dir, CACHE_INDEX_FILE), path.join(dir, CHANGES_FILE)];
}
