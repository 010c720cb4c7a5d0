import { setFlagsFromString } from "node:v8";

/**
 * V8 lets the heap of a long build grow to four times what is alive before collecting it: a cold build
 * of 50,000 bulletins peaked at 2.9 GiB with under 0.9 GiB alive. Growing by at most this percentage
 * keeps the peak under 2 GiB there (docs/benchmarks.md), at the cost of more frequent collections. So
 * it is set only for large sites (above `LARGE_SITE` content files, where the default would pass 2 GiB)
 * and only for the work that allocates the most: loading with a cold cache, and rendering every page.
 * A rebuild keeps V8's default. It tunes the collector; it raises no limit.
 */
const HEAP_GROWING_PERCENT = 75;
const LARGE_SITE = 20_000;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Whether a site of `files` content files is large enough for `limitHeapGrowth`. */
export function isLargeSite(files: number): boolean {
  return files > LARGE_SITE;
}
