#!/usr/bin/env node
// Entry point of the `boletines` command. The sources are TypeScript; run through tsx's module hooks,
// loading them takes about twice as long as loading the same code as JavaScript, and loading ~80
// modules one by one costs as much again as loading them as a few files. So this runs a JavaScript
// copy of src/ bundled by esbuild into .cache/js/<key>/, where <key> is a hash of the sources: one file
// per entry point (the CLI, each worker thread's module, the Eleventy configuration and page
// definitions) and the modules they share in chunks/, made once per version of the sources and never
// changed afterwards. Without esbuild, when bundling fails, or with BOLETINES_NO_COMPILE=1, the sources
// run through tsx as they are. BOLETINES_DEBUG=1 tells which on stderr. .cache/ is safe to delete.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COMPILED_DIR = path.join(ROOT, ".cache", "js");
/** What the compiled copy is made from: everything under these folders, and these files. */
const SOURCE_DIRS = ["src"];
const SOURCE_FILES = [".eleventy.ts", "tsconfig.json", "bin/boletines.js"];
/** Copies other than the newest few are deleted once unused for this long (a long `serve` may still be using one). */
const KEEP_RECENT = 3;
const KEEP_UNUSED_MS = 60 * 60 * 1000;
const debugging = Boolean(process.env.BOLETINES_DEBUG);

function debug(message) {
  if (debugging) process.stderr.write(`boletines: ${message}\n`);
}

try {
  const { main } = await loadCli();
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Content and usage errors are reported by the commands; this is the net for a bug of ours.
  process.stderr.write(`Error inesperado de boletines: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.BOLETINES_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  else process.stderr.write("Vuelve a ejecutarlo con BOLETINES_DEBUG=1 para ver el detalle y repórtalo al equipo.\n");
  process.exitCode = 70;
}

async function loadCli() {
  const compiled = process.env.BOLETINES_NO_COMPILE ? undefined : await compiledCopy();
  if (compiled) return import(pathToFileURL(path.join(compiled, "src", "cli", "index.js")).href);
  debug(process.env.BOLETINES_NO_COMPILE ? "BOLETINES_NO_COMPILE: se ejecuta src/ con tsx" : "se ejecuta src/ con tsx");
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/index.ts");
}

/** The folder of the compiled copy of the current sources, compiled now if missing; undefined if there is none. */
async function compiledCopy() {
  try {
    const key = sourceKey();
    const dir = path.join(COMPILED_DIR, key);
    if (existsSync(path.join(dir, "src", "cli", "index.js"))) {
      markUsed(dir);
      debug(`código compilado: ${path.relative(ROOT, dir)}`);
      return dir;
    }
    // These very sources failed to compile before (a syntax error being fixed): do not retry on every run.
    if (existsSync(`${dir}.failed`)) {
      debug(`la compilación de estas fuentes ya falló (${path.relative(ROOT, dir)}.failed)`);
      return undefined;
    }
    return await compile(key, dir);
  } catch (error) {
    debug(`no se pudo usar código compilado: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** A hash of the bytes and paths of every file the compiled copy is made from (a few milliseconds). */
function sourceKey() {
  const hash = createHash("sha256");
  const add = (rel) => {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(ROOT, rel)));
    hash.update("\0");
  };
  const walk = (rel) => {
    const entries = readdirSync(path.join(ROOT, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) add(child);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  for (const file of SOURCE_FILES) add(file);
  return hash.digest("hex").slice(0, 20);
}

/**
 * Bundles the sources into a private folder and renames it to `dir`: a rename is atomic, so another
 * process sees either no copy or a whole one. When two compile at once, the first rename wins.
 */
async function compile(key, dir) {
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    debug("esbuild no está instalado");
    return undefined;
  }
  mkdirSync(COMPILED_DIR, { recursive: true });
  // Not mkdtemp: its folders are private to this user, and the copy is shared like the rest of the project.
  const work = path.join(COMPILED_DIR, `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(work);
  try {
    const started = performance.now();
    const result = await esbuild
      .build({
        absWorkingDir: ROOT,
        entryPoints: entryPoints(),
        outbase: ROOT,
        outdir: work,
        // `src/cli/index.ts` → `src/cli/index.js`; what several entry points share, once, in chunks/.
        entryNames: "[dir]/[name]",
        chunkNames: "chunks/[name]-[hash]",
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        // Packages load from node_modules as they are (some find their own files, or binaries, from where they are).
        packages: "external",
        tsconfig: path.join(ROOT, "tsconfig.json"),
        logLevel: "silent",
      })
      .catch((error) => ({ failed: error }));
    if (result.failed) {
      const errors = result.failed.errors ?? [];
      const output = errors.length ? errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ""}${e.text}`).join("\n") : String(result.failed);
      // Errors in the sources: noted so the next runs do not try again.
      if (errors.length) writeFileSync(`${dir}.failed`, `${output}\n`);
      debug(`esbuild falló:\n${output}`);
      return undefined;
    }
    // Sources edited while esbuild read them: the copy may match neither version.
    if (sourceKey() !== key) {
      debug("src/ cambió durante la compilación");
      return undefined;
    }
    try {
      renameSync(work, dir);
    } catch (error) {
      if (!existsSync(dir)) throw error;
    }
    debug(`src/ compilado en ${path.relative(ROOT, dir)} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
    prune(path.basename(dir));
    return dir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What the copy must have as files of their own: the CLI, the modules worker threads start
 * (src/build/*-worker.ts), and what Eleventy loads by path (its configuration and the page definitions).
 */
function entryPoints() {
  const inDir = (rel, test) => readdirSync(path.join(ROOT, rel)).filter(test).sort().map((name) => `${rel}/${name}`);
  return ["src/cli/index.ts", ".eleventy.ts", ...inDir("src/build", (n) => n.endsWith("-worker.ts")), ...inDir("src/pages", (n) => n.endsWith(".11ty.ts"))];
}

/** esbuild's API, when the package is installed (tsx depends on it); loaded only when a copy is made. */
async function loadEsbuild() {
  try {
    return await import(pathToFileURL(createRequire(path.join(ROOT, "package.json")).resolve("esbuild")).href);
  } catch {
    return undefined;
  }
}

/** The modification time of a copy says when it was last used (see prune). */
function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // A read-only installation: nothing is pruned there either.
  }
}

/** Deletes copies of older sources, failure notes and abandoned work folders, except those used recently. */
function prune(current) {
  const now = Date.now();
  const entries = [];
  for (const name of readdirSync(COMPILED_DIR)) {
    if (name === current) continue;
    try {
      entries.push({ name, used: statSync(path.join(COMPILED_DIR, name)).mtimeMs });
    } catch {
      // Deleted meanwhile by another process.
    }
  }
  const copies = entries.filter((e) => !e.name.startsWith(".") && !e.name.endsWith(".failed")).sort((a, b) => b.used - a.used);
  const recent = new Set(copies.slice(0, KEEP_RECENT - 1).map((e) => e.name));
  for (const { name, used } of entries) {
    if (recent.has(name) || now - used < KEEP_UNUSED_MS) continue;
    rmSync(path.join(COMPILED_DIR, name), { recursive: true, force: true });
  }
}
