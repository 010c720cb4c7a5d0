import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { provideEleventyInputs } from "../eleventy/inputs.ts";
import { ELEVENTY_DIRS } from "../eleventy/configure.ts";
import type { Problem } from "../model/problems.ts";
import { acquireLock, describeFsError, OutputError, outputPaths, recoverInterruptedBuilds, swapIn } from "./output.ts";
import { prepareSite, type PrepareOptions } from "./prepare.ts";
import { BuildCache, codeFingerprint } from "./cache.ts";
import { bulkPages, layoutEnvironment, readManifest, withoutBulkPages, writeBulkPages, writeManifest } from "./pages.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  quiet?: boolean;
  /** Cache folder kept between builds (safe to delete); none: every build starts from scratch. */
  cacheDir?: string;
  /** Files processed on the main thread before worker threads start (tests set 0 to use them on a small site). */
  workerThreshold?: number;
}

export type BuildResult =
  | { ok: true; problems: Problem[]; pagesWritten: number; published: number; seconds: number }
  | { ok: false; problems: Problem[]; fatal?: string };

/** The production build: validate everything, render into a work folder, swap it in. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const fingerprint = options.cacheDir ? codeFingerprint(PROJECT_ROOT, { site: options.site }) : "";
  const cache = options.cacheDir ? await BuildCache.open(path.resolve(options.cacheDir), fingerprint, options.workerThreshold) : undefined;
  let prepared: Awaited<ReturnType<typeof prepareSite>>;
  try {
    prepared = await prepareSite({ ...options, ...(cache ? { cache } : {}) });
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
    await rm(paths.work, { recursive: true, force: true });
    const pages = bulkPages(data, cache ? (b) => cache.contentHashOf(b) : undefined);
    // Eleventy renders the home, indexes, 404, feeds and files, and copies public/; the bulk pages
    // are rendered below through the same layouts with the same Nunjucks settings (see pages.ts).
    provideEleventyInputs({ ...prepared.inputs, data: withoutBulkPages(data) });
    const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), paths.work, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
    });
    const results = (await eleventy.write()) as [unknown, unknown[]];
    const eleventyPages = Array.isArray(results?.[1]) ? results[1].length : 0;

    // Pages unchanged since the previous build are hard-linked from it (see pages.ts).
    const manifestFile = options.cacheDir ? path.join(path.resolve(options.cacheDir), `pages-${sha1(paths.out)}.json`) : undefined;
    const pageFingerprint = sha1(`${fingerprint}\0${preview}`);
    const manifest = manifestFile && cache ? readManifest(manifestFile) : undefined;
    const previous =
      manifest && manifest.fingerprint === pageFingerprint && existsSync(paths.out) && statSync(paths.out).ino === manifest.outIno ? { dir: paths.out, files: manifest.files } : undefined;
    const written = writeBulkPages(pages, layoutEnvironment(), { site, preview }, paths.work, previous);
    await swapIn(paths);
    if (manifestFile && cache) writeManifest(manifestFile, { fingerprint: pageFingerprint, outIno: statSync(paths.out).ino, files: written.manifest });
    await cache?.save();
    await swept;
    return {
      ok: true,
      problems: prepared.problems,
      pagesWritten: eleventyPages + pages.length,
      published: prepared.publishedCount,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await rm(paths.work, { recursive: true, force: true }).catch(() => undefined);
    const message = error instanceof OutputError ? error.message : isFsError(error) ? describeFsError(error, paths.out).message : eleventyMessage(error);
    return { ok: false, problems: prepared.problems, fatal: message };
  } finally {
    await cache?.close();
    await release?.();
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function isFsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === "string" && ["EACCES", "EPERM", "ENOSPC", "EROFS"].includes(code);
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
