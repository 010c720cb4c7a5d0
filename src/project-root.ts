import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Where the project is, for code that may run from two places: the TypeScript sources under `src/`
 * (through tsx), or the JavaScript copy `bin/boletines.js` compiles into `.cache/js/<key>/`, which
 * mirrors the project's entry points (`.cache/js/<key>/src/...`). Anything read from the project (layouts,
 * public/, the caches) is found from PROJECT_ROOT; only the code itself is under CODE_ROOT.
 */

/** The package this code belongs to (a folder with another package.json on the way up is not the project). */
const PACKAGE_NAME = "boletines";

/** The nearest folder, from `start` up, holding this project's package.json. */
export function findProjectRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && packageName(manifest) === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No se encontró el package.json de ${PACKAGE_NAME} en ${start} ni en sus carpetas superiores.`);
  }
}

function packageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** The project folder: package.json, layouts/, public/, .cache/. */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

/** True when running the compiled JavaScript copy (no TypeScript loader registered), false when running the `.ts` sources. */
export const RUNS_COMPILED = !import.meta.url.endsWith(".ts");

/**
 * The tree the running code is in: PROJECT_ROOT itself, or the compiled copy that mirrors its entry
 * points (`.cache/js/<key>/`: `.eleventy.js`, `src/cli/index.js`, `src/pages/*.11ty.js`, the worker
 * modules, and the bundled modules they share). Found as the nearest folder up holding the Eleventy
 * configuration of the running code: in the copy this module is bundled into whichever file uses it.
 */
export const CODE_ROOT = findCodeRoot(import.meta.dirname, RUNS_COMPILED ? ".eleventy.js" : ".eleventy.ts");

function findCodeRoot(start: string, marker: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No se encontró ${marker} en ${start} ni en sus carpetas superiores.`);
  }
}
