import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { provideEleventyHandoff } from "../eleventy/inputs.ts";
import { ELEVENTY_DIRS } from "../eleventy/configure.ts";
import type { Problem } from "../model/problems.ts";
import { acquireLock, assertReplaceable, describeFsError, OutputError, outputPaths, recoverInterruptedBuilds, swapIn } from "./output.ts";
import { prepareSite, type PrepareOptions } from "./prepare.ts";
import { writeSearchIndex } from "./search-index.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  quiet?: boolean;
  /** Write the Pagefind search index (default true; tests that do not search skip it). */
  search?: boolean;
}

export type BuildResult =
  | { ok: true; problems: Problem[]; pagesWritten: number; published: number; seconds: number }
  | { ok: false; problems: Problem[]; fatal?: string };

/** The production build: validate everything, render into a work folder, swap it in. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const prepared = await prepareSite(options);
  if (!prepared.ok) return { ok: false, problems: prepared.problems };

  const paths = outputPaths(options.outDir);
  let release: (() => Promise<void>) | undefined;
  try {
    release = await acquireLock(paths.lock);
    await recoverInterruptedBuilds(paths);
    await assertReplaceable(paths);
    await rm(paths.work, { recursive: true, force: true });
    provideEleventyHandoff({ inputs: prepared.inputs, publicDir: options.publicDir, watch: [] });
    const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), paths.work, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
    });
    // Our CLI prints its own summary and formats Eleventy's errors itself.
    eleventy.disableLogger();
    const results = (await eleventy.write()) as [unknown, unknown[]];
    const pagesWritten = Array.isArray(results?.[1]) ? results[1].length : 0;
    if (options.search !== false) await writeSearchIndex(paths.work);
    await swapIn(paths);
    return { ok: true, problems: prepared.problems, pagesWritten, published: prepared.publishedCount, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await rm(paths.work, { recursive: true, force: true }).catch(() => undefined);
    const fsError = fsErrorIn(error);
    const message = error instanceof OutputError ? error.message : fsError ? describeFsError(fsError, paths.out).message : eleventyMessage(error);
    return { ok: false, problems: prepared.problems, fatal: message };
  } finally {
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

function eleventyMessage(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  while (e instanceof Error && parts.length < 5) {
    parts.push(e.message);
    e = (e as Error & { originalError?: unknown; cause?: unknown }).originalError ?? (e as Error & { cause?: unknown }).cause;
  }
  return `Falló la generación de páginas: ${parts.join(" ← ") || String(error)}`;
}
