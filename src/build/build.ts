import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { isContentName } from "../model/load.ts";
import path from "node:path";
import type { Problem } from "../model/problems.ts";
import { acquireLock, assertReplaceable, describeFsError, OutputError, outputPaths, recoverInterruptedBuilds } from "./output.ts";
import { prepareSite, type PrepareOptions } from "./prepare.ts";
import { BuildCache, codeFingerprint } from "./cache.ts";
import { updateAndPublish } from "./generations.ts";
import { layoutEnvironment } from "./pages.ts";
import { SEARCH_INDEX_DIR, writeSearchIndex } from "./search-index.ts";
import { siteFiles } from "./site-files.ts";
import type { Bulletin } from "../model/bulletin.ts";
import { phase } from "./timing.ts";
import { PROJECT_ROOT } from "../project-root.ts";

export { PROJECT_ROOT };

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  quiet?: boolean;
  /** Cache folder kept between builds (safe to delete); none: every build starts from scratch. */
  cacheDir?: string;
  /** Files processed on the main thread before worker threads start (tests set 0 to use them on a small site). */
  workerThreshold?: number;
  /** Write the Pagefind search index (default true; tests that do not search skip it). */
  search?: boolean;
}

export type BuildResult =
  | { ok: true; problems: Problem[]; pagesWritten: number; rendered: number; published: number; seconds: number }
  | { ok: false; problems: Problem[]; fatal?: string };

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

function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Content files, counted cheaply (from the cache when it knows them, else by listing the folder). */
function expectedFiles(contentDir: string, cache: BuildCache | undefined): number {
  if (cache && cache.entryCount > 0) return cache.entryCount;
  try {
    return readdirSync(contentDir, { recursive: true }).filter((f) => isContentName(String(f))).length;
  } catch {
    return 0;
  }
}

/** The production build: validate everything, bring the unpublished generation up to date, publish it (generations.ts). */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  phase("arranque");
  const fingerprint = options.cacheDir ? codeFingerprint(PROJECT_ROOT, { site: options.site }) : "";
  const cache = options.cacheDir ? await BuildCache.open(path.resolve(options.cacheDir), fingerprint, options.workerThreshold) : undefined;
  const large = expectedFiles(options.contentDir, cache) > LARGE_SITE;
  // A cold cache (none, or made by other code): every file is parsed and rendered.
  if (large && (!cache || cache.entryCount === 0)) limitHeapGrowth();
  let prepared: Awaited<ReturnType<typeof prepareSite>>;
  try {
    prepared = await prepareSite({ ...options, ...(cache ? { cache } : {}) });
    phase("prepareSite");
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
  try {
    release = await acquireLock(paths.lock);
    const { swept } = await recoverInterruptedBuilds(paths);
    await assertReplaceable(paths);
    phase("lock, recover");
    // What every layout reads besides its own item: it changes every page when it changes.
    const context = { site, preview, boletines: { assets: data.assets, metaContentSecurityPolicy: data.metaContentSecurityPolicy } };
    const files = await siteFiles(data, layoutEnvironment(), context, {
      publicDir: options.publicDir,
      ...(cache ? { sourceKey: (b: Bulletin) => cache.sourceKeyOf(b) } : {}),
    });
    phase("site files, digests");
    // Digests assume this code, these layouts and settings; without a cache there is no fingerprint
    // to trust, so nothing of an earlier build is reused.
    const digestsValidFor = sha1(`${fingerprint || `sin-cache-${process.pid}-${Date.now()}`}\0${preview}\0${JSON.stringify(context.boletines)}`);
    const written = await updateAndPublish(paths, files, digestsValidFor, {
      // Every page is about to be rendered: on a large site, keep the heap near what is alive.
      onWholeSite: () => {
        if (large) limitHeapGrowth();
      },
      finish: async (dir) => {
        phase("pages written");
        await rm(path.join(dir, SEARCH_INDEX_DIR), { recursive: true, force: true });
        if (options.search !== false) await writeSearchIndex(dir);
        phase("search index");
      },
    });
    phase("published");
    await cache?.save();
    phase("cache save");
    await swept;
    return {
      ok: true,
      problems: prepared.problems,
      pagesWritten: files.length,
      rendered: written.rendered,
      published: prepared.publishedCount,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    const fsError = fsErrorIn(error);
    const message = error instanceof OutputError ? error.message : fsError ? describeFsError(fsError, paths.out).message : eleventyMessage(error);
    return { ok: false, problems: prepared.problems, fatal: message };
  } finally {
    await cache?.close();
    await release?.();
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
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

function eleventyMessage(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  while (e instanceof Error && parts.length < 5) {
    parts.push(e.message);
    e = (e as Error & { originalError?: unknown; cause?: unknown }).originalError ?? (e as Error & { cause?: unknown }).cause;
  }
  return `Falló la generación de páginas: ${parts.join(" ← ") || String(error)}`;
}
