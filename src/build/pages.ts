import { createHash } from "node:crypto";
import { closeSync, copyFileSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import type { Bulletin } from "../model/bulletin.ts";
import { ELEVENTY_DIRS, NUNJUCKS_OPTIONS } from "../eleventy/configure.ts";
import { outputFileFor } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import type { ListPage, PostView, RedirectStub, SiteData } from "../render/views.ts";

/**
 * The bulk pages (one per bulletin, every paginated list, every redirect stub) rendered straight
 * through the layouts the `.11ty.ts` page definitions name, with Eleventy's Nunjucks settings,
 * instead of one Eleventy pagination entry per page: at thousands of pages Eleventy's per-page
 * bookkeeping costs more than the rendering (docs/benchmarks.md). A test renders the same site
 * both ways and compares the bytes.
 *
 * Each page has a digest of everything its layout reads; a page whose digest equals the one
 * recorded for the previous site is hard-linked from it instead of rendered again. The digest
 * covers the page's own data; code, layouts and settings are covered by the manifest's fingerprint.
 * Bulk layouts therefore see only `site`, `preview`, the layout globals of `boletines` (assets and the
 * CSP, folded into the fingerprint by the build) and their own item (`post`, `list`, `redirect`).
 */
export interface NunjucksLike {
  render(name: string, context: object): string;
}

/** Nunjucks over layouts/, configured as Eleventy configures its own (src/eleventy/configure.ts). */
export function layoutEnvironment(): NunjucksLike {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const layouts = path.resolve(root, ELEVENTY_DIRS.input, ELEVENTY_DIRS.includes);
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(layouts), { ...NUNJUCKS_OPTIONS });
}

export interface BulkPage {
  /** Output file, relative to the output folder. */
  file: string;
  layout: string;
  item: { post: PostView } | { list: ListPage } | { redirect: RedirectStub };
  digest: string;
}

/** What the previous build wrote: file → [digest, size, mtimeMs]. */
export interface PageManifest {
  fingerprint: string;
  /** Inode of the output folder the manifest describes (the folder is swapped in whole). */
  outIno: number;
  files: Record<string, [string, number, number]>;
}

/**
 * The bulk pages of a site, with digests. `bodyKey` names a body's content cheaply (the cache's hash
 * of the file); without it the HTML itself is hashed.
 */
export function bulkPages(data: SiteData, bodyKey?: (b: Bulletin) => string | undefined): BulkPage[] {
  const postDigests = new Map<object, string>();
  const pages: BulkPage[] = [];
  for (const post of data.posts) {
    const hash = createHash("sha1");
    // Everything but the HTML (named by `bodyKey` instead, or hashed below) and the markdown it comes from;
    // `html` may be a getter that reads the cache, so it is not even read here.
    const shallow: Record<string, unknown> = {};
    for (const k of Object.keys(post)) if (k !== "html") shallow[k] = post[k as keyof PostView];
    hash.update(
      JSON.stringify(shallow, function (this: unknown, key: string, value: unknown) {
        return key === "body" && this === post.bulletin ? undefined : value;
      }),
    );
    const key = bodyKey?.(post.bulletin);
    hash.update(key ? `\0${key}` : `\0${post.html}`);
    const digest = hash.digest("hex");
    postDigests.set(post, digest);
    pages.push({ file: outputFileFor(post.url), layout: "bulletin.njk", item: { post }, digest });
  }
  const replacer = (_key: string, value: unknown) => (value !== null && typeof value === "object" && postDigests.has(value) ? postDigests.get(value) : value);
  for (const list of data.listPages) {
    pages.push({ file: outputFileFor(list.url), layout: "list.njk", item: { list }, digest: sha1(JSON.stringify(list, replacer)) });
  }
  for (const redirect of data.redirects) {
    if (!redirect.writesStub) continue;
    pages.push({ file: outputFileFor(redirect.from), layout: "redirect.njk", item: { redirect }, digest: sha1(JSON.stringify(redirect)) });
  }
  return pages;
}

/** The data Eleventy renders itself: everything but the bulk pages. */
export function withoutBulkPages(data: SiteData): SiteData {
  return { ...data, posts: [], listPages: [], redirects: [] };
}

export interface WriteResult {
  rendered: number;
  linked: number;
  manifest: PageManifest["files"];
}

/**
 * Writes the bulk pages into `workDir`: hard-linked from `previous` when the digest, size and
 * modification time match the manifest, rendered otherwise.
 */
export function writeBulkPages(
  pages: readonly BulkPage[],
  env: NunjucksLike,
  context: { site: SiteConfig; preview: boolean; boletines: Pick<SiteData, "assets" | "metaContentSecurityPolicy"> },
  workDir: string,
  previous?: { dir: string; files: PageManifest["files"] },
): WriteResult {
  const root = path.resolve(workDir);
  const made = new Set<string>();
  mkdirSync(root, { recursive: true });
  const files: PageManifest["files"] = {};
  let rendered = 0;
  let linked = 0;
  for (const page of pages) {
    const target = path.resolve(root, page.file);
    // Paths come from validated site paths; checked again because nothing may land outside the output.
    if (!target.startsWith(root + path.sep)) throw new Error(`Ruta de salida fuera de la carpeta: ${page.file}`);
    ensureDir(path.dirname(target), root, made);
    const before = previous?.files[page.file];
    if (previous && before && before[0] === page.digest && reuse(path.join(previous.dir, page.file), target, before)) {
      files[page.file] = before;
      linked++;
      continue;
    }
    const fd = openSync(target, "w");
    try {
      writeSync(fd, env.render(page.layout, { ...context, ...page.item }));
      const st = fstatSync(fd);
      files[page.file] = [page.digest, st.size, st.mtimeMs];
    } finally {
      closeSync(fd);
    }
    rendered++;
  }
  return { rendered, linked, manifest: files };
}

/** One mkdir per new folder (a recursive mkdir would probe every level of every page's path). */
function ensureDir(dir: string, root: string, made: Set<string>): void {
  if (made.has(dir) || dir === root) return;
  ensureDir(path.dirname(dir), root, made);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  made.add(dir);
}

function reuse(from: string, to: string, [, size, mtimeMs]: [string, number, number]): boolean {
  try {
    const st = lstatSync(from);
    if (!st.isFile() || st.size !== size || st.mtimeMs !== mtimeMs) return false;
    try {
      linkSync(from, to);
    } catch {
      // File systems without hard links: a copy keeps the same bytes (and then its own mtime is not
      // the recorded one, so the manifest entry is refreshed below by the caller's next build).
      copyFileSync(from, to);
    }
    return true;
  } catch {
    return false;
  }
}

export function readManifest(file: string): PageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PageManifest;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, manifest: PageManifest): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, file);
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
