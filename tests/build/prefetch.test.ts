import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { writeGeneratedContent } from "./helpers.ts";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { BuildCache } from "../../src/build/cache.ts";
import { cacheIndexFiles } from "../../src/build/cache-files.ts";
import { parseForCache } from "../../src/build/parse-file.ts";
import { startPrefetch, type PrefetchedFile } from "../../src/build/prefetch.ts";
import { listContentFiles } from "../../src/model/load.ts";
import { findRelated, type RelatedSubject } from "../../src/render/related.ts";
import { makeImageExists } from "../../src/model/corpus.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

/**
 * The prefetch thread parses the files edited since the cache was saved (src/build/prefetch.ts), and
 * the cache takes such a parse only while the file is still as the thread saw it.
 */
let tmp: string;
const publicDir = path.join(PROJECT_ROOT, "public");
const hourAgo = new Date(Date.now() - 60 * 60 * 1000);

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "boletines-prefetch-"));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** content/ with `count` bulletins all dated an hour ago, and a cache folder saved half an hour ago. */
async function siteWithSavedCache(name: string, count: number) {
  const content = path.join(tmp, name, "content");
  const cacheDir = path.join(tmp, name, "cache");
  writeGeneratedContent(content, count, 11);
  const files = (await listContentFiles(content)).files;
  for (const f of files) utimesSync(f.absPath, hourAgo, hourAgo);
  mkdirSync(cacheDir, { recursive: true });
  const savedAt = new Date(Date.now() - 30 * 60 * 1000);
  for (const f of cacheIndexFiles(cacheDir)) {
    writeFileSync(f, "{}");
    utimesSync(f, savedAt, savedAt);
  }
  return { content, cacheDir, files };
}

async function prefetched(content: string, cacheDir: string): Promise<Map<string, PrefetchedFile> | undefined> {
  const prefetch = startPrefetch({ contentDir: content, outDir: path.join(tmp, "no-site"), parse: { site: DEFAULT_SITE, publicDir, savedFiles: cacheIndexFiles(cacheDir) } });
  try {
    await prefetch.listing;
    return await prefetch.parsed;
  } finally {
    await prefetch.close();
  }
}

test("the files edited since the cache was saved, and only those, are parsed by the prefetch thread as the main thread parses them", async () => {
  const { content, cacheDir, files } = await siteWithSavedCache("edited", 12);
  const edited = [files[2]!, files[7]!];
  for (const f of edited) writeFileSync(f.absPath, `${readFileSync(f.absPath, "utf8").trimEnd()}\n\nNota de la redacción: cifra corregida.\n`);
  const parsed = await prefetched(content, cacheDir);
  assert.deepEqual([...parsed!.keys()].sort(), edited.map((f) => f.relPath).sort());
  for (const f of edited) {
    const early = parsed!.get(f.relPath)!;
    const here = await parseForCache(f, DEFAULT_SITE, makeImageExists(publicDir));
    // The same bytes (a record crossing threads arrives as a Uint8Array, not a Buffer).
    const bytesAsBuffer = (p: typeof here) => ({ ...p, texts: p.texts && { ...p.texts, bytes: Buffer.from(p.texts.bytes) } });
    assert.deepEqual(bytesAsBuffer(early.parsed), bytesAsBuffer(here));
    // The edit is in the pack record (markdown, HTML and text, UTF-16LE).
    assert.match(Buffer.from(early.parsed.texts!.bytes).toString("utf16le"), /<p>Nota de la redacción: cifra corregida\.<\/p>/);
  }
});

test("no file is parsed ahead when none was edited, or when more than an edit's worth were (a pull: left to the file threads)", async () => {
  const quiet = await siteWithSavedCache("quiet", 5);
  assert.equal(await prefetched(quiet.content, quiet.cacheDir), undefined);
  const pulled = await siteWithSavedCache("pulled", 70);
  const now = new Date();
  for (const f of pulled.files) utimesSync(f.absPath, now, now);
  assert.equal(await prefetched(pulled.content, pulled.cacheDir), undefined);
});

test("the cache takes a prefetched parse only for a file whose stamp is still the one the thread saw", async () => {
  const { content, cacheDir } = await siteWithSavedCache("stamps", 3);
  const [first, second] = (await listContentFiles(content)).files;
  const cache = (await BuildCache.open(cacheDir, "prueba"))!;
  const ctx = { site: DEFAULT_SITE, imageExists: makeImageExists(publicDir) };
  // A parse that differs from the file on disk tells which one the cache used.
  const marked = async (file: typeof first) => {
    const parsed = await parseForCache(file!, DEFAULT_SITE, ctx.imageExists);
    parsed.result.bulletin!.title = "Título del hilo de lectura anticipada";
    return parsed;
  };
  const stampOf = (file: typeof first) => {
    const st = statSync(file!.absPath);
    return [st.size, st.mtimeMs, st.ino] as [number, number, number];
  };
  const stamp1 = stampOf(first);
  const stamp2 = stampOf(second);
  cache.usePrefetched(
    Promise.resolve(
      new Map<string, PrefetchedFile>([
        [first!.relPath, { stamp: stamp1, parsed: await marked(first) }],
        // Stamped otherwise than the file now is: edited again after the thread read it.
        [second!.relPath, { stamp: [stamp2[0], stamp2[1] - 1000, stamp2[2]], parsed: await marked(second) }],
      ]),
    ),
  );
  try {
    const a = await cache.loadFile({ ...first!, stamp: stamp1 }, ctx);
    const b = await cache.loadFile({ ...second!, stamp: stamp2 }, ctx);
    assert.equal(a.bulletin!.title, "Título del hilo de lectura anticipada");
    assert.notEqual(b.bulletin!.title, "Título del hilo de lectura anticipada");
    assert.equal(b.bulletin!.title, (await parseForCache(second!, DEFAULT_SITE, ctx.imageExists)).result.bulletin!.title);
  } finally {
    await cache.close();
  }
});

test("the prefetch thread finds the related bulletins the main thread would, once idle; after it is closed, the main thread finds them", async () => {
  const subjects: RelatedSubject[] = Array.from({ length: 400 }, (_, i) => ({
    id: `2024/boletín-${String(i).padStart(3, "0")}`,
    tags: [`t${i % 9}`, `t${(i * 5) % 13}`],
    section: `s${i % 3}`,
    epochMs: (400 - Math.floor(i / 2)) * 3_600_000,
  }));
  const prefetch = startPrefetch({ contentDir: path.join(tmp, "none"), outDir: path.join(tmp, "no-site") });
  try {
    await prefetch.generation;
    const there = await prefetch.related(subjects);
    assert.deepEqual(there, findRelated(subjects));
    assert.ok(there!.filter((r) => r.length === 3).length > 300, "most have three related bulletins");
  } finally {
    await prefetch.close();
  }
  assert.equal(await prefetch.related(subjects), undefined, "closed: answered undefined, found on the main thread");
});
