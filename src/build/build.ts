import { rmSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/problems.ts";
import { acquireLock, assertOutputApart, assertReplaceable, describeFsError, OutputError, outputPaths, recoverInterruptedBuilds } from "./output.ts";
import { prepareSite, type PrepareOptions } from "./prepare.ts";
import { BuildCache, siteFingerprint } from "./cache.ts";
import { updateAndPublish } from "./generations.ts";
import { layoutEnvironment } from "./pages.ts";
import { SEARCH_INDEX_DIR, SEARCH_WORDS_DIR, searchPages, writeSearchIndex } from "./search-index.ts";
import { siteFiles } from "./site-files.ts";
import type { Bulletin } from "../model/bulletin.ts";
import { phase } from "./timing.ts";
import { sha1 } from "./digest.ts";
import { isLargeSite, limitHeapGrowth } from "./heap.ts";
import { listContentFiles } from "../model/load.ts";
import { limitInlining, optimizeSooner } from "./jit.ts";
import { prefetchFor, type Prefetch } from "./prefetch.ts";
import { PageWorkers } from "./page-workers.ts";

/** Pages to render above which worker threads render them (each thread first loads Nunjucks and the layouts). */
const PAGE_WORKER_THRESHOLD = 500;
import { PROJECT_ROOT } from "../project-root.ts";

export { PROJECT_ROOT };

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  quiet?: boolean;
  /** Cache folder kept between builds (safe to delete); none: every build starts from scratch. */
  cacheDir?: string;
  /**
   * Files processed on the main thread before worker threads start, for loading and for rendering
   * pages (tests set 0 to use them on a small site).
   */
  workerThreshold?: number;
  /** Write the Pagefind search index (default true; tests that do not search skip it). */
  search?: boolean;
  /** Pages to read for the search indexes from which threads read them (search-index.ts; tests set 0). */
  searchThreadsFrom?: number;
  /**
   * Ask the file system on a worker thread while the cache is read (prefetch.ts). Default: when the
   * cache's index is large enough for it to pay (tests set it to use it on a small site).
   */
  prefetch?: boolean;
  /**
   * The prefetch thread, started by the caller with these very options (`prefetchFor`) before it
   * loaded this module (cli/build.ts); the build closes it. Without it the build starts its own.
   */
  startedPrefetch?: Prefetch | undefined;
}

export type BuildResult =
  | {
      ok: true;
      problems: Problem[];
      pagesWritten: number;
      /** Files written anew; the rest of `pagesWritten` were the same bytes already in a generation (kept or linked). */
      rendered: number;
      published: number;
      seconds: number;
      /** The search indexes: pages indexed, indexes (one per year, or per part of a large year), and how many of them Pagefind made again (the others were reused). */
      search?: { pages: number; shards: number; rebuilt: number };
    }
  | { ok: false; problems: Problem[]; fatal?: string };

/** The production build: validate everything, bring the unpublished generation up to date, publish it (generations.ts). */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  try {
    assertOutputApart(options.outDir, { content: options.contentDir, public: options.publicDir, cache: options.cacheDir });
  } catch (error) {
    await options.startedPrefetch?.close();
    if (error instanceof OutputError) return { ok: false, problems: [], fatal: error.message };
    throw error;
  }
  const started = performance.now();
  limitInlining();
  phase("arranque");
  const prefetch = options.startedPrefetch ?? prefetchFor(options);
  // Before anything is looked at: file stamps taken from here on are not trusted by the next build if this close to it (cache.ts).
  const startedAt = prefetch?.startedAt ?? Date.now();
  try {
    return await buildWith(options, started, startedAt, prefetch);
  } finally {
    await prefetch?.close();
  }
}

async function buildWith(options: BuildOptions, started: number, startedAt: number, prefetch: Prefetch | undefined): Promise<BuildResult> {
  const fingerprint = options.cacheDir ? siteFingerprint(options.site) : "";
  const cache = options.cacheDir ? await BuildCache.open(path.resolve(options.cacheDir), fingerprint, options.workerThreshold, startedAt) : undefined;
  phase("índice de la caché leído");
  if (cache && prefetch) cache.usePrefetched(prefetch.parsed);
  // A cold cache (none, or made by other code): every file is parsed and rendered. content/ is listed
  // once, here, for its size (the settings below) and for loading; a warm cache knows its files.
  const cold = !cache || cache.entryCount === 0;
  const listing = prefetch?.listing ?? (cold ? listContentFiles(options.contentDir).catch(() => undefined) : undefined);
  const contentFiles = cold ? ((await listing)?.files.length ?? 0) : cache.entryCount;
  cache?.expectFiles(contentFiles);
  const large = isLargeSite(contentFiles);
  if (cold) {
    optimizeSooner(contentFiles);
    if (large) limitHeapGrowth();
  }
  let prepared: Awaited<ReturnType<typeof prepareSite>>;
  try {
    prepared = await prepareSite({ ...options, ...(cache ? { cache } : {}), ...(listing ? { listing } : {}), ...(prefetch ? { relatedElsewhere: prefetch.related } : {}) });
    phase("validación");
  } catch (error) {
    await cache?.close();
    throw error;
  }
  if (!prepared.ok) {
    await cache?.close();
    return { ok: false, problems: prepared.problems };
  }

  const paths = outputPaths(options.outDir);
  const { data, site, preview } = prepared.inputs;
  let release: (() => Promise<void>) | undefined;
  let pageWorkers: PageWorkers | undefined;
  try {
    release = await acquireLock(paths.lock);
    const { swept } = await recoverInterruptedBuilds(paths);
    await assertReplaceable(paths);
    phase("candado y recuperación");
    // What every layout reads besides its own item: it changes every page when it changes.
    const context = { site, preview, boletines: { assets: data.assets, metaContentSecurityPolicy: data.metaContentSecurityPolicy } };
    let searched: { pages: number; shards: number; rebuilt: number } | undefined;
    const compiledLayouts = cache?.compiledLayouts();
    const files = await siteFiles(data, layoutEnvironment(compiledLayouts), context, {
      publicDir: options.publicDir,
      ...(cache ? { sourceKey: (b: Bulletin) => cache.sourceKeyOf(b) } : {}),
    });
    phase("archivos y huellas");
    // Digests assume this code, these layouts and settings; without a cache there is no fingerprint
    // to trust, so nothing of an earlier build is reused.
    const digestsValidFor = sha1(`${fingerprint || `sin-cache-${process.pid}-${Date.now()}`}\0${preview}\0${JSON.stringify(context.boletines)}`);
    const written = await updateAndPublish(paths, files, digestsValidFor, {
      ...(prefetch ? { checked: prefetch.generation } : {}),
      // Threads start when many pages must be rendered (a cold build): fewer render faster here.
      pageWorkers: (count) => {
        if (count <= (options.workerThreshold ?? PAGE_WORKER_THRESHOLD)) return undefined;
        return (pageWorkers = new PageWorkers({ globals: { site, preview, boletines: context.boletines }, ...(compiledLayouts ? { layouts: Object.fromEntries(compiledLayouts) } : {}) }));
      },
      // Every page is about to be rendered: on a large site, keep the heap near what is alive.
      onWholeSite: () => {
        optimizeSooner(contentFiles);
        if (large) limitHeapGrowth();
      },
      finish: async (dir, earlier) => {
        // Every page is written: their threads' memory is given back before the search index is made.
        await pageWorkers?.close();
        phase("archivos escritos");
        if (options.search === false) {
          rmSync(path.join(dir, SEARCH_INDEX_DIR), { recursive: true, force: true });
          return undefined;
        }
        const search = await writeSearchIndex(dir, searchPages(data.posts, files, site.searchIndexPages), earlier, {
          lang: site.locale,
          validFor: digestsValidFor,
          ...(options.searchThreadsFrom !== undefined ? { threadsFrom: options.searchThreadsFrom } : {}),
          ...(cache ? { wordsDir: path.join(cache.dir, SEARCH_WORDS_DIR) } : {}),
        });
        searched = { pages: search.pages, shards: search.shards, rebuilt: search.rebuilt };
        phase("índice de búsqueda");
        return search.record;
      },
    });
    phase("publicado");
    await cache?.save();
    phase("caché guardada");
    await swept;
    return {
      ok: true,
      problems: prepared.problems,
      pagesWritten: files.length,
      rendered: written.rendered,
      published: prepared.publishedCount,
      seconds: (performance.now() - started) / 1000,
      ...(searched ? { search: searched } : {}),
    };
  } catch (error) {
    const fsError = fsErrorIn(error);
    const message = error instanceof OutputError ? error.message : fsError ? describeFsError(fsError, paths.out).message : renderFailureMessage(error);
    return { ok: false, problems: prepared.problems, fatal: message };
  } finally {
    await pageWorkers?.close();
    await cache?.close();
    await release?.();
  }
}

/** A full disk or a permission error, possibly wrapped by Eleventy (`originalError`) or as a `cause`. */
function fsErrorIn(error: unknown): unknown {
  let e: unknown = error;
  for (let depth = 0; e && depth < 8; depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && ["EACCES", "EPERM", "ENOSPC", "EROFS", "EDQUOT"].includes(code)) return e;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function renderFailureMessage(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  while (e instanceof Error && parts.length < 5) {
    parts.push(e.message);
    e = (e as Error & { originalError?: unknown; cause?: unknown }).originalError ?? (e as Error & { cause?: unknown }).cause;
  }
  return `Falló la generación de páginas: ${parts.join(" ← ") || String(error)}`;
}
