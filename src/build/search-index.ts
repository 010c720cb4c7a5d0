import { execFile } from "node:child_process";
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { outputFileFor } from "../policy/urls.ts";
import type { PostView } from "../render/views.ts";
import { sha1 } from "./digest.ts";
import { Folders, isPlainRelative, linkIfSame, sameStamp, type EarlierAdditions } from "./generations.ts";
import type { SiteFile } from "./pages.ts";

/**
 * The Pagefind search index, written into the site's generation *before* it is published
 * (generations.ts), so a published site never has a missing or stale index.
 *
 * - Pagefind reads only the pages it indexes: the published bulletins' pages (the ones carrying
 *   `data-pagefind-body`), hard-linked into a folder of their own. Run over the whole site it read
 *   every list page too, to find nothing in them: a quarter of its time at 10,000 bulletins.
 * - When every indexed page is as when an earlier index was made (same digests, under the same code
 *   fingerprint, which covers Pagefind's version through the lockfile), that index is used instead,
 *   once each of its files is checked to be as Pagefind wrote it: the one this generation already
 *   has (kept), or else the published generation's (hard-linked).
 *
 * Pagefind has no incremental mode, so any change to a bulletin's page indexes them all again; it
 * also holds the whole index in memory while it builds it (docs/benchmarks.md). One index per year
 * would bound both, but Pagefind answers a word missing from an index with the pages of its longest
 * prefix that is there (Pagefind issue #780: "queretaro" finds every page with "que"), so per-year
 * indexes merged in the browser would return such pages for every word of other years. A page
 * holding every word of the corpus in each index, left out of results by a filter, avoids that
 * (scripts/bench/search-shards.ts); not done yet (docs/benchmarks.md, session 9).
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

/** The index's folder in the site (not in the generation's manifest: described by its own record). */
export const SEARCH_INDEX_DIR = "pagefind";

/** A page to index: its output file (relative to the generation) and digest. */
export interface SearchPage {
  file: string;
  digest: string;
}

/** What a generation's manifest keeps of its search index: the digest of its pages, and its files (path, size, mtime). */
export interface SearchRecord {
  digest: string;
  files: Array<[file: string, size: number, mtimeMs: number]>;
}

/** The pages the index is made from: published bulletins (the only pages with `data-pagefind-body`). */
export function searchPages(posts: readonly PostView[], files: readonly SiteFile[]): SearchPage[] {
  const digestOf = new Map(files.map((f) => [f.file, f.digest]));
  return posts
    .filter((p) => p.status === "published")
    .map((p) => {
      const file = outputFileFor(p.url);
      const digest = digestOf.get(file);
      if (digest === undefined) throw new Error(`La página de ${p.url} no está entre los archivos del sitio.`);
      return { file, digest };
    });
}

export async function writeSearchIndex(
  dir: string,
  pages: readonly SearchPage[],
  earlier: EarlierAdditions = {},
): Promise<{ pages: number; reused: boolean; record: SearchRecord }> {
  const out = path.join(dir, SEARCH_INDEX_DIR);
  const digest = sha1(
    pages
      .map((p) => `${p.file}\0${p.digest}`)
      .sort()
      .join("\n"),
  );
  /** An index of these very pages: this generation's own, kept, or the published one's, linked. */
  const earlierIndex = (): SearchRecord["files"] | undefined => {
    const mine = asSearchRecord(earlier.own);
    if (mine?.digest === digest && isIntact(out, mine.files)) return mine.files;
    rmSync(out, { recursive: true, force: true });
    const published = earlier.published;
    const theirs = asSearchRecord(published?.added);
    if (published && theirs?.digest === digest && linkIndex(path.join(published.dir, SEARCH_INDEX_DIR), out, theirs.files)) return theirs.files;
    return undefined;
  };
  let files = earlierIndex();
  const reused = files !== undefined;
  if (!files) {
    await runPagefind(dir, pages, out);
    files = stampsOf(out);
  }
  // Checked, not assumed: a site whose search cannot load its index, or misses pages, must not be published.
  const count = pageCount(out);
  if (pages.length && count !== pages.length) throw new Error(`El índice de búsqueda tiene ${count} páginas y debía tener ${pages.length}.`);
  return { pages: pages.length, reused, record: { digest, files } };
}

/**
 * Runs Pagefind over a folder holding only the pages to index (hard links to the generation's files,
 * beside the generation: a `trash-` name, so a build killed meanwhile leaves it to be swept).
 */
async function runPagefind(dir: string, pages: readonly SearchPage[], out: string): Promise<void> {
  const only = path.join(path.dirname(dir), `trash-search-${process.pid}`);
  rmSync(only, { recursive: true, force: true });
  try {
    mkdirSync(only);
    const folders = new Folders(only);
    for (const page of pages) {
      const to = path.join(only, page.file);
      folders.ensure(path.dirname(to));
      linkOrCopy(path.join(dir, page.file), to);
    }
    // Pagefind cannot make an index of no page: with no bulletin published yet, it indexes the whole
    // site (every page, no page having data-pagefind-body), so the search page still loads an index.
    await promisify(execFile)(process.execPath, [PAGEFIND_BIN, "--site", pages.length ? only : dir, "--output-path", out], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`Pagefind no pudo crear el índice de búsqueda: ${(e.stderr || e.stdout || e.message).trim().split("\n").slice(-3).join(" ")}`);
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
function linkIndex(from: string, to: string, files: SearchRecord["files"]): boolean {
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
function isIntact(index: string, files: SearchRecord["files"]): boolean {
  try {
    const present = new Set(filesOf(index));
    return present.size === files.length && files.every((recorded) => present.has(recorded[0]) && sameStamp(path.join(index, recorded[0]), recorded));
  } catch {
    return false;
  }
}

/** Every file of an index, as written: relative path, size, modification time (sorted by path). */
function stampsOf(index: string): SearchRecord["files"] {
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

/** A manifest's record of its search index, if it is one (anything else: nothing to reuse). */
function asSearchRecord(value: unknown): SearchRecord | undefined {
  const r = value as Partial<SearchRecord> | undefined;
  return typeof r?.digest === "string" && Array.isArray(r.files) ? (r as SearchRecord) : undefined;
}
