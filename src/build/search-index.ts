import { execFile } from "node:child_process";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { outputFileFor, PATHS, WORDS_INDEX } from "../policy/urls.ts";
import { hasWordsIndex, newestShardFirst, searchShardOf, searchShardPlan } from "../render/site-data.ts";
import type { PostView } from "../render/views.ts";
import { sha1 } from "./digest.ts";
import { backportEmptySearchFix } from "./pagefind-backport.ts";
import { Folders, isPlainRelative, linkIfSame, sameStamp, type EarlierAdditions } from "./generations.ts";
import type { SiteFile } from "./pages.ts";
import { readIndexedPage, wordsPage, type Facets, type IndexedPage, type PageWordsJob, type PageWordsReply } from "./search-words.ts";
import { WorkerPool } from "./threads.ts";

/**
 * The Pagefind search indexes, one per year (or part of a year) and one of which words each has,
 * written into the site's generation *before* it is published (generations.ts), so a published site never has a
 * missing or stale index.
 *
 * - One index per year of the published bulletins (`/pagefind/2024/`…), or per part of whole months
 *   of a year larger than the site's `searchIndexPages` (`/pagefind/2024-07/`; render/site-data.ts
 *   `searchShardPlan`). Pagefind has no incremental mode and holds a whole index in memory while it
 *   makes it: one index for the site took 2.0 GB and ~20 s at 10,000 bulletins, and everything again
 *   after any edit. Per year (or part), an edit makes only its index again, and memory is one index's.
 * - The words index (`/pagefind/palabras/`, with two indexes or more): one page per index holding
 *   every word of that index's pages, and their sections and tags as filters (search-words.ts). The
 *   browser searches it first and then only the indexes it names, merged (`mergeIndex`,
 *   public/js/search.js), so no index is asked for a word it lacks, nor downloaded for a section or
 *   tag it lacks (Pagefind's longest-prefix fallback, issue #780, would answer it with unrelated
 *   pages). It is made again when an index's set of words, sections or tags changes: a few pages,
 *   about a second.
 * - Pagefind reads only the pages it indexes: the index's published bulletins (the pages carrying
 *   `data-pagefind-body`), hard-linked into a folder of their own.
 * - An index whose pages are as when an earlier one was made (same digests, under the same code
 *   fingerprint, which covers Pagefind's version through the lockfile) is kept, once each of its
 *   files is checked to be as Pagefind wrote it: the one this generation already has (kept), or
 *   else the published generation's (hard-linked).
 * - The words of each index are kept in the build cache by the digest of its pages: the words index
 *   is made without reading the other indexes' pages again.
 *
 * Pagefind's own command runs as a child process rather than through its Node API: with the API,
 * builds running side by side sometimes left an empty `pagefind-entry.json` (search then fails in
 * the browser), and the command was also about twice as fast at 10,000 bulletins.
 *
 * Known exception to byte-identical builds: Pagefind 1.5 writes its filter and metadata files from
 * hash maps, so their bytes (and hashed names) vary between runs even for the same pages
 * (Pagefind issue #638; its fragments are stable since 1.3). Search results do not change.
 */
// The package's `exports` hide its runner (the `pagefind` command), so it is found beside the entry point.
const PAGEFIND_BIN = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner/bin.cjs");

/** The indexes' folder in the site (not in the generation's manifest: described by its own record). */
export const SEARCH_INDEX_DIR = PATHS.searchIndexes.slice(1, -1);
/** The build cache's folder for each index's words. */
export const SEARCH_WORDS_DIR = "search-words";
/**
 * Two Pagefind commands run at once only while every index to make is this small: Pagefind holds
 * about 0.2 MB per page while it works (1,000 MiB for a year of 5,000 bulletins, docs/benchmarks.md),
 * and two large indexes at once, with the build's own memory, would pass 2 GiB (a site's
 * `searchIndexPages` above this would make them).
 */
const PARALLEL_MAX_PAGES = 2500;
/** Pages to read from which two threads read them: starting them costs ~0.2 s (an edit reads a page or two). */
const READ_THREADS_FROM = 2000;
/** Files Pagefind writes for its own search interfaces, which the site does not use. */
const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
/**
 * Bumped when search-words.ts changes what it finds in a page: the cached words are then not used,
 * and the words index is made again (an index kept from an earlier build keeps its record's digest
 * of its words, found the earlier way). 2: metadata words (the lead picture's `alt`), no other `alt`.
 * 3: the attributes an element asks Pagefind to index (body pictures' `alt`).
 */
const WORDS_FORMAT = "3";
/** The label of the words index in messages. */
const WORDS_LABEL = "las palabras, secciones y temas de cada índice";

/** A page to index: its output file (relative to the generation), digest, index (its year, or part of its year) and filter values. */
export interface SearchPage {
  file: string;
  digest: string;
  shard: string;
  /** The values of its section and tag filters, as the page gives them to Pagefind (`data-pagefind-filter`). */
  section: string;
  tags: readonly string[];
}

type Stamps = Array<[file: string, size: number, mtimeMs: number]>;

/** What a generation's manifest keeps of one index (a year or part): digests of its pages and of its words, sections and tags, and its files (path, size, mtime). */
export interface ShardRecord {
  name: string;
  pages: string;
  words: string;
  files: Stamps;
}

/** What a generation's manifest keeps of the words index: the digest of every index's words, sections and tags, and its files. */
export interface WordsRecord {
  digest: string;
  files: Stamps;
}

/** What a generation's manifest keeps of its search indexes: newest first, and the words index (none with one index). */
export interface SearchRecord {
  shards: ShardRecord[];
  words: WordsRecord | null;
}

export interface SearchIndexOptions {
  /** The site's language (`<html lang>`), for the words index's pages: Pagefind keeps one index per language. */
  lang: string;
  /** A folder of the build cache for each index's words; without it, they are read from the pages. */
  wordsDir?: string;
  /** What the pages' digests assume (build.ts `digestsValidFor`). */
  validFor: string;
  /** How many Pagefind commands run at once (by default two, or one when an index is large: PARALLEL_MAX_PAGES). */
  concurrency?: number;
  /** Pages to read (not known from the cache) from which words threads read them (READ_THREADS_FROM; tests set 0). */
  threadsFrom?: number;
}

/**
 * The pages the indexes are made from: published bulletins (the only pages with `data-pagefind-body`),
 * each in its year's index or its year's part (`maxPages`: the site's `searchIndexPages`).
 */
export function searchPages(posts: readonly PostView[], files: readonly SiteFile[], maxPages: number): SearchPage[] {
  const digestOf = new Map(files.map((f) => [f.file, f.digest]));
  const published = posts.filter((p) => p.status === "published");
  const plan = searchShardPlan(published, maxPages);
  return published.map((p) => {
    const file = outputFileFor(p.url);
    const digest = digestOf.get(file);
    if (digest === undefined) throw new Error(`La página de ${p.url} no está entre los archivos del sitio.`);
    return { file, digest, shard: searchShardOf(p, plan), section: p.section.label, tags: p.tags.map((t) => t.label) };
  });
}

interface Shard {
  name: string;
  pages: SearchPage[];
  /** Digest of its pages (paths and digests). */
  digest: string;
}

/** Pagefind's work for one index: the pages it links in, pages it writes, and what is recorded once it is made. */
interface Job {
  name: string;
  label: string;
  linked: readonly SearchPage[];
  written: ReadonlyArray<[file: string, html: string]>;
  done(files: Stamps): void;
}

export async function writeSearchIndex(
  dir: string,
  pages: readonly SearchPage[],
  earlier: EarlierAdditions,
  options: SearchIndexOptions,
): Promise<{ pages: number; shards: number; rebuilt: number; record: SearchRecord }> {
  const out = path.join(dir, SEARCH_INDEX_DIR);
  const parts = new IndexedParts(dir, options.wordsDir, options.validFor);
  const shards = await shardsOf(pages, parts, options.threadsFrom ?? READ_THREADS_FROM);
  const own = asSearchRecord(earlier.own);
  const published = earlier.published ? asSearchRecord(earlier.published.added) : undefined;
  const publishedDir = earlier.published ? path.join(earlier.published.dir, SEARCH_INDEX_DIR) : undefined;

  mkdirSync(out, { recursive: true });
  // Anything in the folder but this build's indexes (a year with no bulletin left, a part no more, a file put there by hand) goes.
  const withWords = hasWordsIndex(shards.length);
  const names = new Set([...shards.map((s) => s.name), ...(withWords ? [WORDS_INDEX] : [])]);
  for (const entry of readdirSync(out)) if (!names.has(entry)) rmSync(path.join(out, entry), { recursive: true, force: true });

  // Sections and tags of an index, gathered once and only for an index or words index made again.
  const facets = new Map<string, Facets>();
  const facetsOfShard = (shard: Shard): Facets => {
    let found = facets.get(shard.name);
    if (!found) facets.set(shard.name, (found = facetsOf(shard.pages)));
    return found;
  };
  const records = new Map<string, ShardRecord>();
  /** Each index's words digest: from its record when the index is kept, else from its words. */
  const wordDigests = new Map<string, string>();
  const jobs: Job[] = [];
  for (const shard of shards) {
    const matches = (r: SearchRecord | undefined) => r?.shards.find((x) => x.name === shard.name && x.pages === shard.digest);
    const kept = reuse(path.join(out, shard.name), matches(own), matches(published), publishedDir && path.join(publishedDir, shard.name));
    if (kept) {
      records.set(shard.name, kept);
      wordDigests.set(shard.name, kept.words);
      continue;
    }
    const words = wordsDigest(parts.wordsOf(shard), facetsOfShard(shard));
    wordDigests.set(shard.name, words);
    jobs.push({
      name: shard.name,
      label: shard.name,
      linked: shard.pages,
      written: [],
      done: (files) => records.set(shard.name, { name: shard.name, pages: shard.digest, words, files }),
    });
  }
  const shardJobs = jobs.length;
  // The words index changes with any index's words, sections or tags (one that comes or goes), not with every edit.
  let words: WordsRecord | null = null;
  if (withWords) {
    const digest = sha1(`${WORDS_FORMAT}\n${shards.map((s) => `${s.name}\0${wordDigests.get(s.name)!}`).join("\n")}`);
    const matches = (r: SearchRecord | undefined) => (r?.words?.digest === digest ? r.words : undefined);
    words = reuse(path.join(out, WORDS_INDEX), matches(own), matches(published), publishedDir && path.join(publishedDir, WORDS_INDEX)) ?? null;
    if (!words) {
      // First: a few pages, done while the other command makes another index.
      jobs.unshift({
        name: WORDS_INDEX,
        label: WORDS_LABEL,
        linked: [],
        written: shards.map((s) => [`${s.name}/index.html`, wordsPage(s.name, sortedWords(parts.wordsOf(s)), facetsOfShard(s), options.lang)]),
        done: (files) => (words = { digest, files }),
      });
    }
  }
  const lanes = options.concurrency ?? (jobs.every((j) => j.linked.length <= PARALLEL_MAX_PAGES) ? 2 : 1);
  await inParallel(jobs, lanes, (job) => runPagefind(dir, job, path.join(out, job.name)));
  // Checked, not assumed: a site whose search cannot load an index, or misses pages, must not be published.
  for (const shard of shards) checkPageCount(path.join(out, shard.name), shard.name, shard.pages.length);
  if (withWords) checkPageCount(path.join(out, WORDS_INDEX), WORDS_LABEL, shards.length);
  parts.save(shards);
  return {
    pages: pages.length,
    shards: shards.length,
    rebuilt: shardJobs,
    record: { shards: shards.map((s) => records.get(s.name)!), words },
  };
}

/**
 * An earlier index whose record matches: the one this generation already has, if every file is as
 * recorded; else the published generation's, hard-linked after the same check; else none (and the
 * folder is left empty for Pagefind).
 */
function reuse<R extends { files: Stamps }>(target: string, mine: R | undefined, theirs: R | undefined, theirsDir: string | undefined): R | undefined {
  if (mine && isIntact(target, mine.files)) return mine;
  rmSync(target, { recursive: true, force: true });
  if (theirs && theirsDir && linkIndex(theirsDir, target, theirs.files)) return theirs;
  return undefined;
}

function sortedWords(words: readonly string[]): string[] {
  return [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The digest of an index's set of words and filter values: it changes only when a word or a value comes or goes. */
function wordsDigest(words: readonly string[], facets: Facets): string {
  return sha1(`${sortedWords(words).join("\n")}\0${facets.sections.join("\n")}\0${facets.tags.join("\n")}`);
}

/** Every section and tag of an index's pages, each once, sorted. */
function facetsOf(pages: readonly SearchPage[]): Facets {
  const sections = new Set<string>();
  const tags = new Set<string>();
  for (const page of pages) {
    sections.add(page.section);
    for (const tag of page.tags) tags.add(tag);
  }
  return { sections: sortedWords([...sections]), tags: sortedWords([...tags]) };
}

function checkPageCount(index: string, label: string, expected: number): void {
  const count = pageCount(index);
  if (count !== expected) throw new Error(`El índice de búsqueda de ${label} tiene ${count} páginas y debía tener ${expected}.`);
}

/** Pages grouped by index, newest first (the order the browser merges them in), each with the digest of what Pagefind reads of its pages. */
async function shardsOf(pages: readonly SearchPage[], parts: IndexedParts, threadsFrom: number): Promise<Shard[]> {
  const byName = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const list = byName.get(page.shard);
    if (list) list.push(page);
    else byName.set(page.shard, [page]);
  }
  parts.useThreadsFor(pages, threadsFrom);
  try {
    const shards: Shard[] = [];
    for (const [name, list] of [...byName].sort(([a], [b]) => newestShardFirst(a, b))) {
      shards.push({ name, pages: list, digest: await parts.digestOf(list) });
    }
    return shards;
  } finally {
    await parts.close();
  }
}

/**
 * What Pagefind reads of each page (search-words.ts `indexedPart`), known by its digest, and each
 * index's words. A page's related links or neighbours change its bytes, not what is indexed: an
 * index is made again only when the indexed part of one of its pages changed. Both are kept in the
 * build cache (the digest of each page's indexed part by the page's digest; the words of an index by
 * the digest of its pages), so an edit reads only the pages that changed.
 */
class IndexedParts {
  private readonly known: Record<string, string>;
  private readonly seen = new Map<string, string>();
  /** Words of the indexes whose pages this build read (by the index's digest). */
  private readonly found = new Map<string, string[]>();
  private changed = false;
  private threads: WordsThreads | undefined;

  constructor(
    private readonly dir: string,
    private readonly cacheDir: string | undefined,
    /** What page digests assume (code, layouts, settings): under another, the same digest may be other bytes. */
    private readonly validFor: string,
  ) {
    const saved = this.cacheDir ? readJson(path.join(this.cacheDir, PARTS_FILE)) : undefined;
    this.known = saved?.validFor === validFor && saved.parts && typeof saved.parts === "object" ? (saved.parts as Record<string, string>) : {};
  }

  /**
   * The digest of what Pagefind reads of an index's pages. An index with a page read (new or
   * changed) has its words found at once, from the pages just read: only their words are kept, and
   * only until the next index. With many pages to read (a first index, or its cache lost), words
   * threads read them: two cores, and the garbage of reading 50,000 pages (its heap grew to 1.3 GB
   * on the main thread) goes with the threads.
   */
  async digestOf(pages: readonly SearchPage[]): Promise<string> {
    const unread = pages.filter((page) => this.known[page.digest] === undefined);
    const files = unread.map((page) => path.join(this.dir, page.file));
    const found = this.threads ? await this.threads.readAll(files) : files.map(readIndexedPage);
    const read = new Map(unread.map((page, i) => [page.file, found[i]!]));
    if (unread.length) this.changed = true;
    const lines = pages.map((page) => {
      const digest = this.known[page.digest] ?? read.get(page.file)!.digest;
      this.seen.set(page.digest, digest);
      return `${page.file}\0${digest}`;
    });
    const digest = sha1(lines.sort().join("\n"));
    const file = this.wordsFile(digest);
    if (read.size && !(file && existsSync(file))) this.found.set(digest, this.readWords(pages, read));
    return digest;
  }

  /** Starts words threads when at least `threshold` pages of these are to be read. */
  useThreadsFor(pages: readonly SearchPage[], threshold: number): void {
    const unread = pages.reduce((n, page) => n + (this.known[page.digest] === undefined ? 1 : 0), 0);
    if (unread > 0 && unread >= threshold) this.threads = new WordsThreads();
  }

  async close(): Promise<void> {
    await this.threads?.close();
    this.threads = undefined;
  }

  /** An index's words: found by this build, or cached, or else read from its pages (and cached). */
  wordsOf(shard: Shard): string[] {
    const found = this.found.get(shard.digest);
    if (found) return found;
    const cached = this.cached(shard.digest);
    if (cached) return cached;
    const words = this.readWords(shard.pages, new Map());
    this.found.set(shard.digest, words);
    return words;
  }

  private wordsFile(digest: string): string | undefined {
    return this.cacheDir ? path.join(this.cacheDir, `${sha1(`${WORDS_FORMAT}\0${digest}`)}.txt`) : undefined;
  }

  private cached(digest: string): string[] | undefined {
    const file = this.wordsFile(digest);
    if (!file) return undefined;
    try {
      const text = readFileSync(file, "utf8");
      return text ? text.split("\n") : [];
    } catch {
      return undefined; // Not cached yet, or the cache was deleted.
    }
  }

  private readWords(pages: readonly SearchPage[], read: ReadonlyMap<string, IndexedPage>): string[] {
    const words = new Set<string>();
    for (const page of pages) {
      for (const w of (read.get(page.file) ?? readIndexedPage(path.join(this.dir, page.file))).words) words.add(w);
    }
    return [...words];
  }

  /** Keeps what this build used: the digests of its pages' parts and its indexes' words (nothing else). */
  save(shards: readonly Shard[]): void {
    if (!this.cacheDir) return;
    if (this.changed || this.seen.size !== Object.keys(this.known).length) {
      writeAtomically(path.join(this.cacheDir, PARTS_FILE), JSON.stringify({ validFor: this.validFor, parts: Object.fromEntries(this.seen) }));
    }
    for (const shard of shards) {
      const words = this.found.get(shard.digest);
      if (words) writeAtomically(this.wordsFile(shard.digest)!, words.join("\n"));
    }
    const keep = new Set([PARTS_FILE, ...shards.map((s) => path.basename(this.wordsFile(s.digest)!))]);
    if (!existsSync(this.cacheDir)) return;
    for (const file of readdirSync(this.cacheDir)) if (!keep.has(file)) rmSync(path.join(this.cacheDir, file), { force: true });
  }
}

const PARTS_FILE = "paginas.json";

/** Pages sent to a words thread at once: a message costs ~40 µs, a page ~0.3 ms. */
const PAGES_PER_JOB = 100;

/** Two threads reading pages for IndexedParts (search-words-worker.ts). */
class WordsThreads {
  private readonly pool = new WorkerPool<PageWordsJob, PageWordsReply>("search-words-worker", null, 2, {
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
  });

  /** Each file's digest and words, in order. */
  async readAll(files: readonly string[]): Promise<IndexedPage[]> {
    const jobs: Array<Promise<PageWordsReply>> = [];
    for (let at = 0; at < files.length; at += PAGES_PER_JOB) jobs.push(this.pool.run({ files: files.slice(at, at + PAGES_PER_JOB) }));
    return (await Promise.all(jobs)).flatMap((reply) => reply.pages);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function readJson(file: string): { validFor?: unknown; parts?: unknown } | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Runs `work` on every item, at most `limit` at a time; the first failure is thrown once all have ended. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failures.length) throw failures[0];
}

/**
 * Runs Pagefind over a folder holding only the index's pages (hard links to the generation's files,
 * and the pages written for it), beside the generation: a `trash-` name, so a build killed meanwhile
 * leaves it to be swept.
 */
async function runPagefind(dir: string, job: Job, out: string): Promise<void> {
  const only = path.join(path.dirname(dir), `trash-search-${process.pid}-${job.name}`);
  rmSync(only, { recursive: true, force: true });
  try {
    mkdirSync(only);
    const folders = new Folders(only);
    for (const page of job.linked) {
      const to = path.join(only, page.file);
      folders.ensure(path.dirname(to));
      linkOrCopy(path.join(dir, page.file), to);
    }
    for (const [file, html] of job.written) {
      const to = path.join(only, file);
      folders.ensure(path.dirname(to));
      writeFileSync(to, html);
    }
    await promisify(execFile)(process.execPath, [PAGEFIND_BIN, "--site", only, "--output-path", out], { maxBuffer: 64 * 1024 * 1024 });
    // Pagefind's ready-made interfaces (about 420 KB an index): search.js uses its JavaScript API only.
    for (const file of readdirSync(out)) if (UNUSED_UI.test(file)) rmSync(path.join(out, file));
    backportEmptySearchFix(out);
    job.done(stampsOf(out));
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`Pagefind no pudo crear el índice de búsqueda de ${job.label}: ${(e.stderr || e.stdout || e.message).trim().split("\n").slice(-3).join(" ")}`);
  } finally {
    rmSync(only, { recursive: true, force: true });
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    // File systems without hard links: a copy has the same bytes.
    copyFileSync(from, to);
  }
}

/** Links every recorded file of the published index into `to`, if each is still as recorded; false (and nothing left) otherwise. */
function linkIndex(from: string, to: string, files: Stamps): boolean {
  try {
    mkdirSync(to);
    const folders = new Folders(to);
    for (const recorded of files) {
      // Read from a manifest file: never followed outside the two indexes.
      if (!isPlainRelative(recorded[0])) throw new Error("not a plain path");
      const target = path.join(to, recorded[0]);
      folders.ensure(path.dirname(target));
      if (!linkIfSame(path.join(from, recorded[0]), target, recorded)) throw new Error("changed");
    }
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}

/** The index in `index` has exactly the recorded files, each as recorded (nothing edited, added or removed by hand). */
function isIntact(index: string, files: Stamps): boolean {
  try {
    const present = new Set(filesOf(index));
    return present.size === files.length && files.every((recorded) => present.has(recorded[0]) && sameStamp(path.join(index, recorded[0]), recorded));
  } catch {
    return false;
  }
}

/** Every file of an index, as written: relative path, size, modification time (sorted by path). */
function stampsOf(index: string): Stamps {
  return filesOf(index)
    .sort()
    .map((file) => {
      const st = lstatSync(path.join(index, file));
      return [file, st.size, st.mtimeMs];
    });
}

/** Relative paths (with `/`) of everything in a folder but folders: a link or other special file is listed too, and fails any stamp check. */
function filesOf(index: string): string[] {
  return readdirSync(index, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(index, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

function pageCount(index: string): number {
  const entry = JSON.parse(readFileSync(path.join(index, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** A manifest's record of its search indexes, if it is one (anything else, such as an older format: nothing to reuse). */
function asSearchRecord(value: unknown): SearchRecord | undefined {
  const r = value as Partial<SearchRecord> | undefined;
  const valid = (x: Partial<ShardRecord>) => typeof x.name === "string" && typeof x.pages === "string" && typeof x.words === "string" && Array.isArray(x.files);
  const validWords = (x: Partial<WordsRecord> | null | undefined) => x === null || (typeof x?.digest === "string" && Array.isArray(x.files));
  return Array.isArray(r?.shards) && r.shards.every(valid) && validWords(r.words) ? (r as SearchRecord) : undefined;
}
