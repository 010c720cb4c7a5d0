import { createHash } from "node:crypto";
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { isAscii } from "node:buffer";
import path from "node:path";
import type { Bulletin } from "../model/bulletin.ts";
import { loadAndNormalize } from "../model/corpus.ts";
import { displayPath, MAX_FILE_BYTES, type ContentFile } from "../model/load.ts";
import type { NormalizeContext, NormalizeResult } from "../model/normalize.ts";
import type { Problem } from "../model/problems.ts";
import { readingMinutes, renderMarkdownAndText } from "../render/markdown.ts";
import { LEAD_CHARS } from "../render/summary.ts";
import { FileWorkers, type FileJobResult, type FileWorkerData } from "./file-workers.ts";
import { renderPackRecord, type CachedBulletin, type PackRecord } from "./pack-record.ts";
import type { PrefetchedFile } from "./prefetch.ts";
import { acquireLock } from "./output.ts";
import { sha1Bytes } from "./digest.ts";
import type { CompiledLayouts } from "./compiled-layouts.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { CACHE_INDEX_FILE, CHANGES_FILE, cacheIndexFiles } from "./cache-files.ts";
import type { SiteConfig } from "../site.ts";

/**
 * The build cache: what a build learned about each content file, kept between runs so the next
 * build only parses, normalizes and renders the files whose bytes changed.
 *
 * Safe to delete at any time: every entry is keyed by the file's bytes and its path, and the whole
 * cache by a fingerprint of the code, layouts, dependencies and site settings, so a stale or
 * missing cache can only cost time. A damaged cache is discarded, never trusted.
 *
 * On disk (one folder):
 * - `index.json`: fingerprint + one entry per content file (normalized bulletin without its body,
 *   problems, image checks, where its texts are in the pack);
 * - `texts-<n>.pack`: body, rendered HTML and the start of the plain text of each file, UTF-16LE, appended as files change
 *   and rewritten when more than half of it is dead;
 * - `layouts.json`: the layouts as Nunjucks compiled them (compiled-layouts.ts).
 */
const FORMAT = 7;

/** A file stamped this close to the last save may have changed within the same clock tick: it is hashed. */
const RACY_MS = 2000;

/**
 * Misses processed on the main thread before worker threads are worth starting (an edit or two never
 * starts them); a cold cache with more files than this to read starts them at once (`useWorkers`).
 */
export const WORKER_THRESHOLD = 64;

interface Entry {
  /** sha1 of the file's bytes. */
  hash: string;
  /** Size, modification time and inode when hashed: while they match, the file is not read again. */
  stat?: [number, number, number];
  /** The path shown in problems (part of the cached values). */
  file: string;
  problems: Problem[];
  bulletin?: CachedBulletin;
  /** Images normalization asked about, and whether each existed then. */
  images: Array<[string, boolean]>;
  /** Where its record is in the pack (see `PackAt`). */
  at?: PackAt;
  /** Reading time of the body (counting words is a large part of a warm build). */
  minutes?: number;
}

/**
 * A record of the pack: byte offset, then the byte lengths (UTF-16LE: decoding it is a copy) of the
 * body, its HTML, the start of its plain text (`LEAD_CHARS`) and the field positions as JSON. Everything
 * a rebuild does not read for every bulletin is here rather than in the index, which every build parses
 * whole: the markdown, the HTML, the text's start (a summary reads it when a page or feed prints it)
 * and the positions (only a problem report reads them).
 */
type PackAt = [offset: number, body: number, html: number, text: number, positions: number];
const PART = { body: 0, html: 1, text: 2, positions: 3 } as const;
type Part = (typeof PART)[keyof typeof PART];

interface Index {
  format: number;
  /** Names this index file: lines of the changes file written for another one are ignored. */
  id: string;
  /** Lines in the changes file applied on top of this index when it was read. */
  changeLines?: number;
  /** When the index was written (ms): a file modified that recently is hashed whatever its stamp says. */
  savedAt: number;
  fingerprint: string;
  pack: string;
  packBytes: number;
  entries: Record<string, Entry>;
}


/** The fingerprint `build` and `check` name their cache entries by: this project's code and the site's settings. */
export function siteFingerprint(site: SiteConfig): string {
  return codeFingerprint(PROJECT_ROOT, { site });
}

/** Everything that changes what a build makes from the same content, besides the content itself. */
export function codeFingerprint(projectRoot: string, extra: unknown): string {
  const hash = createHash("sha1");
  hash.update(`${FORMAT}\0${process.version}\0${JSON.stringify(extra)}\0`);
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(path.join(projectRoot, "src"));
  walk(path.join(projectRoot, "layouts"));
  files.push(path.join(projectRoot, ".eleventy.ts"), path.join(projectRoot, "package-lock.json"));
  for (const f of files) {
    if (!existsSync(f)) continue;
    hash.update(path.relative(projectRoot, f));
    hash.update("\0");
    hash.update(readFileSync(f));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Where the accessors of a cached bulletin find its parts (an own property of the bulletin, keyed by a symbol). */
const LAZY_PARTS = Symbol("lazyParts");
interface LazyParts {
  cache: BuildCache;
  /** The bulletin's file in the index (its content path). */
  key: string;
  at: PackAt;
  /** Reading time stored with the texts (`minutesOf` answers without looking the entry up). */
  minutes: number | undefined;
  parsed?: Bulletin["positions"];
}
type WithParts = { [LAZY_PARTS]: LazyParts };

/**
 * The prototype of every cached bulletin: its markdown and its field positions, read from the pack
 * when asked. On the prototype, not on each bulletin: accessors defined per object cost a property
 * definition each (and copying them, for `applyCorpusLabels`, as much again); saving the index,
 * `Object.keys`, JSON and digests never see them. A copy that keeps the prototype and the own
 * symbol (`applyCorpusLabels` does) reads the same parts.
 */
class CachedBulletinParts {
  get body(): string {
    const p = (this as unknown as WithParts)[LAZY_PARTS];
    return p.cache.partAt(p.at, PART.body);
  }

  get positions(): Bulletin["positions"] {
    const p = (this as unknown as WithParts)[LAZY_PARTS];
    return (p.parsed ??= JSON.parse(p.cache.partAt(p.at, PART.positions) || "{}") as Bulletin["positions"]);
  }
}
const CACHED_BULLETIN = CachedBulletinParts.prototype;

export class BuildCache {
  private index: Index;
  private readonly fresh = new Map<string, Entry>();
  /** Bodies (and positions) of files parsed on the main thread, until their HTML is made and stored. */
  private readonly unrendered = new Map<string, { body: string; positions: string }>();
  /** Content path (relPath) of each file parsed on this thread, to find its texts from its bulletin (cached ones carry theirs: `LAZY_PARTS`). */
  private readonly keyOfFile = new Map<string, string>();
  private readonly seen = new Set<string>();
  /** The stamp of every cache hit: recorded when it differs from the entry's (a touched file, same bytes). */
  private readonly restamped = new Map<string, [number, number, number]>();
  private fd: number | undefined;
  private closed = false;
  private workerData: FileWorkerData | undefined;
  private workers: FileWorkers | undefined;
  private expectedFiles = 0;
  /** Files parsed by the prefetch thread, by content path (usePrefetched). */
  private prefetched: Promise<Map<string, PrefetchedFile> | undefined> | undefined;
  hits = 0;
  misses = 0;

  /** Compiled layouts (read on first use), and how many of them were on disk. */
  private layouts: { compiled: CompiledLayouts; saved: number } | undefined;

  /** Layouts compiled by earlier builds of the same code (compiled-layouts.ts); what a build compiles is added and saved with the index. */
  compiledLayouts(): CompiledLayouts {
    if (!this.layouts) {
      let compiled: CompiledLayouts = new Map();
      try {
        const stored = JSON.parse(readFileSync(path.join(this.dir, LAYOUTS_FILE), "utf8")) as { fingerprint?: unknown; templates?: unknown };
        if (stored.fingerprint === this.fingerprint && stored.templates && typeof stored.templates === "object") {
          compiled = new Map(Object.entries(stored.templates as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
        }
      } catch {
        // Missing or unreadable: compiled again.
      }
      this.layouts = { compiled, saved: compiled.size };
    }
    return this.layouts.compiled;
  }

  /** Files the cache knows from earlier builds. */
  get entryCount(): number {
    return Object.keys(this.index.entries).length;
  }
  private constructor(
    readonly dir: string,
    readonly fingerprint: string,
    index: Index | undefined,
    private readonly release: () => Promise<void>,
    private readonly workerThreshold: number,
    /** Before any file is looked at: stamps at or after it (minus `RACY_MS`) are not trusted next time. */
    private readonly startedAt: number,
  ) {
    this.index = index ?? emptyIndex(fingerprint);
  }

  /**
   * Opens the cache folder, or returns undefined when another build holds it (that build then
   * works without a cache: slower, same result). Anything unreadable or made by other code is ignored.
   */
  static async open(dir: string, fingerprint: string, workerThreshold = WORKER_THRESHOLD, startedAt = Date.now()): Promise<BuildCache | undefined> {
    let release: () => Promise<void>;
    try {
      mkdirSync(dir, { recursive: true });
      release = await acquireLock(path.join(dir, "lock"));
    } catch {
      return undefined;
    }
    let index: Index | undefined;
    let fd: number | undefined;
    try {
      const kept = takeResident(dir, fingerprint);
      const parsed = kept ?? readIndex(dir);
      indexReads[kept ? "memory" : "file"]++;
      if (parsed.format === FORMAT && parsed.fingerprint === fingerprint && parsed.pack) {
        fd = openSync(path.join(dir, parsed.pack), "r+");
        // Bytes past `packBytes` are records of a build that died before saving its index: unused.
        if (fstatSync(fd).size >= parsed.packBytes) index = parsed;
        else {
          closeSync(fd);
          fd = undefined;
        }
      }
    } catch {
      index = undefined;
    }
    const cache = new BuildCache(dir, fingerprint, index, release, workerThreshold, startedAt);
    cache.fd = fd;
    return cache;
  }

  /**
   * Lets a cold build use worker threads (they need to know the site and where images are). They
   * start after `workerThreshold` files missed the cache, or at once when the cache is empty and the
   * build said it will read more files than that (`expectFiles`): then the main thread does not first
   * parse files itself, warming up code it will not run again (a cold build of 10,000 bulletins:
   * ~0.1 s sooner in 8 of 10 alternating rounds, session 23).
   */
  useWorkers(data: FileWorkerData): void {
    this.workerData = data;
    if (!this.workers && this.entryCount === 0 && this.expectedFiles > this.workerThreshold) this.workers = new FileWorkers(data);
  }

  /** How many content files the build will read (before `useWorkers`). */
  expectFiles(count: number): void {
    this.expectedFiles = count;
  }

  /**
   * Files the prefetch thread parsed (the ones edited since this cache was saved). A changed file
   * is taken from there when its stamp is still the one the thread read; otherwise parsed here.
   */
  usePrefetched(parsed: Promise<Map<string, PrefetchedFile> | undefined>): void {
    this.prefetched = parsed;
  }

  /** Stops the worker threads, if any were started (call once the corpus is loaded). */
  async finishLoading(): Promise<void> {
    const workers = this.workers;
    this.workers = undefined;
    this.workerData = undefined;
    await workers?.close();
  }

  /** A `loadFile` for `loadCorpus`: the cached result when the bytes (and images asked about) are the same. */
  readonly loadFile = async (file: ContentFile, ctx: NormalizeContext): Promise<NormalizeResult> => {
    const key = file.relPath;
    const shown = displayPath(file.absPath);
    let stamp = file.stamp;
    if (!stamp) {
      try {
        const st = statSync(file.absPath);
        stamp = [st.size, st.mtimeMs, st.ino];
      } catch {
        return loadAndNormalize(file, ctx);
      }
    }
    // Oversized files are never cached: the loader itself reports them as problems.
    if (stamp[0] > MAX_FILE_BYTES) return loadAndNormalize(file, ctx);
    const cached = this.index.entries[key];
    const unchangedStamp = !!cached?.stat && equalStamps(cached.stat, stamp) && stamp[1] < this.index.savedAt - RACY_MS;
    let hash = unchangedStamp ? cached!.hash : undefined;
    const early = unchangedStamp || !this.prefetched ? undefined : (await this.prefetched)?.get(key);
    const parsedEarly = early && equalStamps(early.stamp, stamp) ? early.parsed : undefined;
    if (parsedEarly) hash = parsedEarly.hash;
    // Without an entry to compare with (a cold cache, a new file), the file is hashed by whoever
    // parses it, from the bytes it parses: read once, and by a worker thread in a cold build.
    if (!hash && cached) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.absPath);
      } catch {
        return loadAndNormalize(file, ctx);
      }
      hash = sha1Bytes(bytes);
    }
    this.seen.add(key);
    if (cached && cached.hash === hash && cached.file === shown && cached.images.every(([p, existed]) => ctx.imageExists(p) === existed)) {
      if (!cached.bulletin) {
        this.hit(key, cached, stamp);
        return { problems: cached.problems };
      }
      if (cached.at && this.fd !== undefined) {
        this.hit(key, cached, stamp);
        return { bulletin: this.withLazyParts(cached.bulletin, key, cached.at, cached.minutes), problems: cached.problems };
      }
    }
    this.misses++;
    if (parsedEarly) return this.storeParsed(key, shown, stamp, parsedEarly);
    if (!this.workers && this.workerData && this.misses > this.workerThreshold) this.workers = new FileWorkers(this.workerData);
    if (this.workers) return this.storeParsed(key, shown, stamp, await this.workers.run(file));
    const images: Array<[string, boolean]> = [];
    let parsedHash: string | undefined;
    const result = await loadAndNormalize(
      file,
      {
        ...ctx,
        imageExists: (p) => {
          const exists = ctx.imageExists(p);
          images.push([p, exists]);
          return exists;
        },
      },
      (bytes) => (parsedHash = sha1Bytes(bytes)),
    );
    // Named by the bytes it parsed; unreadable: reported by the loader, not kept.
    hash = parsedHash;
    if (!hash) return result;
    const entry: Entry = { hash, stat: stamp, file: shown, problems: result.problems, images };
    if (result.bulletin) {
      const { body, positions, ...rest } = result.bulletin;
      entry.bulletin = rest;
      this.keyOfFile.set(result.bulletin.file, key);
      this.unrendered.set(key, { body, positions: JSON.stringify(positions) });
    }
    this.fresh.set(key, entry);
    return result;
  };

  /** A file served from its entry: counted, and its stamp recorded if it changed (a touched file, same bytes). */
  private hit(key: string, cached: Entry, stamp: [number, number, number]): void {
    this.hits++;
    if (!cached.stat || !equalStamps(cached.stat, stamp)) this.restamped.set(key, stamp);
  }

  /** Keeps a file parsed by another thread (a file worker, the prefetch thread): its entry, and its texts in the pack. */
  private storeParsed(key: string, shown: string, stamp: [number, number, number], done: FileJobResult): NormalizeResult {
    const { problems, bulletin } = done.result;
    // Named by the bytes it parsed; unreadable: reported by the loader, not kept.
    if (!done.hash) return { problems };
    const entry: Entry = { hash: done.hash, stat: stamp, file: shown, problems, images: done.images };
    this.fresh.set(key, entry);
    if (!bulletin || !done.texts) return { problems };
    entry.bulletin = bulletin;
    // Stored at once and read back when needed: a cold build never holds every text in memory,
    // the markdown included (at 50,000 bulletins, hundreds of MiB of UTF-16).
    this.append(entry, done.texts, done.minutes);
    return { bulletin: this.withLazyParts(bulletin, key, entry.at!, entry.minutes), problems };
  }

  /**
   * A cached bulletin whose markdown is read from the pack, and whose field positions are parsed, only
   * if something asks for them (a rebuild never reads the markdown; positions serve problem reports).
   * The index's own object, given the accessors' prototype (`CachedBulletinParts`) and where its
   * parts are (a symbol-keyed property, which JSON, and so saving the index, leaves out).
   */
  private withLazyParts(bulletin: CachedBulletin, key: string, at: PackAt, minutes: number | undefined): Bulletin {
    const parts: LazyParts = { cache: this, key, at, minutes };
    // The symbol first, then the prototype: in the other order V8 gives every bulletin a hidden class
    // of its own, and every later read of a bulletin's field, anywhere in the build, goes the slow way
    // (10,000 classes at 10,000 bulletins; in this order, as few as the index's shapes of entry).
    (bulletin as CachedBulletin & WithParts)[LAZY_PARTS] = parts;
    Object.setPrototypeOf(bulletin, CACHED_BULLETIN);
    return bulletin as Bulletin;
  }

  /** One part of a pack record (for the accessors of a bulletin made by `withLazyParts`). */
  partAt(at: PackAt, which: Part): string {
    return this.readPart(at, which) ?? "";
  }

  /** The start of a body's plain text (at least `LEAD_CHARS` characters, or all of it), for summaries. */
  leadText(bulletin: Bulletin): string {
    const entry = this.entryOf(bulletin);
    const stored = entry?.at ? this.readPart(entry.at, PART.text, LEAD_CHARS) : undefined;
    return stored ?? this.part(bulletin, PART.text);
  }

  /** The sanitized HTML of a bulletin's body: from the cache, or rendered now (and stored for next time). */
  html(bulletin: Bulletin): string {
    return this.part(bulletin, PART.html);
  }

  /** The content path of the file a bulletin came from: in its lazy parts, or (parsed on this thread) by its file. */
  private keyOf(bulletin: Bulletin): string | undefined {
    return (bulletin as Partial<WithParts>)[LAZY_PARTS]?.key ?? this.keyOfFile.get(bulletin.file);
  }

  /** The cache entry of the file a bulletin came from. */
  private entryOf(bulletin: Bulletin): Entry | undefined {
    const key = this.keyOf(bulletin);
    return key ? (this.fresh.get(key) ?? this.index.entries[key]) : undefined;
  }

  /** A body's HTML or plain text, read from the pack; made and stored first if missing. */
  private part(bulletin: Bulletin, which: typeof PART.html | typeof PART.text): string {
    const key = this.keyOf(bulletin);
    const entry = key ? (this.fresh.get(key) ?? this.index.entries[key]) : undefined;
    const unrendered = key ? this.unrendered.get(key) : undefined;
    if (key && entry && !entry.at && unrendered?.body === bulletin.body) {
      const made = renderPackRecord(bulletin.body, unrendered.positions);
      this.unrendered.delete(key);
      this.append(entry, made.record, made.minutes);
      return which === PART.html ? made.html : made.text;
    }
    const stored = entry?.at ? this.readPart(entry.at, which) : undefined;
    if (stored !== undefined) return stored;
    const made = renderMarkdownAndText(bulletin.body);
    return which === PART.html ? made.html : made.text;
  }

  /** Reading time stored with a body's texts (same function, counted once when the body was rendered). */
  minutesOf(bulletin: Bulletin): number {
    const stored = (bulletin as Partial<WithParts>)[LAZY_PARTS]?.minutes;
    if (stored !== undefined) return stored;
    const entry = this.entryOf(bulletin);
    if (entry?.at && entry.minutes !== undefined) return entry.minutes;
    // Renders and stores the body if it was not yet, counting its words as it does (`append`).
    const text = this.part(bulletin, PART.text);
    return entry?.minutes ?? readingMinutes(text);
  }

  /**
   * What a bulletin was made from: its file's bytes (sha1), its path and which of the images it names
   * existed. Normalizing and rendering are functions of these (and of the code and site settings,
   * which the cache's fingerprint covers), so equal keys mean an equal bulletin before corpus labels
   * and an equal body HTML.
   */
  sourceKeyOf(bulletin: Bulletin): string | undefined {
    const entry = this.entryOf(bulletin);
    return entry ? `${entry.hash}\0${entry.file}\0${JSON.stringify(entry.images)}` : undefined;
  }

  /** Records are written as they are made, so the build never holds every text twice. */
  private append(entry: Entry, record: PackRecord, minutes: number | undefined): void {
    if (this.fd === undefined) {
      this.index = { ...emptyIndex(this.fingerprint), entries: this.index.entries };
      this.index.pack = `texts-${Date.now().toString(36)}-${process.pid}.pack`;
      this.fd = openSync(path.join(this.dir, this.index.pack), "w+");
    }
    if (minutes !== undefined) entry.minutes = minutes;
    const { bytes, lengths } = record;
    writeSync(this.fd, bytes, 0, bytes.length, this.index.packBytes);
    entry.at = [this.index.packBytes, ...lengths];
    this.index.packBytes += bytes.length;
  }

  /** Part of a record (at most its first `maxChars` characters). */
  private readPart(at: PackAt, which: Part, maxChars = Number.POSITIVE_INFINITY): string | undefined {
    if (this.fd === undefined) return undefined;
    let start = at[0];
    for (let k = 0; k < which; k++) start += at[k + 1]!;
    const length = Math.min(at[which + 1]!, maxChars * 2);
    const buf = Buffer.allocUnsafe(length);
    if (readSync(this.fd, buf, 0, length, start) !== length) return undefined;
    return buf.toString("utf16le");
  }

  /**
   * Writes the index of what this build learned (entries of files that no longer exist are dropped),
   * compacting the pack when most of it is dead. The index is replaced atomically, after the pack
   * it points into is complete; then the lock is released.
   */
  async save(): Promise<void> {
    try {
      this.saveLayouts();
      const old = this.index.entries;
      const entries: Record<string, Entry> = {};
      let changed = this.fresh.size > 0;
      for (const key of this.seen) {
        const e = this.fresh.get(key) ?? old[key];
        // A bulletin whose texts were never made (e.g. not published) is not kept.
        if (e && (!e.bulletin || e.at)) entries[key] = e;
      }
      if (Object.keys(old).some((k) => !(k in entries))) changed = true;
      const restamped = new Set<string>();
      for (const [key, stamp] of this.restamped) {
        const e = entries[key];
        if (e && !(e.stat && e.stat[0] === stamp[0] && e.stat[1] === stamp[1] && e.stat[2] === stamp[2])) {
          e.stat = stamp;
          restamped.add(key);
          changed = true;
        }
      }
      if (!changed || this.fd === undefined) {
        // Nothing written: the files still hold the index as it was read.
        if (!changed && this.fd !== undefined) keepResident(this.dir, this.fingerprint, this.index);
        return;
      }
      let pack = this.index.pack;
      let packBytes = this.index.packBytes;
      const live = Object.values(entries).reduce((n, e) => n + (e.at ? recordBytes(e.at) : 0), 0);
      if (live * 2 < packBytes) {
        pack = `texts-${Date.now().toString(36)}-${process.pid}.pack`;
        const out = openSync(path.join(this.dir, pack), "w");
        let offset = 0;
        for (const e of Object.values(entries)) {
          if (!e.at) continue;
          const length = recordBytes(e.at);
          const buf = Buffer.allocUnsafe(length);
          readSync(this.fd, buf, 0, length, e.at[0]);
          writeSync(out, buf, 0, length, offset);
          e.at = [offset, e.at[1], e.at[2], e.at[3], e.at[4]];
          offset += length;
        }
        closeSync(out);
        packBytes = offset;
      }
      const changesFile = path.join(this.dir, CHANGES_FILE);
      const lines = this.index.changeLines ?? 0;
      if (pack === this.index.pack && this.index.id && lines < MAX_CHANGE_LINES) {
        // Few entries changed: a line appended to the changes file instead of rewriting the whole index.
        const set: Record<string, Entry> = {};
        for (const [key, e] of Object.entries(entries)) if (old[key] !== e || restamped.has(key)) set[key] = e;
        const drop = Object.keys(old).filter((k) => !(k in entries));
        const line = asciiJson({ base: this.index.id, savedAt: this.startedAt, packBytes, set, drop } satisfies Change);
        appendFileSync(changesFile, `${line}\n`);
        // What the next `open` would read back: the index as it was read, with this line applied as
        // `applyChanges` applies it (entries as parsed from the line, not the objects this build made).
        applyChange(this.index, JSON.parse(line) as Change);
        this.index.changeLines = lines + 1;
        keepResident(this.dir, this.fingerprint, this.index);
      } else {
        const index: Index = { format: FORMAT, id: `${Date.now().toString(36)}-${process.pid}`, fingerprint: this.fingerprint, savedAt: this.startedAt, pack, packBytes, entries };
        const tmp = path.join(this.dir, `index.json.${process.pid}`);
        writeIndex(tmp, index);
        renameSync(tmp, path.join(this.dir, CACHE_INDEX_FILE));
        rmSync(changesFile, { force: true });
      }
      for (const f of readdirSync(this.dir)) if (f.endsWith(".pack") && f !== pack) rmSync(path.join(this.dir, f), { force: true });
    } finally {
      await this.close();
    }
  }

  private saveLayouts(): void {
    if (!this.layouts || this.layouts.compiled.size === this.layouts.saved) return;
    const tmp = path.join(this.dir, `${LAYOUTS_FILE}.${process.pid}`);
    // Entries in name order: the same layouts give the same file.
    const templates = Object.fromEntries([...this.layouts.compiled].sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(tmp, JSON.stringify({ fingerprint: this.fingerprint, templates }));
    renameSync(tmp, path.join(this.dir, LAYOUTS_FILE));
  }

  async close(): Promise<void> {
    await this.finishLoading();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (!this.closed) {
      this.closed = true;
      await this.release();
    }
  }
}

function recordBytes(at: PackAt): number {
  return at[1] + at[2] + at[3] + at[4];
}

function emptyIndex(fingerprint: string): Index {
  return { format: FORMAT, id: "", fingerprint, savedAt: 0, pack: "", packBytes: 0, entries: {} };
}

/**
 * The index as JSON, written entry by entry: one string for the whole index of a 50,000-bulletin
 * archive (and its UTF-8 copy) would take hundreds of MiB at the end of the build, its memory peak.
 */
function writeIndex(file: string, index: Index): void {
  const fd = openSync(file, "w");
  try {
    const { entries, ...head } = index;
    let chunk = `${asciiJson(head).slice(0, -1)},"entries":{`;
    let first = true;
    for (const [key, entry] of Object.entries(entries)) {
      chunk += `${first ? "" : ","}${asciiJson(key)}:${asciiJson(entry)}`;
      first = false;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, `${chunk}}}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The index and its changes are written as ASCII JSON (other characters as \\u escapes, 0.5% of an
 * archive's index): read back as latin1, 22 MB at 10,000 bulletins decode in about 12 ms instead of
 * about 75 ms for UTF-8. A file with any other byte was not written by this code and is refused.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function readAscii(file: string): string {
  const bytes = readFileSync(file);
  if (!isAscii(bytes)) throw new Error(`${file}: not ASCII`);
  return bytes.toString("latin1");
}

/** Compiled layouts (`compiledLayouts`). */
const LAYOUTS_FILE = "layouts.json";

/** After this many lines the next save rewrites the whole index. */
const MAX_CHANGE_LINES = 50;

/** The index file and the changes applied on top of it (a missing or damaged index throws). */
function readIndex(dir: string): Index {
  const parsed = JSON.parse(readAscii(path.join(dir, CACHE_INDEX_FILE))) as Index;
  applyChanges(parsed, path.join(dir, CHANGES_FILE));
  return parsed;
}

/**
 * The index this process last read or saved, while its files are untouched. A long-lived process (the
 * preview, `boletines serve`, builds again on every save) opens the cache again without reading and
 * parsing the index (~0.2 s and ~50 MB of short-lived objects at 10,000 bulletins). Kept only when
 * the object is exactly what reading the files would give: after a save that wrote nothing, or that
 * appended a changes line (applied here as `applyChanges` applies it); a save that rewrites the
 * index, or a build that does not save, leaves nothing. One folder's (the last kept). Taken by the
 * next `open` of that folder (a build changes its index as it goes), and used only if both files
 * still have the size, modification time and inode they had when it was kept: anything written to
 * them since, by any process, means reading them.
 */
let resident: { dir: string; fingerprint: string; stamps: string; index: Index } | undefined;

/** How this process's builds got the cache's index: read from its files, or kept in memory (for tests and timing). */
export const indexReads = { file: 0, memory: 0 };

function keepResident(dir: string, fingerprint: string, index: Index): void {
  resident = { dir, fingerprint, stamps: indexStamps(dir), index };
}

function takeResident(dir: string, fingerprint: string): Index | undefined {
  const kept = resident;
  if (kept?.dir !== dir) return undefined;
  resident = undefined;
  return kept.fingerprint === fingerprint && kept.stamps === indexStamps(dir) ? kept.index : undefined;
}

function indexStamps(dir: string): string {
  return cacheIndexFiles(dir)
    .map((file) => {
      try {
        const st = statSync(file, { bigint: true });
        return `${st.size}:${st.mtimeNs}:${st.ino}`;
      } catch {
        return "-";
      }
    })
    .join(" ");
}

interface Change {
  base: string;
  savedAt: number;
  packBytes: number;
  set: Record<string, Entry>;
  drop: string[];
}

/**
 * Applies the changes file to the index just read. A line for another index file (left by a build
 * killed between writing a new index and deleting the changes), a half-written line (a build killed
 * while appending), or a file with bytes this code does not write, stops there: that line and every
 * line after it are ignored, and the next save rewrites the whole index and deletes the changes file
 * (a line appended after a damaged one would be ignored too, and every later build would read again
 * the files it had learned about).
 */
function applyChanges(index: Index, file: string): void {
  let text: string;
  try {
    text = readAscii(file);
  } catch (error) {
    index.changeLines = (error as NodeJS.ErrnoException).code === "ENOENT" ? 0 : MAX_CHANGE_LINES;
    return;
  }
  let applied = 0;
  for (const line of text.split("\n")) {
    if (!line) continue;
    let change: Change | undefined;
    try {
      change = JSON.parse(line) as Change;
    } catch {
      change = undefined;
    }
    if (!change || change.base !== index.id || change.packBytes < index.packBytes) {
      applied = MAX_CHANGE_LINES;
      break;
    }
    applyChange(index, change);
    applied++;
  }
  index.changeLines = applied;
}

function applyChange(index: Index, change: Change): void {
  Object.assign(index.entries, change.set);
  for (const key of change.drop) delete index.entries[key];
  index.savedAt = change.savedAt;
  index.packBytes = change.packBytes;
}

function equalStamps(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}
