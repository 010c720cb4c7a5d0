import { statSync } from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { CACHE_INDEX_FILE, cacheIndexFiles } from "./cache-files.ts";
import type { Listing } from "../model/load.ts";
import type { SiteConfig } from "../site.ts";
import type { FileJobResult } from "./file-workers.ts";
import type { GenerationCheck } from "./generations.ts";
import { startWorker } from "./threads.ts";
import { packSubjects, unpackRelated, type PackedRelated, type PackedSubjects, type RelatedSubject } from "../render/related.ts";

/**
 * A rebuild of a large site spends a quarter of a second or more on the main thread only asking the
 * file system: listing content/ and stat-ing every file (for the cache's stamps), and checking that
 * every file of the unpublished generation is as its manifest says. None of it needs the cache, so a
 * worker thread does it on the other core while the main thread reads the cache's index
 * (prefetch-worker.ts). What it finds is used as the main thread would have found it; when it cannot
 * tell (an error, a generation changed since), the main thread does that part itself.
 *
 * It also parses the files edited since the cache was last saved (modified after it), as a file
 * worker would: the main thread then neither loads the YAML and markdown libraries nor parses
 * them while it has the index to read. The cache uses such a parse only for a file whose stamp is
 * still the one the thread read (cache.ts); any other changed file is parsed the usual way.
 *
 * Once idle it finds the related bulletins of every post when asked (`related`): the site data of a
 * rebuild is made on the main thread meanwhile, and the second core had nothing else to do then.
 */
export interface PrefetchData {
  contentDir: string;
  outDir: string;
  /** What is needed to parse edited files; absent: none is parsed. */
  parse?: {
    site: SiteConfig;
    publicDir: string;
    /** The cache's index and changes files: files modified after the newest of them are parsed. */
    savedFiles: string[];
  };
}

/** A file parsed by the prefetch thread, with the stamp (size, mtime, inode) it had when listed. */
export interface PrefetchedFile {
  stamp: [number, number, number];
  parsed: FileJobResult;
}

export type PrefetchMessage =
  | { kind: "listing"; listing?: Listing; stamps?: Float64Array }
  | { kind: "parsed"; files?: Array<[relPath: string, file: PrefetchedFile]> }
  | { kind: "generation"; check?: GenerationCheck | undefined }
  | { kind: "related"; related?: PackedRelated };

/** What the main thread asks the prefetch thread once it is idle. */
export interface PrefetchRequest {
  subjects: PackedSubjects;
}

export interface Prefetch {
  /** `Date.now()` before the thread started: what the build takes as its start (`BuildCache.open`'s `startedAt`). */
  startedAt: number;
  /** content/ listed, each file with its stamp; undefined: list it on this thread. */
  listing: Promise<Listing | undefined>;
  /** Files edited since the cache was saved, parsed, by content path (relPath); undefined: none. */
  parsed: Promise<Map<string, PrefetchedFile> | undefined>;
  /** The unpublished generation's files checked against its manifest; undefined: check them on this thread. */
  generation: Promise<GenerationCheck | undefined>;
  /** What `findRelated(subjects)` returns, found on the thread; undefined: find them on this thread. One request at a time. */
  related(subjects: readonly RelatedSubject[]): Promise<number[][] | undefined>;
  close(): Promise<void>;
}

/** Index files smaller than this (about 1,000 bulletins) are not worth a thread: it takes longer to start than the work it saves. */
const MIN_INDEX_BYTES = 2 * 1024 * 1024;

/** Whether the cache in `cacheDir` knows enough files for a prefetch to pay. */
export function worthPrefetching(cacheDir: string): boolean {
  return (statSync(path.join(cacheDir, CACHE_INDEX_FILE), { throwIfNoEntry: false })?.size ?? 0) >= MIN_INDEX_BYTES;
}

/** The folders and settings of a build its prefetch thread needs (build.ts `BuildOptions` has them). */
export interface PrefetchFor {
  contentDir: string;
  outDir: string;
  publicDir: string;
  site: SiteConfig;
  cacheDir?: string | undefined;
  /** Start it whatever the size of the cache (tests); default: when it pays (`worthPrefetching`). */
  prefetch?: boolean | undefined;
}

/**
 * Starts the prefetch thread of a build with these folders and settings, when there is a cache and it
 * pays; undefined otherwise. The caller closes it (`close`), whatever happens to the build.
 */
export function prefetchFor(options: PrefetchFor): Prefetch | undefined {
  const startedAt = Date.now();
  const { cacheDir } = options;
  if (!cacheDir || !(options.prefetch ?? worthPrefetching(cacheDir))) return undefined;
  return startPrefetch({ contentDir: options.contentDir, outDir: options.outDir, parse: { site: options.site, publicDir: options.publicDir, savedFiles: cacheIndexFiles(path.resolve(cacheDir)) } }, startedAt);
}

export function startPrefetch(data: PrefetchData, startedAt = Date.now()): Prefetch {
  let worker: Worker | undefined;
  let resolveListing!: (l: Listing | undefined) => void;
  let resolveParsed!: (p: Map<string, PrefetchedFile> | undefined) => void;
  let resolveGeneration!: (g: GenerationCheck | undefined) => void;
  const listing = new Promise<Listing | undefined>((r) => (resolveListing = r));
  const parsed = new Promise<Map<string, PrefetchedFile> | undefined>((r) => (resolveParsed = r));
  const generation = new Promise<GenerationCheck | undefined>((r) => (resolveGeneration = r));
  let resolveRelated: ((r: number[][] | undefined) => void) | undefined;
  let gone = false;
  const giveUp = () => {
    gone = true;
    resolveListing(undefined);
    resolveParsed(undefined);
    resolveGeneration(undefined);
    resolveRelated?.(undefined);
  };
  try {
    worker = startWorker("prefetch-worker", data satisfies PrefetchData);
  } catch {
    giveUp();
    return { startedAt, listing, parsed, generation, related: async () => undefined, close: async () => undefined };
  }
  worker.on("message", (message: PrefetchMessage) => {
    if (message.kind === "listing") resolveListing(message.listing && message.stamps ? withStamps(message.listing, message.stamps) : undefined);
    else if (message.kind === "parsed") resolveParsed(message.files ? new Map(message.files) : undefined);
    else if (message.kind === "generation") resolveGeneration(message.check);
    else {
      const resolve = resolveRelated;
      resolveRelated = undefined;
      resolve?.(message.related ? unpackRelated(message.related) : undefined);
    }
  });
  worker.on("error", giveUp);
  worker.on("exit", giveUp);
  return {
    startedAt,
    listing,
    parsed,
    generation,
    related: (subjects) => {
      if (gone || resolveRelated) return Promise.resolve(undefined);
      const packed = packSubjects(subjects);
      const request: PrefetchRequest = { subjects: packed };
      const reply = new Promise<number[][] | undefined>((r) => (resolveRelated = r));
      worker.postMessage(request, [packed.tagStart.buffer as ArrayBuffer, packed.tags.buffer as ArrayBuffer, packed.sections.buffer as ArrayBuffer, packed.epochMs.buffer as ArrayBuffer]);
      return reply;
    },
    close: async () => {
      giveUp();
      await worker.terminate();
    },
  };
}

function withStamps(listing: Listing, stamps: Float64Array): Listing {
  listing.files.forEach((file, i) => {
    const size = stamps[i * 3]!;
    if (!Number.isNaN(size)) file.stamp = [size, stamps[i * 3 + 1]!, stamps[i * 3 + 2]!];
  });
  return listing;
}
