import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { buildFixture, ROOT, tempDir } from "./helpers.ts";
import type { BuildResult } from "../../src/build/build.ts";
import { SEARCH_WORDS_DIR } from "../../src/build/search-index.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { indexedWords, metadataOf, WORDS_FILTER } from "../../src/build/search-words.ts";

/**
 * The search indexes (src/build/search-index.ts): one per year, made by Pagefind from that year's
 * published bulletins' pages, and the words index with one page per year holding that year's words
 * (src/build/search-words.ts); each reused from the published site, hard-linked, while its pages
 * (for a year) or the years' words (for the words index) did not change.
 */
let tmp: string;
let content: string;
let out: string;
let cache: string;
let publicDir: string;

/** The picture of the bulletins that have one (tests/fixtures/e2e-public). */
const PHOTO = "/uploads/2023/foto.jpg";

/**
 * Three years, two bulletins each; «quetzal» only in 2023, «querella» only in 2024. «ajolote» only in
 * the alt text of 2023's lead picture (front matter), «garza» and «tlacuache» only in the alt text of
 * pictures in a 2024 bulletin's body (words of its text: render/markdown-direct.ts `INDEXED_ALT`). Their dates: a Wednesday, a Saturday, a Friday, a Monday…
 */
const BULLETINS: Array<[file: string, title: string, body: string]> = [
  ["2023/2023-03-01-uno.md", "Uno de 2023", "El IMSS informó que el quetzal volvió a la reserva."],
  ["2023/2023-07-01-dos.md", "Dos de 2023", "Las unidades de medicina familiar atienden sin cita."],
  ["2024/2024-03-01-tres.md", "Tres de 2024", "Una querella fue atendida por la delegación."],
  ["2024/2024-07-01-cuatro.md", "Cuatro de 2024", `El **Instituto** amplió horarios en Querétaro, dijo que sí.\n\n![Una garza blanca](${PHOTO})\n\nY más.\n\n![Un tlacuache](${PHOTO})`],
  ["2025/2025-03-01-cinco.md", "Cinco de 2025", "Campaña de vacunación: «sarampión», rubéola (SR) y más."],
  ["2025/2025-07-01-seis.md", "Seis de 2025", "La derechohabiencia puede acudir a su UMF con su cartilla."],
];

/** Sections and tags other than Nacional and «salud»: each year's are different. */
const FACETS: Record<string, [section: string, tags: string[]]> = {
  "2023/2023-03-01-uno.md": ["Nacional", ["salud", "fauna & flora"]],
  "2024/2024-07-01-cuatro.md": ["Local", ["Querétaro", "horarios"]],
};

/** Front matter of some bulletins besides title, date, section and tags. */
const FRONT: Record<string, string> = {
  "2023/2023-03-01-uno.md": `image: ${PHOTO}\nalt: "Un ajolote nada en el canal"\n`,
};

function writeBulletin(file: string, title: string, body: string, facets = FACETS[file]): void {
  const date = `${file.slice(5, 15)}T10:00:00-06:00`;
  const full = path.join(content, file);
  const [section, tags] = facets ?? ["Nacional", ["salud"]];
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, `---\ntitle: "${title}"\ndate: ${date}\nsection: ${section}\ntags:\n${tags.map((t) => `  - "${t}"\n`).join("")}${FRONT[file] ?? ""}---\n\n${body}\n`);
}

before(async () => {
  tmp = await tempDir("boletines-search-");
  content = path.join(tmp, "content");
  for (const [file, title, body] of BULLETINS) writeBulletin(file, title, body);
  out = path.join(tmp, "site");
  cache = path.join(tmp, "cache");
  // Only the pictures (the site's own files come from the project).
  publicDir = path.join(tmp, "public");
  mkdirSync(path.join(publicDir, path.dirname(PHOTO)), { recursive: true });
  copyFileSync(path.join(ROOT, "tests/fixtures/e2e-public/uploads/2024/vacuna-embarazo.jpg"), path.join(publicDir, PHOTO));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

async function build(site = DEFAULT_SITE): Promise<Extract<BuildResult, { ok: true }>> {
  const { result } = await buildFixture(content, { outDir: out, cacheDir: cache, search: true, site, publicDir });
  assert.ok(result.ok, result.ok ? "" : `${result.fatal ?? ""}`);
  return result;
}

const YEARS = ["2023", "2024", "2025"];
const WORDS = "palabras";

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
function fragments(year: string): Array<{ url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }> {
  const dir = path.join(realpathSync(out), "pagefind", year, "fragment");
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
    return JSON.parse(raw.slice(raw.indexOf("{")));
  });
}

/** The words index's page for each year: its words, as Pagefind stored them. */
function wordsIndex(): Map<string, Set<string>> {
  return new Map(
    fragments(WORDS).map((f) => {
      assert.equal(f.filters[WORDS_FILTER]?.length, 1, "one year per page");
      return [f.filters[WORDS_FILTER]![0]!, searchedWords(f)];
    }),
  );
}

/** The words Pagefind searches in a page it stored: its text's and its metadata's. */
function searchedWords(page: { content: string; meta: Record<string, string> }): Set<string> {
  return new Set([...wordsOf(page.content), ...Object.values(page.meta).flatMap((value) => [...wordsOf(value)])]);
}

/** Files of one index, with their inodes. */
function filesOf(index: string): Map<string, number> {
  return new Map([...indexFiles()].filter(([file]) => file.startsWith(`${index}/`)));
}

/** Words of a text as search-words.ts trims them. */
function wordsOf(text: string): Set<string> {
  return new Set(text.split(/\s+/).map((w) => w.replace(/^\p{P}+|\p{P}+$/gu, "")).filter(Boolean));
}

function entryPageCount(year: string): number {
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind", year, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

test("one index per year holds exactly that year's bulletins, and the words index one page per year; a rebuild with nothing changed links every index", async () => {
  const first = await build();
  assert.deepEqual(first.search, { pages: 6, shards: 3, rebuilt: 3 });
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), [...YEARS, WORDS]);
  for (const year of YEARS) {
    assert.equal(entryPageCount(year), 2);
    assert.deepEqual(fragments(year).map((f) => f.url.slice(11, 15)), [year, year], `${year}: its two bulletins`);
  }
  assert.equal(entryPageCount(WORDS), 3);
  assert.deepEqual([...wordsIndex().keys()].sort(), YEARS);
  // Each year's page of the words index has the sections and tags of that year's pages, as Pagefind
  // itself read them from the bulletins (so a search by a section or a tag asks only those years).
  for (const page of fragments(WORDS)) {
    const year = page.filters[WORDS_FILTER]![0]!;
    const values = (name: string) => [...new Set(fragments(year).flatMap((f) => f.filters[name] ?? []))].sort();
    assert.deepEqual([...page.filters.section!].sort(), values("section"), `${year}: sections`);
    assert.deepEqual([...page.filters.tag!].sort(), values("tag"), `${year}: tags`);
  }
  assert.deepEqual(fragments(WORDS).find((f) => f.filters[WORDS_FILTER]![0] === "2024")!.filters.tag!.sort(), ["horarios", "Querétaro", "salud"].sort());
  // Every index's search code asks for no word chunk for a search with no words (pagefind-backport.ts).
  for (const index of [...YEARS, WORDS]) {
    for (const script of ["pagefind.js", "pagefind-worker.js"]) {
      const code = readFileSync(path.join(out, "pagefind", index, script), "utf8");
      assert.equal(code.split('(term?this.backend.request_indexes(ptr,term):"[]")').length, 2, `${index}/${script}`);
    }
  }
  // The search page lists them, newest first, for search.js, and the words index.
  const html = readFileSync(path.join(out, "buscar/index.html"), "utf8");
  const form = html.match(/data-indices="([^"]*)"/)![1]!.replace(/&quot;/g, '"');
  assert.deepEqual(JSON.parse(form), [["2025", "2025", "/pagefind/2025/"], ["2024", "2024", "/pagefind/2024/"], ["2023", "2023", "/pagefind/2023/"]]);
  assert.match(html, / data-palabras="\/pagefind\/palabras\/"/);
  const before = indexFiles();

  const second = await build();
  assert.deepEqual(second.search, { pages: 6, shards: 3, rebuilt: 0 });
  // The other generation now holds the same files: hard links to the ones published before.
  assert.deepEqual(indexFiles(), before);
});

test("the words found in a page are the words Pagefind searches in it (its text and its metadata), and the words index has each year's words, no other", async () => {
  await build();
  const index = wordsIndex();
  const all = new Set<string>();
  for (const year of YEARS) {
    const own = new Set<string>();
    for (const page of fragments(year)) {
      const html = readFileSync(path.join(out, page.url, "index.html"), "utf8");
      assert.deepEqual(new Set(indexedWords(html)), searchedWords(page), page.url);
      assert.deepEqual(metadataOf(html), page.meta, page.url);
      for (const w of searchedWords(page)) own.add(w);
    }
    assert.deepEqual(index.get(year), own, `${year}: its words in the words index`);
    for (const w of own) all.add(w);
  }
  assert.ok(all.has("quetzal") && all.has("Querétaro") && all.has("sarampión") && all.has("SR") && all.has("Instituto"));
  assert.ok(index.get("2023")!.has("quetzal") && !index.get("2024")!.has("quetzal") && !index.get("2025")!.has("quetzal"));
  // A word only in a lead picture's alt text is searched in its year (metadata), and the words index knows it.
  assert.ok(index.get("2023")!.has("ajolote") && !index.get("2024")!.has("ajolote"));
  // Words only in the alt text of pictures in a body are words of its text, in its year only.
  for (const word of ["garza", "tlacuache"]) assert.ok(index.get("2024")!.has(word) && !index.get("2023")!.has(word) && !index.get("2025")!.has(word), word);
});

test("what Pagefind searches of a bulletin's metadata is its title and its lead picture's alt text: no date, no picture's address, no words index page's title", async () => {
  await build();
  const pages = YEARS.flatMap((year) => fragments(year));
  const lead = pages.find((p) => p.url.includes("/2023/03/"))!;
  assert.deepEqual(lead.meta, { title: "Uno de 2023", image: "", image_alt: "Un ajolote nada en el canal" });
  // Pictures in the body: their alt text is in the page's text, where each picture is (Pagefind ends it
  // with a period), and not in its metadata (the first one's alone would be, with a weight of its own).
  const body = pages.find((p) => p.url.includes("/2024/07/"))!;
  assert.deepEqual(body.meta, { title: "Cuatro de 2024", image: "" });
  assert.match(body.content, /Querétaro, dijo que sí\. Una garza blanca\. Y más\. Un tlacuache\./);
  for (const page of pages) {
    assert.deepEqual(Object.keys(page.meta).filter((key) => !["title", "image", "image_alt"].includes(key)), [], page.url);
    assert.equal(page.meta.image, "", `${page.url}: no picture's address («img», «webp», its file name) is searched`);
    // The date reaches the results as a filter, which Pagefind does not search: no weekday, no month.
    assert.equal(page.filters.date?.length, 1, page.url);
    assert.match(page.filters.date![0]!, /^\p{L}+ \d{1,2} de \p{L}+ de 20\d\d$/u, page.url);
    for (const word of [...searchedWords(page)]) assert.doesNotMatch(word, /^(lunes|martes|miércoles|jueves|viernes|sábado|domingo|marzo|julio|webp|avif|jpe?g|img|uploads)$/i, page.url);
  }
  const words = [...wordsIndex().values()].flatMap((w) => [...w]);
  for (const word of ["sábado", "webp", "img"]) assert.ok(!words.includes(word), `«${word}» is in no index`);
  // The words index's pages: no title (a page's <title> would be searched: «2024» a word of 2024's index).
  for (const page of fragments(WORDS)) assert.deepEqual(page.meta, {}, page.url);
});

test("an edit makes only its year's index again; the words index is made again only when a year's words change", async () => {
  await build();
  const before = indexFiles();
  const linked = (now: Map<string, number>, index: string) => {
    for (const [file, ino] of before) if (file.startsWith(`${index}/`)) assert.equal(now.get(file), ino, `${file} is the published one, linked`);
  };
  // A sentence of the same bulletin again: no word comes or goes.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], `${BULLETINS[2]![2]} ${BULLETINS[2]![2]}`);
  const same = await build();
  assert.deepEqual(same.search, { pages: 6, shards: 3, rebuilt: 1 });
  for (const index of ["2023", "2025", WORDS]) linked(indexFiles(), index);
  assert.notDeepEqual(filesOf("2024"), new Map([...before].filter(([f]) => f.startsWith("2024/"))), "2024 is made again");

  // A word new to the site: its year's index and the words index, nothing else.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], `${BULLETINS[2]![2]} Nota de la redacción: ornitorrinco.`);
  const added = await build();
  assert.deepEqual(added.search, { pages: 6, shards: 3, rebuilt: 1 });
  for (const index of ["2023", "2025"]) linked(indexFiles(), index);
  assert.ok(fragments("2024").some((f) => f.content.includes("ornitorrinco")), "the edit is indexed");
  const index = wordsIndex();
  assert.ok(index.get("2024")!.has("ornitorrinco") && !index.get("2023")!.has("ornitorrinco"), "the words index knows which year has it");

  // The word gone again: the generation being updated holds the words index as it was two builds
  // ago, without it: that one is kept, as it is right again.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], BULLETINS[2]![2]);
  assert.deepEqual((await build()).search, { pages: 6, shards: 3, rebuilt: 1 });
  assert.ok(!wordsIndex().get("2024")!.has("ornitorrinco"));
  assert.deepEqual(filesOf(WORDS), new Map([...before].filter(([f]) => f.startsWith(`${WORDS}/`))), "the words index of two builds ago, kept");

  // A tag new to its year, though no word is (Pagefind does not index the tags' nav): the words
  // index again, now with the tag for that year.
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], BULLETINS[2]![2], ["Nacional", ["salud", "trámites"]]);
  assert.deepEqual((await build()).search, { pages: 6, shards: 3, rebuilt: 1 });
  assert.notDeepEqual(filesOf(WORDS), new Map([...before].filter(([f]) => f.startsWith(`${WORDS}/`))), "the words index is made again");
  const tagsOf = (year: string) => fragments(WORDS).find((f) => f.filters[WORDS_FILTER]![0] === year)!.filters.tag!;
  assert.ok(tagsOf("2024").includes("trámites") && !tagsOf("2023").includes("trámites"));
  writeBulletin(BULLETINS[2]![0], BULLETINS[2]![1], BULLETINS[2]![2]);
  await build();
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

test("pages read on words threads give the same digests and words as on the main thread", async () => {
  await build();
  const words = path.join(cache, SEARCH_WORDS_DIR);
  const saved = new Map(readdirSync(words).map((f) => [f, readFileSync(path.join(words, f), "utf8")]));
  rmSync(words, { recursive: true, force: true });
  const { result } = await buildFixture(content, { outDir: out, cacheDir: cache, search: true, searchThreadsFrom: 0, publicDir });
  assert.ok(result.ok);
  // Every page read again, on threads: the same digests, so every index is kept.
  assert.deepEqual(result.search, { pages: 6, shards: 3, rebuilt: 0 });
  assert.deepEqual(new Map(readdirSync(words).map((f) => [f, readFileSync(path.join(words, f), "utf8")])), saved);
});

test("a year with no bulletin left loses its index folder; a year's file changed by hand makes only that index again", async () => {
  await build();
  rmSync(path.join(content, "2023"), { recursive: true });
  const fewer = await build();
  assert.equal(fewer.search?.shards, 2);
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), ["2024", "2025", WORDS]);
  assert.deepEqual([...wordsIndex().keys()].sort(), ["2024", "2025"]);
  // One year: its index answers alone, with no words index.
  rmSync(path.join(content, "2024"), { recursive: true });
  assert.equal((await build()).search?.shards, 1);
  assert.deepEqual(readdirSync(path.join(out, "pagefind")), ["2025"]);
  assert.doesNotMatch(readFileSync(path.join(out, "buscar/index.html"), "utf8"), /data-palabras/);
  for (const [file, title, body] of BULLETINS.slice(0, 4)) writeBulletin(file, title, body);
  await build();
  await build();

  const damaged = path.join(realpathSync(out), "pagefind", "2025", "pagefind-entry.json");
  appendFileSync(damaged, "\n// cambiado a mano\n");
  const result = await build();
  assert.deepEqual(result.search, { pages: 6, shards: 3, rebuilt: 1 });
  const now = path.join(realpathSync(out), "pagefind", "2025", "pagefind-entry.json");
  assert.notEqual(statSync(now).ino, statSync(damaged).ino);
  assert.doesNotMatch(readFileSync(now, "utf8"), /cambiado a mano/);
  assert.equal(entryPageCount("2025"), 2);
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
  assert.equal(entryPageCount("2024"), 2);
});

test("a year with more bulletins than an index may hold is indexed in parts of whole months, each known to the words index", async () => {
  // One bulletin per index at most: each year (March and July) in halves.
  const result = await build({ ...DEFAULT_SITE, searchIndexPages: 1 });
  assert.deepEqual(result.search, { pages: 6, shards: 6, rebuilt: 6 });
  const parts = ["2025-07", "2025-01", "2024-07", "2024-01", "2023-07", "2023-01"];
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), [...parts].sort().concat(WORDS));
  for (const part of parts) {
    assert.equal(entryPageCount(part), 1);
    const [page] = fragments(part);
    assert.equal(page!.url.slice(11, 15), part.slice(0, 4));
    assert.equal(Number(page!.url.slice(16, 18)) >= 7, part.endsWith("-07"), `${page!.url} in ${part}`);
    assert.deepEqual(wordsIndex().get(part), searchedWords(page!));
  }
  const form = readFileSync(path.join(out, "buscar/index.html"), "utf8").match(/data-indices="([^"]*)"/)![1]!.replace(/&quot;/g, '"');
  assert.deepEqual(JSON.parse(form), parts.map((p) => [p, p.slice(0, 4), `/pagefind/${p}/`]));
  // Back to whole years: the parts' folders go.
  const whole = await build();
  assert.equal(whole.search?.shards, 3);
  assert.deepEqual(readdirSync(path.join(out, "pagefind")).sort(), [...YEARS, WORDS]);
});
