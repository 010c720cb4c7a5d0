import { constants, existsSync } from "node:fs";
import { access, mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * The output folder is replaced whole, never edited in place: a build writes into a sibling
 * work folder and swaps it in only when everything succeeded. A failed or killed build leaves
 * the previous site as it was.
 */
export interface OutputPaths {
  out: string;
  work: string;
  previous: string;
  lock: string;
}

export function outputPaths(outDir: string): OutputPaths {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const name = path.basename(out);
  return {
    out,
    work: path.join(parent, `.${name}.building-${process.pid}`),
    previous: path.join(parent, `.${name}.previous-${process.pid}`),
    lock: path.join(parent, `.${name}.lock`),
  };
}

export class OutputError extends Error {}

/** One build at a time per output folder. A lock left by a dead process is taken over. */
export async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw describeFsError(error, lockPath);
      const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (owner && isAlive(owner)) {
        throw new OutputError(`Otra compilación (proceso ${owner}) está escribiendo en la misma carpeta de salida. Espera a que termine.`);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new OutputError(`No se pudo tomar el candado ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove work folders left by killed builds; restore the site if a swap was interrupted. */
export async function recoverInterruptedBuilds(paths: OutputPaths): Promise<void> {
  const parent = path.dirname(paths.out);
  const name = path.basename(paths.out);
  const { readdir } = await import("node:fs/promises");
  let entries: string[] = [];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const previous = entries.filter((e) => e.startsWith(`.${name}.previous-`)).sort();
  if (!existsSync(paths.out) && previous.length > 0) {
    // Killed between the two renames of a swap: the last complete site is the previous one.
    await rename(path.join(parent, previous[previous.length - 1]!), paths.out);
  }
  for (const e of entries) {
    if (e.startsWith(`.${name}.building-`) || e.startsWith(`.${name}.previous-`)) {
      const full = path.join(parent, e);
      // Best effort: a leftover that cannot be removed (read-only files inside) must not stop every later build.
      if (full !== paths.out) await rm(full, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Swap the finished work folder in. Between the two renames the old site still exists on disk. */
export async function swapIn(paths: OutputPaths): Promise<void> {
  const hadOutput = existsSync(paths.out);
  if (hadOutput) {
    const s = await stat(paths.out);
    if (!s.isDirectory()) throw new OutputError(`${paths.out} existe y no es una carpeta.`);
    await rename(paths.out, paths.previous);
  }
  await rename(paths.work, paths.out);
  // The new site is live from here on: failing to delete the old copy is not a failed build.
  if (hadOutput) await rm(paths.previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Checked before rendering: the existing output folder must be a folder we may change. A
 * read-only `_site/` could be renamed away but not deleted, leaving a copy behind on every build.
 */
export async function assertReplaceable(paths: OutputPaths): Promise<void> {
  if (!existsSync(paths.out)) return;
  const s = await stat(paths.out);
  if (!s.isDirectory()) throw new OutputError(`${paths.out} existe y no es una carpeta.`);
  try {
    await access(paths.out, constants.W_OK);
  } catch (error) {
    throw describeFsError(error, paths.out);
  }
}

export function describeFsError(error: unknown, target: string): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "no hay permiso de escritura"
      : code === "ENOSPC" || code === "EDQUOT"
        ? "el disco está lleno"
        : code === "EROFS"
          ? "el sistema de archivos es de solo lectura"
          : (error as Error).message;
  return new OutputError(`No se puede escribir en ${target}: ${reason}.`);
}
