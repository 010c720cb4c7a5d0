import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { provideEleventyHandoff } from "../eleventy/inputs.ts";
import { ELEVENTY_DIRS } from "../eleventy/configure.ts";
import type { Problem } from "../model/problems.ts";
import { acquireLock, assertReplaceable, describeFsError, OutputError, outputPaths, recoverInterruptedBuilds, swapIn } from "./output.ts";
import { prepareSite, type PrepareOptions } from "./prepare.ts";
import { BuildCache, codeFingerprint } from "./cache.ts";
import { bulkPages, layoutEnvironment, readManifest, withoutBulkPages, writeBulkPages, writeManifest } from "./pages.ts";
import { writeSearchIndex } from "./search-index.ts";
import { phase } from "./timing.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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
  | { ok: true; problems: Problem[]; pagesWritten: number; published: number; seconds: number }
  | { ok: false; problems: Problem[]; fatal?: string };

/** The production build: validate everything, render into a work folder, swap it in. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  phase("arranque");
  const fingerprint = options.cacheDir ? codeFingerprint(PROJECT_ROOT, { site: options.site }) : "";
  const cache = options.cacheDir ? await BuildCache.open(path.resolve(options.cacheDir), fingerprint, options.workerThreshold) : undefined;
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
    await rm(paths.work, { recursive: true, force: true });
    phase("lock, recover");
    const pages = bulkPages(data, cache ? (b) => cache.contentHashOf(b) : undefined);
    // Eleventy renders the home, indexes, 404, feeds and files, and copies public/; the bulk pages
    // are rendered below through the same layouts with the same Nunjucks settings (see pages.ts).
    phase("bulkPages digests");
    const globalData = withoutBulkPages(data);
    provideEleventyHandoff({ inputs: { ...prepared.inputs, data: globalData }, publicDir: options.publicDir, watch: [] });
    const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), paths.work, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
    });
    // Our CLI prints its own summary and formats Eleventy's errors itself.
    eleventy.disableLogger();
    const results = (await eleventy.write()) as [unknown, unknown[]];
    phase("eleventy");
    const eleventyPages = Array.isArray(results?.[1]) ? results[1].length : 0;

    // Pages unchanged since the previous build are hard-linked from it (see pages.ts).
    const manifestFile = options.cacheDir ? path.join(path.resolve(options.cacheDir), `pages-${sha1(paths.out)}.json`) : undefined;
    // What bulk layouts read besides their own item (see pages.ts): it changes every page when it changes.
    const layoutGlobals = { assets: data.assets, metaContentSecurityPolicy: data.metaContentSecurityPolicy };
    const pageFingerprint = sha1(`${fingerprint}\0${preview}\0${JSON.stringify(layoutGlobals)}`);
    const manifest = manifestFile && cache ? readManifest(manifestFile) : undefined;
    const previous =
      manifest && manifest.fingerprint === pageFingerprint && existsSync(paths.out) && statSync(paths.out).ino === manifest.outIno ? { dir: paths.out, files: manifest.files } : undefined;
    const written = writeBulkPages(pages, layoutEnvironment(), { site, preview, boletines: layoutGlobals }, paths.work, previous);
    phase("writeBulkPages");
    if (options.search !== false) await writeSearchIndex(paths.work);
    phase("search index");
    await swapIn(paths);
    if (manifestFile && cache) writeManifest(manifestFile, { fingerprint: pageFingerprint, outIno: statSync(paths.out).ino, files: written.manifest });
    phase("swap");
    await cache?.save();
    phase("cache save");
    await swept;
    phase("swept");
    return {
      ok: true,
      problems: prepared.problems,
      pagesWritten: eleventyPages + pages.length,
      published: prepared.publishedCount,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await rm(paths.work, { recursive: true, force: true }).catch(() => undefined);
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
