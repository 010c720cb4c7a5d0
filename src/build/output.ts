import { constants, existsSync, lstatSync, readdirSync } from "node:fs";
import { access, link, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Around the output folder: one build at a time (a lock beside it), clean-up of what killed builds
 * left, and clear errors when it cannot be written. The site itself is published by switching a link
 * between two generations (generations.ts): a failed or killed build leaves the published site as it was.
 * `work` and `previous` name the folders of the older swap-based builds, still recovered and swept.
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

/**
 * One build at a time per output folder. A lock left by a dead process is taken over.
 *
 * The lock appears with its owner already written: the process id goes to a file of its own, which is
 * then hard-linked as the lock (atomic, and refused if the lock exists). Opening the lock with `wx` and
 * writing the id afterwards let a second build read an empty lock in between, take it for a dead
 * one's, delete it and take it too: two builds wrote one generation at once.
 */
export async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lockPath), { recursive: true });
  const mine = `${lockPath}.${process.pid}`;
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await placeLock(mine, lockPath);
        await sweepLockFiles(lockPath);
        return async () => {
          await unlink(lockPath).catch(() => undefined);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw describeFsError(error, lockPath);
        const owner = await lockOwner(lockPath);
        if (owner && isAlive(owner)) throw busy(owner);
        await takeOver(mine, lockPath, owner);
      }
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
  throw new OutputError(`No se pudo tomar el candado ${lockPath}.`);
}

function busy(owner: number): OutputError {
  return new OutputError(`Otra compilación (proceso ${owner}) está escribiendo en la misma carpeta de salida. Espera a que termine.`);
}

/** The process id a lock file names (0 when unreadable or empty). */
async function lockOwner(file: string): Promise<number> {
  return Number((await readFile(file, "utf8").catch(() => "")).trim()) || 0;
}

/**
 * Removes the lock of a dead process so the caller can try again. Only one contender at a time may
 * do it (a second lock, `<lock>.breaking`): two that both saw the dead owner would otherwise each
 * delete the lock the other had just taken. Under it, the lock is removed only if it still names
 * the dead owner.
 */
async function takeOver(mine: string, lockPath: string, deadOwner: number): Promise<void> {
  const breaker = `${lockPath}.breaking`;
  try {
    await placeLock(mine, breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw describeFsError(error, breaker);
    const other = await lockOwner(breaker);
    if (other && isAlive(other)) throw busy(other);
    // Left by a process killed while taking over: removed, and the caller tries again.
    await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    if ((await lockOwner(lockPath)) === deadOwner) await unlink(lockPath).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

/** The lock made from the file holding this process's id; where hard links are not supported, created with `wx` and written. */
async function placeLock(mine: string, lockPath: string): Promise<void> {
  try {
    await link(mine, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
    const handle = await open(lockPath, "wx");
    await handle.writeFile(String(process.pid));
    await handle.close();
  }
}

/** Files holding the id of a process killed while it took the lock (`<lock>.<pid>`): removed by the next one. */
async function sweepLockFiles(lockPath: string): Promise<void> {
  const base = `${path.basename(lockPath)}.`;
  const names = await readdir(path.dirname(lockPath)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(base) || !/^\d+$/.test(name.slice(base.length))) continue;
    const pid = Number(name.slice(base.length));
    if (pid !== process.pid && !isAlive(pid)) await unlink(path.join(path.dirname(lockPath), name)).catch(() => undefined);
  }
}

/** Whether a path exists, itself (a link to a missing folder exists). */
function lexists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Restore the site if a swap was interrupted, then set aside what earlier builds left (work folders
 * of killed builds, the previous site of the last build) under unique trash names and delete them
 * in the background: the returned promise settles when they are gone. The build awaits it before
 * finishing, so the deletion overlaps with its own work instead of adding to it.
 */
export async function recoverInterruptedBuilds(paths: OutputPaths): Promise<{ swept: Promise<void> }> {
  const parent = path.dirname(paths.out);
  const name = path.basename(paths.out);
  let entries: string[] = [];
  try {
    entries = await readdir(parent);
  } catch {
    return { swept: Promise.resolve() };
  }
  const previous = entries.filter((e) => e.startsWith(`.${name}.previous-`)).sort();
  const links = entries.filter((e) => e.startsWith(`.${name}.link-`)).sort();
  if (!lexists(paths.out) && links.length > 0) {
    // Killed while an older build's folder was replaced by the link to a generation (generations.ts):
    // the link was made after its generation was complete.
    const last = links.pop()!;
    await rename(path.join(parent, last), paths.out);
    entries = entries.filter((e) => e !== last);
  } else if (!lexists(paths.out) && previous.length > 0) {
    // Killed between the two renames of a swap of an older version: the last complete site is the previous one.
    const last = previous.pop()!;
    await rename(path.join(parent, last), paths.out);
    entries = entries.filter((e) => e !== last);
  }
  const trash: string[] = [];
  for (const e of entries) {
    if (e.startsWith(`.${name}.link-`)) {
      await unlink(path.join(parent, e)).catch(() => undefined);
      continue;
    }
    if (e.startsWith(`.${name}.building-`) || e.startsWith(`.${name}.previous-`) || e.startsWith(`.${name}.trash-`)) {
      const full = path.join(parent, e);
      if (full === paths.out) continue;
      // A unique name first: this build's own work and previous folders may reuse a dead process's id.
      const target = e.startsWith(`.${name}.trash-`) ? full : path.join(parent, `.${name}.trash-${process.pid}-${Date.now().toString(36)}-${trash.length}`);
      // Best effort: a leftover that cannot be moved (read-only parent) must not stop every later build.
      if (target !== full && !(await rename(full, target).then(() => true, () => false))) continue;
      trash.push(target);
    }
  }
  const swept = Promise.all(trash.map((t) => rm(t, { recursive: true, force: true }))).then(() => undefined);
  swept.catch(() => undefined);
  return { swept };
}

/** Folders the build reads or keeps, which the output may be neither nor hold: publishing replaces it whole. */
export interface KeptFolders {
  content: string;
  public: string;
  cache?: string | undefined;
}

/**
 * Checked before anything is read: the site is published by replacing the output path (generations.ts),
 * so it may not be the content, public or cache folder, nor a folder that holds one of them (`--out .`).
 */
export function assertOutputApart(out: string, kept: KeptFolders): void {
  const names: Record<keyof KeptFolders, string> = { content: "la carpeta de contenido", public: "la carpeta de archivos estáticos", cache: "la carpeta de la caché" };
  for (const key of Object.keys(names) as Array<keyof KeptFolders>) {
    const folder = kept[key] && path.resolve(kept[key]!);
    if (!folder) continue;
    const relative = path.relative(path.resolve(out), folder);
    if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
      throw new OutputError(
        `La carpeta de salida ${out} ${relative === "" ? "es" : "contiene"} ${names[key]} (${folder}): publicar el sitio la reemplazaría entera. Indica otra carpeta con --out (por omisión, _site).`,
      );
    }
  }
}

/** What a project or its sources have at their top, and a generated site never does. */
const NOT_A_SITE = ["package.json", ".git", "node_modules", ".eleventy.ts", ".eleventy.js", "eleventy.config.js", "_config.yml", "content", "src", "layouts"];

/**
 * Checked before rendering: the existing output folder must be a folder we may change. A
 * read-only `_site/` could be moved away but not deleted, leaving a copy behind on every build.
 * A real folder (not our link) is replaced whole by the first build into it: only an empty one, or
 * one that looks like a generated site (an `index.html`, nothing of a project), never an editor's
 * folder that happens to have the name given to `--out`.
 */
export async function assertReplaceable(paths: OutputPaths): Promise<void> {
  if (!existsSync(paths.out)) return;
  const s = await stat(paths.out);
  if (!s.isDirectory()) throw new OutputError(`${paths.out} existe y no es una carpeta.`);
  if (!lstatSync(paths.out).isSymbolicLink()) {
    const entries = readdirSync(paths.out);
    const project = entries.filter((e) => NOT_A_SITE.includes(e));
    if (entries.length > 0 && (!entries.includes("index.html") || project.length > 0)) {
      const why = project.length > 0 ? `tiene ${project.join(", ")}` : "no tiene index.html";
      throw new OutputError(
        `${paths.out} ya existe y no parece un sitio generado (${why}): publicar el sitio la reemplazaría entera, con lo que tenga. Indica otra carpeta con --out, o vacíala tú si de verdad es para el sitio.`,
      );
    }
  }
  try {
    await access(paths.out, constants.W_OK);
  } catch (error) {
    throw describeFsError(error, paths.out);
  }
}

export function describeFsError(error: unknown, target: string): OutputError {
  return new OutputError(`No se puede escribir en ${target}: ${fsErrorReason(error) ?? (error as Error).message}.`);
}

/** Why a file-system call failed, in Spanish, for the usual reasons (undefined for others: the caller says those its way). */
export function fsErrorReason(error: unknown): string | undefined {
  switch ((error as NodeJS.ErrnoException).code) {
    case "EACCES":
    case "EPERM":
      return "no hay permiso de escritura";
    case "ENOSPC":
    case "EDQUOT":
      return "el disco está lleno";
    case "EROFS":
      return "el sistema de archivos es de solo lectura";
    case "EISDIR":
      return "ya hay una carpeta con ese nombre";
    case "ENOTDIR":
      return "una parte de la ruta es un archivo, no una carpeta";
    default:
      return undefined;
  }
}
