import { closeSync, constants, copyFileSync, fstatSync, openSync, statSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { OutputError, type OutputPaths } from "./output.ts";
import type { SiteFile } from "./pages.ts";
import type { PageWorkers } from "./page-workers.ts";

/**
 * The output folder (`_site`) is a symbolic link to one of two complete generations of the site,
 * `._site.d/a` and `._site.d/b`. A build brings the generation that is *not* published up to date
 * and then switches the link in one atomic rename: readers and hosts see the old site or the new
 * one, never a mix, and a build that fails or is killed leaves the published site as it was.
 *
 * Each generation has a manifest (file → digest, size, modification time). Bringing the other
 * generation up to date costs what changed, not the size of the site:
 * - a file whose digest it already has (and whose size and time still match) is kept;
 * - a file the published generation has with the right digest is hard-linked from it;
 * - anything else is rendered (or copied) and written, always as a new file, never into an
 *   existing one (it may be a hard link shared with the published generation);
 * - files of the old manifest the site no longer has are deleted.
 * Before touching a generation its manifest is deleted; a generation without a valid manifest
 * (first build, killed build, other code, a deleted store) is emptied and written whole.
 */
const FORMAT = 2;
const NAMES = ["a", "b"] as const;
type GenerationName = (typeof NAMES)[number];

/** A file's digest, size and modification time, as a manifest records them. */
type FileRecord = [digest: string, size: number, mtimeMs: number];

interface Manifest {
  format: number;
  fingerprint: string;
  files: FileRecords;
  /** What `finish` added to the generation (the search index), as `finish` described it. */
  added?: unknown;
}

/**
 * A manifest's files, in the site's order, as columns: ~18,000 files at 10,000 bulletins are read
 * and written by every build, and as columns they are three arrays and two texts instead of one
 * object and one array per file (a third of the time to read and write, less garbage).
 */
class FileRecords {
  #index: Map<string, number> | undefined;

  constructor(
    readonly paths: string[] = [],
    readonly digests: string[] = [],
    readonly sizes: number[] = [],
    readonly mtimes: number[] = [],
  ) {}

  static fromJSON(stored: unknown): FileRecords | undefined {
    const s = stored as Partial<Record<"files" | "digests", unknown> & Record<"sizes" | "mtimes", unknown>>;
    if (typeof s?.files !== "string" || typeof s.digests !== "string" || !Array.isArray(s.sizes) || !Array.isArray(s.mtimes)) return undefined;
    if (s.files === "") return s.sizes.length === 0 && s.mtimes.length === 0 ? new FileRecords() : undefined;
    const records = new FileRecords(s.files.split("\n"), s.digests.split("\n"), s.sizes as number[], s.mtimes as number[]);
    const n = records.paths.length;
    return records.digests.length === n && records.sizes.length === n && records.mtimes.length === n ? records : undefined;
  }

  toJSON(): object {
    return { files: this.paths.join("\n"), digests: this.digests.join("\n"), sizes: this.sizes, mtimes: this.mtimes };
  }

  get length(): number {
    return this.paths.length;
  }

  /** Where a file is in the manifest, or -1. */
  indexOf(file: string): number {
    if (!this.#index) {
      this.#index = new Map();
      for (let i = 0; i < this.paths.length; i++) this.#index.set(this.paths[i]!, i);
    }
    return this.#index.get(file) ?? -1;
  }

  record(i: number): FileRecord {
    return [this.digests[i]!, this.sizes[i]!, this.mtimes[i]!];
  }

  /** Adds a file at the end; returns its place. */
  push(file: string, [digest, size, mtimeMs]: FileRecord): number {
    this.#index?.set(file, this.paths.length);
    this.paths.push(file);
    this.digests.push(digest);
    this.sizes.push(size);
    return this.mtimes.push(mtimeMs) - 1;
  }

  setStamp(i: number, size: number, mtimeMs: number): void {
    this.sizes[i] = size;
    this.mtimes[i] = mtimeMs;
  }
}

export interface GenerationPaths {
  /** `._site.d`, beside the output link. */
  store: string;
  dir(name: GenerationName): string;
  manifest(name: GenerationName): string;
  /** What the output link points to, relative to its folder. */
  linkTarget(name: GenerationName): string;
}

export function generationPaths(paths: OutputPaths): GenerationPaths {
  const parent = path.dirname(paths.out);
  const storeName = `.${path.basename(paths.out)}.d`;
  const store = path.join(parent, storeName);
  return {
    store,
    dir: (name) => path.join(store, name),
    manifest: (name) => path.join(store, `${name}.json`),
    linkTarget: (name) => `${storeName}/${name}`,
  };
}

export interface PublishedState {
  /** The generation the output link points to, if it is one of ours. */
  current?: GenerationName;
  /** The output path is a real folder (an older build's, or made by hand): replaced whole by the switch. */
  folder: boolean;
}

/** What the output path is now. A link or file that is not ours is refused, never replaced. */
export function publishedState(paths: OutputPaths, gens: GenerationPaths): PublishedState {
  let st;
  try {
    st = lstatSync(paths.out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { folder: false };
    throw error;
  }
  if (st.isDirectory()) return { folder: true };
  if (st.isSymbolicLink()) {
    const target = readlinkSync(paths.out);
    const name = NAMES.find((n) => target === gens.linkTarget(n));
    if (name) return { current: name, folder: false };
    throw new OutputError(`${paths.out} es un enlace simbólico a ${target}, que no es una versión generada por boletines. Bórralo o indica otra carpeta con --out.`);
  }
  throw new OutputError(`${paths.out} existe y no es una carpeta.`);
}

/** What earlier builds added after their pages (`finish`), as they described it: in the generation being updated, and in the published one. */
export interface EarlierAdditions {
  own?: unknown;
  published?: { dir: string; added: unknown };
}

export interface UpdateResult {
  rendered: number;
  linked: number;
  kept: number;
  deleted: number;
}

/**
 * Brings the unpublished generation to exactly `files` (plus whatever `hooks.finish` adds, e.g. the search
 * index), then publishes it. `fingerprint` names the code, layouts and settings the digests assume.
 */
export async function updateAndPublish(
  paths: OutputPaths,
  files: readonly SiteFile[],
  fingerprint: string,
  hooks: {
    /**
     * Adds to the generation before it is published (the search index). Told what the `finish` of
     * earlier builds said they added (under the same fingerprint): to this generation, and to the
     * published one (with its folder). What it returns is kept in this generation's manifest.
     */
    finish?: (dir: string, earlier: EarlierAdditions) => Promise<unknown>;
    /** Called when nothing of an earlier build can be reused: every file is about to be written. */
    onWholeSite?: () => void;
    /** The unpublished generation already checked by another thread (prefetch.ts). */
    checked?: Promise<GenerationCheck | undefined>;
    /** Threads to render pages on, asked once the build knows how many it must write (none: this thread). */
    pageWorkers?: (pagesToRender: number) => PageWorkers | undefined;
  } = {},
): Promise<UpdateResult> {
  const gens = generationPaths(paths);
  const state = publishedState(paths, gens);
  const target = targetOf(state);
  const dir = gens.dir(target);
  const published = state.current ? readManifest(gens.manifest(state.current), fingerprint) : undefined;
  const own = readManifest(gens.manifest(target), fingerprint);
  const check = own ? await hooks.checked : undefined;
  const changedByHand = check && check.target === target && check.manifest.every((v, i) => v === own!.identity[i]) ? new Set(check.changed) : undefined;
  mkdirSync(gens.store, { recursive: true });
  // Folders earlier builds set aside (or were killed while deleting) go in the background.
  const sweeping = readdirSync(gens.store).filter((e) => e.startsWith("trash-") || /\.json\.\d+$/.test(e)).map((e) => path.join(gens.store, e));
  // From here on the target is being changed: without a manifest it is never trusted again.
  rmSync(gens.manifest(target), { force: true });
  if (!own) sweeping.push(...setAside(dir, gens.store));
  if (!own && !published) hooks.onWholeSite?.();
  mkdirSync(dir, { recursive: true });
  const swept = Promise.all(sweeping.map((t) => rm(t, { recursive: true, force: true })));
  swept.catch(() => undefined);

  try {
    const result = await writeGeneration(files, dir, own, published ? { dir: gens.dir(state.current!), manifest: published } : undefined, fingerprint, changedByHand, hooks.pageWorkers);
    const added = await hooks.finish?.(dir, {
      ...(own?.added !== undefined ? { own: own.added } : {}),
      ...(published ? { published: { dir: gens.dir(state.current!), added: published.added } } : {}),
    });
    if (added !== undefined) result.manifest.added = added;
    writeManifest(gens.manifest(target), result.manifest);
    const oldFolder = switchLink(paths, gens, target, state);
    if (oldFolder) await rm(oldFolder, { recursive: true, force: true });
    await swept;
    return result.counts;
  } catch (error) {
    // A generation left half-updated is useless (it has no manifest): its space is given back now.
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

async function writeGeneration(
  files: readonly SiteFile[],
  dir: string,
  own: Manifest | undefined,
  published: { dir: string; manifest: Manifest } | undefined,
  fingerprint: string,
  /** Files of `own` found changed by an earlier check (prefetch.ts); without it each kept file is checked here. */
  changedByHand: ReadonlySet<string> | undefined,
  pageWorkers: ((pagesToRender: number) => PageWorkers | undefined) | undefined,
): Promise<{ counts: UpdateResult; manifest: Manifest }> {
  const result: UpdateResult = { rendered: 0, linked: 0, kept: 0, deleted: 0 };
  const manifest: Manifest = { format: FORMAT, fingerprint, files: new FileRecords() };
  const root = path.resolve(dir);
  const folders = new Folders(root);
  const toWrite: Array<{ f: SiteFile; out: string; at: number }> = [];
  /** Files of `own` the site still has (the others are deleted at the end). */
  const stillThere = new Uint8Array(own?.files.length ?? 0);
  for (const f of files) {
    const out = insideOutput(root, f.file);
    const i = own ? own.files.indexOf(f.file) : -1;
    if (i >= 0) {
      stillThere[i] = 1;
      const mine = own!.files.record(i);
      if (mine[0] === f.digest && (changedByHand ? !changedByHand.has(f.file) : sameStamp(out, mine))) {
        manifest.files.push(f.file, mine);
        result.kept++;
        continue;
      }
    }
    // Never write through an existing file: it may be a hard link shared with the published site.
    if (own) rmSync(out, { force: true });
    const j = published ? published.manifest.files.indexOf(f.file) : -1;
    if (j >= 0 && published!.manifest.files.digests[j] === f.digest) {
      const theirs = published!.manifest.files.record(j);
      // A folder a file is about to go into is made first (once per folder).
      folders.ensure(path.dirname(out));
      if (linkIfSame(path.join(published!.dir, f.file), out, theirs)) {
        manifest.files.push(f.file, theirs);
        result.linked++;
        continue;
      }
    }
    // Its place in the manifest now (the manifest lists files in the site's order), its stamp once written.
    toWrite.push({ f, out, at: manifest.files.push(f.file, [f.digest, 0, 0]) });
  }
  const workers = pageWorkers?.(toWrite.filter((w) => w.f.renderable).length);
  const rendering: Array<Promise<void>> = [];
  // Handled as they happen: a rejection left unhandled while pages are still being sent would end the process.
  let failed: { error: unknown } | undefined;
  // Pages go to the threads while they have room; meanwhile this thread writes everything else.
  const sent = workers ? toWrite.filter((w) => w.f.renderable) : [];
  const here = workers ? toWrite.filter((w) => !w.f.renderable) : toWrite;
  let nextSent = 0;
  let nextHere = 0;
  let writtenHere = 0;
  try {
    while (nextSent < sent.length || nextHere < here.length) {
      if (workers?.failure || failed) break;
      if (nextSent < sent.length && (!workers!.busy || nextHere === here.length)) {
        if (workers!.busy) await workers!.room();
        const { f, out, at } = sent[nextSent++]!;
        rendering.push(
          workers!.write(out, f.renderable!.layout, f.renderable!.item()).then(
            ([size, mtimeMs]) => manifest.files.setStamp(at, size, mtimeMs),
            (error: unknown) => {
              failed ??= { error };
            },
          ),
        );
      } else {
        const { f, out, at } = here[nextHere++]!;
        folders.ensure(path.dirname(out));
        manifest.files.setStamp(at, ...writeNew(out, f));
        // The threads' replies are events: without a turn of the event loop now and then, this thread
        // would write every file of its own (thousands of lists and redirect stubs) before it learned
        // that they have room again, and they would wait idle meanwhile.
        if (nextSent < sent.length && ++writtenHere % YIELD_EVERY === 0) await turnOfEventLoop();
      }
      result.rendered++;
    }
  } catch (error) {
    // A write of this thread failed: the pages already sent are waited for below all the same.
    failed ??= { error };
  }
  // Every page sent is written (or failed) before anything else happens to this generation.
  await Promise.all(rendering);
  if (failed) throw failed.error;
  if (workers?.failure) throw workers.failure;
  if (own) {
    for (let i = 0; i < own.files.length; i++) {
      if (stillThere[i]) continue;
      removeWithEmptyParents(path.join(root, own.files.paths[i]!), root);
      result.deleted++;
    }
  }
  return { counts: result, manifest };
}

/** Files this thread writes between two looks at the page threads' replies (writeGeneration). */
const YIELD_EVERY = 4;

function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The path of a site file in the generation. Site paths come from validated site paths; checked again
 * here because nothing may land outside the output. A plain relative path (the usual case) is joined
 * without `path.resolve`, which cost more than the rest of a kept file's work.
 */
function insideOutput(root: string, file: string): string {
  if (path.sep === "/" && PLAIN_RELATIVE.test(file)) return `${root}/${file}`;
  const out = path.resolve(root, file);
  if (!out.startsWith(root + path.sep)) throw new Error(`Ruta de salida fuera de la carpeta: ${file}`);
  return out;
}
/** Segments of visible names (not starting with a dot, so never `.` or `..`), separated by single slashes. */
const PLAIN_RELATIVE = /^[^/.\0][^/\0]*(?:\/[^/.\0][^/\0]*)*$/;

/** A relative path made only of visible names (never `.`, `..` or absolute): stays inside any folder it is joined to. */
export function isPlainRelative(file: string): boolean {
  return PLAIN_RELATIVE.test(file);
}

/** The files of a manifest, if it is readable, complete and made by the same code (any code, without a fingerprint). */
function readManifest(file: string, fingerprint?: string): (Manifest & { identity: ManifestIdentity }) | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const st = fstatSync(fd);
    const m = JSON.parse(readFileSync(fd, "utf8")) as Omit<Manifest, "files"> & { files: unknown };
    if (m.format !== FORMAT || (fingerprint !== undefined && m.fingerprint !== fingerprint)) return undefined;
    const files = FileRecords.fromJSON(m.files);
    return files ? { ...m, files, identity: [st.ino, st.mtimeMs, st.size] } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Inode, modification time and size of a manifest file as read: manifests are replaced, never edited, so equal identities mean the same manifest. */
type ManifestIdentity = [ino: number, mtimeMs: number, size: number];

/**
 * The unpublished generation's files checked against its manifest, by a thread that started before
 * the build took the output lock (prefetch.ts). The build uses it only if, once it holds the lock, the
 * same generation is still unpublished with the same manifest file.
 */
export interface GenerationCheck {
  target: GenerationName;
  manifest: ManifestIdentity;
  /** Files that are no longer as the manifest describes them (edited, replaced or deleted by hand). */
  changed: string[];
}

export function checkUnpublished(paths: OutputPaths): GenerationCheck | undefined {
  const gens = generationPaths(paths);
  const target = targetOf(publishedState(paths, gens));
  const manifest = readManifest(gens.manifest(target));
  if (!manifest) return undefined;
  const dir = gens.dir(target);
  const { files } = manifest;
  const changed = files.paths.filter((file, i) => !sameStamp(path.join(dir, file), files.record(i)));
  return { target, manifest: manifest.identity, changed };
}

function targetOf(state: PublishedState): GenerationName {
  return state.current === "a" ? "b" : "a";
}

function writeManifest(file: string, manifest: Manifest): void {
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, file);
}

/** Moves an untrusted generation aside, to be deleted in the background; returns the new name. */
function setAside(dir: string, store: string): string[] {
  const trash = path.join(store, `trash-${process.pid}-${Date.now().toString(36)}`);
  try {
    renameSync(dir, trash);
    return [trash];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return [];
  }
}

/** The file is still the one the manifest describes (nobody edited or replaced it). */
export function sameStamp(file: string, [, size, mtimeMs]: FileRecord): boolean {
  try {
    const st = lstatSync(file);
    return st.isFile() && st.size === size && st.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

export function linkIfSame(from: string, to: string, recorded: FileRecord): boolean {
  if (!sameStamp(from, recorded)) return false;
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    // File systems without hard links: a copy has the same bytes (its own time is recorded instead).
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
    return false;
  }
}

/** Writes a new file (never through an existing one) and returns its size and modification time. */
function writeNew(out: string, f: SiteFile): [number, number] {
  if (f.source) {
    copyFileSync(f.source, out, constants.COPYFILE_EXCL);
    const st = statSync(out);
    return [st.size, st.mtimeMs];
  }
  const fd = openSync(out, "wx");
  try {
    writeFileSync(fd, f.make!());
    const st = fstatSync(fd);
    return [st.size, st.mtimeMs];
  } finally {
    closeSync(fd);
  }
}

/** Folders of a generation made so far: one mkdir per new folder (a recursive mkdir would probe every level of every page's path). */
export class Folders {
  private readonly made = new Set<string>();

  constructor(root: string) {
    this.made.add(root);
  }

  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    this.ensure(path.dirname(dir));
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    this.made.add(dir);
  }
}

/** A page that no longer exists leaves no empty folder behind (a host could list it or answer 403). */
function removeWithEmptyParents(file: string, root: string): void {
  rmSync(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/**
 * Points the output path at the new generation: a new link renamed over the old one (atomic). A real
 * folder at the output path (an older build's) cannot be replaced by a rename: it is moved into the
 * store first (and deleted after), the one moment the output path is missing.
 */
function switchLink(paths: OutputPaths, gens: GenerationPaths, target: GenerationName, state: PublishedState): string | undefined {
  const tmp = path.join(path.dirname(paths.out), `.${path.basename(paths.out)}.link-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(gens.linkTarget(target), tmp);
  if (state.folder) {
    const old = path.join(gens.store, `trash-${process.pid}-old-folder`);
    renameSync(paths.out, old);
    renameSync(tmp, paths.out);
    return old;
  }
  renameSync(tmp, paths.out);
  return undefined;
}
