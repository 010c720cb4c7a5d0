import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { buildFixture, tempDir } from "./helpers.ts";
import type { BuildResult } from "../../src/build/build.ts";
import { SEARCH_WORDS_DIR } from "../../src/build/search-index.ts";
import { indexedWords, VOCABULARY_FILTER } from "../../src/build/search-words.ts";

/**
 * The search indexes (src/build/search-index.ts): one per year, made by Pagefind from that year's
 * published bulletins' pages and a vocabulary page (src/build/search-words.ts), each reused from
 * the published site, hard-linked, while neither its pages nor its vocabulary changed.
 */
let tmp: string;
let content: string;
let out: string;
let cache: string;

/** Three years, two bulletins each; «quetzal» only in 2023, «querella» only in 2024. */
const BULLETINS: Array<[file: string, title: string, body: string]> = [
  ["2023/2023-03-01-uno.md", "Uno de 2023", "El IMSS informó que el quetzal volvió a la reserva."],
  ["2023/2023-07-01-dos.md", "Dos de 2023", "Las unidades de medicina familiar atienden sin cita."],
  ["2024/2024-03-01-tres.md", "Tres de 2024", "Una querella fue atendida por la delegación."],
  ["2024/2024-07-01-cuatro.md", "Cuatro de 2024", "El **Instituto** amplió horarios en Querétaro, dijo que sí."],
  ["2025/2025-03-01-cinco.md", "Cinco de 2025", "Campaña de vacunación: «sarampión», rubéola (SR) y más."],
  ["2025/2025-07-01-seis.md", "Seis de 2025", "La derechohabiencia puede acudir a su UMF con su cartilla."],
];

function writeBulletin(file: string, title: string, body: string): void {
  const date = `${file.slice(5, 15)}T10:00:00-06:00`;
  const full = path.join(content, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, `---\ntitle: "${title}"\ndate: ${date}\nsection: Nacional\ntags:\n  - salud\n---\n\n${body}\n`);
}

before(async () => {
  tmp = await tempDir("boletines-search-");
  content = path.join(tmp, "content");
  for (const [file, title, body] of BULLETINS) writeBulletin(file, title, body);
  out = path.join(tmp, "site");
  cache = path.join(tmp, "cache");
});
after(() => rmSync(tmp, { recursive: true, force: true }));

async function build(): Promise<Extract<BuildResult, { ok: true }>> {
  const { result } = await buildFixture(content, { outDir: out, cacheDir: cache, search: true });
  assert.ok(result.ok, result.ok ? "" : `${result.fatal ?? ""}`);
  return result;
}

const YEARS = ["2023", "2024", "2025"];

/** Files of the published indexes, with their inodes. */
function indexFiles(): Map<string, number> {
  const dir = path.join(realpathSync(out), "pagefind");
  const files = new Map<string, number>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), statSync(path.join(e.parentPath, e.name)).ino);
  }
  return files;
}

/** A year's indexed pages as Pagefind stored them (its fragments: gzip, a signature, then JSON). */
function fragments(year: string): Array<{ url: string; content: string; filters: Record<string, string[]> }> {
  const dir = path.join(realpathSync(out), "pagefind", year, "fragment");
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
    return JSON.parse(raw.slice(raw.indexOf("{")));
  });
}

function isVocabulary(f: { filters: Record<string, string[]> }): boolean {
  return f.filters[VOCABULARY_FILTER.name]?.includes(VOCABULARY_FILTER.value) ?? false;
}

/** Words of a text as search-words.ts trims them. */
function wordsOf(text: string): Set<string> {
  return new Set(text.split(/\s+/).map((w) => w.replace(/^\p{P}+|\p{P}+$/gu, "")).filter(Boolean));
}

function entryPageCount(year: string): number {
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind", year, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

test("one index per year holds exactly that year's bulletins and a vocabulary page; a rebuild with nothing changed links every index", async () => {
  const first = await build();
  assert.deepEqual(first.search, { pages: 6, shards: 3, rebuilt: 3 });
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), YEARS);
  for (const year of YEARS) {
    const pages = fragments(year);
    assert.equal(entryPageCount(year), 3);
    assert.deepEqual(pages.filter((f) => !isVocabulary(f)).map((f) => f.url.slice(11, 15)), [year, year], `${year}: its two bulletins`);
    assert.equal(pages.filter(isVocabulary).length, 1);
  }
  // The search page lists them, newest first, for search.js.
  const form = readFileSync(path.join(out, "buscar/index.html"), "utf8").match(/data-indices="([^"]*)"/)![1]!.replace(/&quot;/g, '"');
  assert.deepEqual(JSON.parse(form), [["2025", "/pagefind/2025/"], ["2024", "/pagefind/2024/"], ["2023", "/pagefind/2023/"]]);
  const before = indexFiles();

  const second = await build();
  assert.deepEqual(second.search, { pages: 6, shards: 3, rebuilt: 0 });
  // The other generation now holds the same files: hard links to the ones published before.
  assert.deepEqual(indexFiles(), before);
});

test("the words found in a page are the words Pagefind indexed of it, and each year's vocabulary page has every word of the other years it lacks", async () => {
  await build();
  const byYear = new Map(YEARS.map((y) => [y, fragments(y)]));
  const all = new Set<string>();
  for (const pages of byYear.values()) {
    for (const page of pages.filter((f) => !isVocabulary(f))) {
      const html = readFileSync(path.join(out, page.url, "index.html"), "utf8");
      assert.deepEqual(new Set(indexedWords(html)), wordsOf(page.content), page.url);
      for (const w of wordsOf(page.content)) all.add(w);
    }
  }
  assert.ok(all.has("quetzal") && all.has("Querétaro") && all.has("sarampión") && all.has("SR") && all.has("Instituto"));
  for (const [year, pages] of byYear) {
    const own = new Set(pages.filter((f) => !isVocabulary(f)).flatMap((f) => [...wordsOf(f.content)]));
    const vocabulary = wordsOf(pages.find(isVocabulary)!.content);
    assert.deepEqual(vocabulary, new Set([...all].filter((w) => !own.has(w))), `${year}: the other years' words, none of its own`);
  }
});

test("an edit with no new word makes only its year's index again; a new word makes every year's again, and each knows it", async () => {
  await build();
  const before = indexFiles();
  // A sentence of the same bulletin again: no word comes or goes.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], `${BULLETINS[2]![2]} ${BULLETINS[2]![2]}`);
  const same = await build();
  assert.deepEqual(same.search, { pages: 6, shards: 3, rebuilt: 1 });
  const now = indexFiles();
  for (const [file, ino] of before) if (!file.startsWith("2024/")) assert.equal(now.get(file), ino, `${file} is the published one, linked`);

  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], `${BULLETINS[2]![2]} Nota de la redacción: ornitorrinco.`);
  const added = await build();
  assert.deepEqual(added.search, { pages: 6, shards: 3, rebuilt: 3 });
  assert.ok(fragments("2024").some((f) => !isVocabulary(f) && f.content.includes("ornitorrinco")), "the edit is indexed");
  for (const year of ["2023", "2025"]) assert.ok(wordsOf(fragments(year).find(isVocabulary)!.content).has("ornitorrinco"), `${year} knows the new word`);

  // The word gone again: every vocabulary loses it. The generation being updated holds the other
  // years' indexes as they were two builds ago, without it: those are kept, as they are right again.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], BULLETINS[2]![2]);
  assert.deepEqual((await build()).search, { pages: 6, shards: 3, rebuilt: 1 });
  for (const year of ["2023", "2025"]) assert.ok(!wordsOf(fragments(year).find(isVocabulary)!.content).has("ornitorrinco"));
});

test("the cached words of each year only save time: deleted, they are read from the pages again, with the same result", async () => {
  await build();
  const words = path.join(cache, SEARCH_WORDS_DIR);
  const yearFiles = () => readdirSync(words).filter((f) => f.endsWith(".txt")).length;
  assert.equal(yearFiles(), 3, "one file per year");
  assert.ok(existsSync(path.join(words, "paginas.json")), "and the digests of the pages' indexed parts");
  rmSync(words, { recursive: true, force: true });
  writeBulletin(BULLETINS[0]![0], BULLETINS[0]![1], `${BULLETINS[0]![2]} ${BULLETINS[0]![2]}`);
  assert.deepEqual((await build()).search, { pages: 6, shards: 3, rebuilt: 1 });
  assert.equal(yearFiles(), 3);
  // Back as it was: the generation being updated has that index as it was then, and keeps it.
  writeBulletin(BULLETINS[0]![0], BULLETINS[0]![1], BULLETINS[0]![2]);
  assert.deepEqual((await build()).search, { pages: 6, shards: 3, rebuilt: 0 });
});

test("a year with no bulletin left loses its index folder; a year's file changed by hand makes only that index again", async () => {
  await build();
  rmSync(path.join(content, "2023"), { recursive: true });
  const fewer = await build();
  assert.equal(fewer.search?.shards, 2);
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), ["2024", "2025"]);
  for (const [file, title, body] of BULLETINS.slice(0, 2)) writeBulletin(file, title, body);
  await build();
  await build();

  const damaged = path.join(realpathSync(out), "pagefind", "2025", "pagefind-entry.json");
  appendFileSync(damaged, "\n// cambiado a mano\n");
  const result = await build();
  assert.deepEqual(result.search, { pages: 6, shards: 3, rebuilt: 1 });
  const now = path.join(realpathSync(out), "pagefind", "2025", "pagefind-entry.json");
  assert.notEqual(statSync(now).ino, statSync(damaged).ino);
  assert.doesNotMatch(readFileSync(now, "utf8"), /cambiado a mano/);
  assert.equal(entryPageCount("2025"), 3);
});

test("a file added by hand to the unpublished site's indexes is not kept: the published indexes are linked instead", async () => {
  await build();
  await build();
  const published = realpathSync(out);
  const unpublished = path.join(path.dirname(published), path.basename(published) === "a" ? "b" : "a");
  writeFileSync(path.join(unpublished, "pagefind", "2024", "extra.js"), "alert(1)\n");
  writeFileSync(path.join(unpublished, "pagefind", "extra.js"), "alert(1)\n");
  const result = await build();
  assert.deepEqual(result.search, { pages: 6, shards: 3, rebuilt: 0 });
  assert.equal(realpathSync(out), unpublished);
  assert.ok(!existsSync(path.join(unpublished, "pagefind", "2024", "extra.js")));
  assert.ok(!existsSync(path.join(unpublished, "pagefind", "extra.js")));
  assert.equal(entryPageCount("2024"), 3);
});
