import assert from "node:assert/strict";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import Eleventy from "@11ty/eleventy";
import { buildErrors, siteTree, treeDifference, writeGeneratedContent } from "./helpers.ts";
import { buildSite, PROJECT_ROOT } from "../../src/build/build.ts";
import { indexReads } from "../../src/build/cache.ts";
import { prepareSite } from "../../src/build/prepare.ts";
import { ELEVENTY_DIRS } from "../../src/eleventy/configure.ts";
import { provideEleventyHandoff } from "../../src/eleventy/inputs.ts";
import { resolveNow } from "../../src/policy/clock.ts";
import { LEAD_CHARS } from "../../src/render/summary.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

/**
 * Incremental builds (cache + hard-linked unchanged pages) must make exactly the bytes a build from
 * scratch makes, and exactly what Eleventy makes when it paginates every page itself.
 */
let tmp: string;
let content: string;
const options = (content: string, outDir: string, cacheDir?: string, workerThreshold?: number) => ({
  contentDir: content,
  publicDir: path.join(PROJECT_ROOT, "public"),
  drafts: false,
  future: false,
  now: resolveNow({ BOLETINES_NOW: "2026-01-01T00:00:00-06:00" }),
  site: DEFAULT_SITE,
  outDir,
  // The search index is not byte-stable (Pagefind #638) and is not what these tests compare.
  search: false,
  // Rebuilds list content/ and check the output on a worker thread as a large site does (src/build/prefetch.ts).
  ...(cacheDir ? { cacheDir, prefetch: true } : {}),
  ...(workerThreshold !== undefined ? { workerThreshold } : {}),
});

function assertSameTree(actual: string, expected: string): void {
  assert.equal(treeDifference(siteTree(actual), siteTree(expected)), undefined);
}

async function build(content: string, out: string, cache?: string, workerThreshold?: number): Promise<void> {
  const result = await buildSite(options(content, out, cache, workerThreshold));
  assert.ok(result.ok, buildErrors(result));
}

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "boletines-incremental-"));
  content = path.join(tmp, "content");
  writeGeneratedContent(content, 30, 7);
  cpSync(path.join(PROJECT_ROOT, "content"), content, { recursive: true });
  // A legacy post that forwards elsewhere (redirect_to): stubs at its addresses, no page of its own.
  writeFileSync(path.join(content, "2021", "2021-08-20-trasladado.md"), '---\ntitle: "Trasladado"\ndate: 2021-08-20\nredirect_from: /news/777\nredirect_to: https://www.gob.mx/imss/prensa/777\n---\n');
});

after(() => rmSync(tmp, { recursive: true, force: true }));

function contentFiles(): string[] {
  return readdirSync(content, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort();
}

function pageOf(site: string, relContent: string): string {
  // The bulletin page is the one whose canonical link names this file's slug; find it by title.
  const title = /^title: "(.+?) ?"$/m.exec(readFileSync(path.join(content, relContent), "utf8"))![1]!;
  for (const e of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name !== "index.html" || !e.parentPath.includes(`${path.sep}boletines${path.sep}`)) continue;
    const full = path.join(e.parentPath, e.name);
    if (readFileSync(full, "utf8").includes(`<h1>${title.trim()}</h1>`)) return full;
  }
  throw new Error(`no page for ${relContent}`);
}

test("after editing a body, another bulletin's tags and a third one's title, the rebuild equals a build from scratch, reusing unchanged pages", async () => {
  const site = path.join(tmp, "site");
  const cache = path.join(tmp, "cache");
  await build(content, site, cache);
  // The pack keeps the start of each body's plain text that a summary reads, not the whole text.
  const index = JSON.parse(readFileSync(path.join(cache, "index.json"), "latin1")) as { entries: Record<string, { at?: number[] }> };
  const textBytes = Object.values(index.entries).flatMap((e) => (e.at ? [e.at[3]!] : []));
  assert.ok(textBytes.length > 30 && Math.max(...textBytes) === LEAD_CHARS * 2, `text lengths in the pack: ${Math.min(...textBytes)}–${Math.max(...textBytes)} bytes`);
  const files = contentFiles();
  const bodyFile = files[3]!;
  const tagFile = files[10]!;
  const titleFile = files[15]!;
  const untouched = files[20]!;
  const untouchedPage = pageOf(site, untouched);
  const editedPage = pageOf(site, bodyFile);
  const inodeBefore = statSync(untouchedPage).ino;
  const editedInodeBefore = statSync(editedPage).ino;

  const bodyPath = path.join(content, bodyFile);
  writeFileSync(bodyPath, `${readFileSync(bodyPath, "utf8").trimEnd()}\n\nNota de la redacción: cifra corregida.\n`);
  const tagPath = path.join(content, tagFile);
  writeFileSync(tagPath, readFileSync(tagPath, "utf8").replace("tags:\n", "tags:\n  - Tema Nuevo de Prueba\n"));
  // A title shows on list pages, in feeds and in the neighbours' links.
  const titlePath = path.join(content, titleFile);
  writeFileSync(titlePath, readFileSync(titlePath, "utf8").replace(/^title: "/m, 'title: "Corregido: '));
  await build(content, site, cache);

  // Unchanged pages were linked from the previous site, the edited one was rendered again.
  assert.equal(statSync(pageOf(site, untouched)).ino, inodeBefore);
  assert.notEqual(statSync(pageOf(site, bodyFile)).ino, editedInodeBefore);
  assert.match(readFileSync(pageOf(site, bodyFile), "utf8"), /cifra corregida/);
  assert.ok(siteTree(site).has(path.join("temas", "tema-nuevo-de-prueba", "index.html")));

  const fresh = path.join(tmp, "fresh");
  await build(content, fresh, path.join(tmp, "fresh-cache"));
  assertSameTree(site, fresh);

  // A cold build on worker threads makes the same bytes as one on the main thread.
  const threaded = path.join(tmp, "threaded");
  await build(content, threaded, path.join(tmp, "threaded-cache"), 0);
  assertSameTree(threaded, fresh);

  // Deleting the cache only costs time: same bytes.
  rmSync(cache, { recursive: true, force: true });
  await build(content, site, cache);
  assertSameTree(site, fresh);

  // A damaged cache is discarded, not trusted.
  for (const f of readdirSync(cache)) if (f.endsWith(".pack")) writeFileSync(path.join(cache, f), "x");
  await build(content, site, cache);
  assertSameTree(site, fresh);
  writeFileSync(path.join(cache, "index.json"), "{not json");
  await build(content, site, cache);
  assertSameTree(site, fresh);
  // The index is ASCII JSON read as latin1: one character written as raw UTF-8 (by another program)
  // would be read as two wrong ones, so such an index is refused.
  const indexFile = path.join(cache, "index.json");
  const escaped = readFileSync(indexFile, "latin1");
  const raw = escaped.replace(/\\u00([e-f][0-9a-f])/, (_m, hex: string) => Buffer.from(String.fromCharCode(parseInt(hex, 16)), "utf8").toString("latin1"));
  assert.notEqual(raw, escaped, "the index escapes accented letters");
  writeFileSync(indexFile, raw, "latin1");
  await build(content, site, cache);
  assertSameTree(site, fresh);

  // A half-written line of the index's changes file (a build killed while appending) is ignored.
  const bodyAgain = path.join(content, bodyFile);
  writeFileSync(bodyAgain, `${readFileSync(bodyAgain, "utf8").trimEnd()}\n\nSegunda nota de la redacción.\n`);
  await build(content, site, cache);
  assert.ok(existsSync(path.join(cache, "index-changes.jsonl")), "an edit appends to the changes file");
  appendFileSync(path.join(cache, "index-changes.jsonl"), '{"base":"x","set":{"2021/');
  writeFileSync(bodyAgain, `${readFileSync(bodyAgain, "utf8").trimEnd()}\n\nTercera nota.\n`);
  await build(content, site, cache);
  // …and the next save rewrites the index instead of appending after it (where its line would be ignored too).
  assert.ok(!existsSync(path.join(cache, "index-changes.jsonl")), "the damaged changes file is replaced by a new index");
  const freshAgain = path.join(tmp, "fresh-again");
  await build(content, freshAgain, path.join(tmp, "fresh-again-cache"));
  assertSameTree(site, freshAgain);
});

test("a process that builds again (the preview) takes the cache's index from memory while its files are untouched, with the same bytes", async () => {
  const own = path.join(tmp, "resident-content");
  cpSync(content, own, { recursive: true });
  const site = path.join(tmp, "resident-site");
  const cache = path.join(tmp, "resident-cache");
  const edited = path.join(own, contentFiles()[3]!);
  let edits = 0;
  const edit = () => writeFileSync(edited, `${readFileSync(edited, "utf8").trimEnd()}\n\nNota ${++edits} de la redacción.\n`);
  const sameAsFresh = async () => {
    const fresh = path.join(tmp, `resident-fresh-${edits}`);
    await build(own, fresh, path.join(tmp, `resident-fresh-cache-${edits}`));
    assertSameTree(site, fresh);
  };
  const reads = async (): Promise<{ file: number; memory: number }> => {
    const before = { ...indexReads };
    await build(own, site, cache);
    return { file: indexReads.file - before.file, memory: indexReads.memory - before.memory };
  };

  await build(own, site, cache);
  edit();
  // The first build wrote a whole index (kept in memory only when appending): read from its file.
  assert.deepEqual(await reads(), { file: 1, memory: 0 });
  edit();
  assert.deepEqual(await reads(), { file: 0, memory: 1 }, "after a save that appended a line");
  await sameAsFresh();
  assert.deepEqual(await reads(), { file: 0, memory: 1 }, "after a save that wrote nothing");
  await sameAsFresh();

  // Written by someone else since (here a line of another build appended by hand): read from the files.
  const changes = path.join(cache, "index-changes.jsonl");
  appendFileSync(changes, readFileSync(changes, "utf8").split("\n")[0]!.replace(/"savedAt":\d+/, '"savedAt":1') + "\n");
  edit();
  assert.deepEqual(await reads(), { file: 1, memory: 0 });
  await sameAsFresh();

  // A build that stops with an error leaves nothing in memory: the next one reads the files.
  edit();
  await build(own, site, cache);
  const good = readFileSync(edited, "utf8");
  writeFileSync(edited, good.replace(/^title:.*$/m, "title: ["));
  assert.equal((await buildSite(options(own, site, cache))).ok, false);
  writeFileSync(edited, good);
  assert.deepEqual(await reads(), { file: 1, memory: 0 });
  await sameAsFresh();
});

test("the bulk pages rendered outside Eleventy's pagination are byte for byte what Eleventy renders", async () => {
  const fast = path.join(tmp, "fast");
  await build(content, fast);
  const prepared = await prepareSite(options(content, fast));
  assert.ok(prepared.ok);
  const viaEleventy = path.join(tmp, "via-eleventy");
  provideEleventyHandoff({ inputs: prepared.inputs, publicDir: path.join(PROJECT_ROOT, "public"), watch: [] });
  const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), viaEleventy, { configPath: path.join(PROJECT_ROOT, ".eleventy.ts"), quietMode: true });
  await eleventy.write();
  assertSameTree(fast, viaEleventy);
  assert.match(readFileSync(path.join(fast, "news/777/index.html"), "utf8"), /url=https:\/\/www\.gob\.mx\/imss\/prensa\/777/);
  assert.match(readFileSync(path.join(fast, "boletines/2021/08/trasladado/index.html"), "utf8"), /<meta name="robots" content="noindex">/);
  // With a cache, bodies' HTML is read back on demand: still the same bytes.
  const cached = path.join(tmp, "fast-cached");
  await build(content, cached, path.join(tmp, "fast-cache"));
  assertSameTree(cached, viaEleventy);
  // Files parsed and pages (bulletins and lists) rendered on worker threads, their items as plain data.
  const threaded = path.join(tmp, "fast-threaded");
  await build(content, threaded, path.join(tmp, "threaded-cache"), 0);
  assertSameTree(threaded, viaEleventy);
});

test("a site served under a path: a build whose cache was made for the site at the root renders every body and page again, and equals a build from scratch and Eleventy's", async () => {
  const under = { ...DEFAULT_SITE, baseUrl: "https://imss-mx.github.io/boletines" };
  const site = path.join(tmp, "prefix-site");
  const cache = path.join(tmp, "prefix-cache");
  await build(content, site, cache);
  const atRoot = siteTree(site);
  const result = await buildSite({ ...options(content, site, cache), site: under });
  assert.ok(result.ok, buildErrors(result));
  const fresh = path.join(tmp, "prefix-fresh");
  const freshResult = await buildSite({ ...options(content, fresh), site: under });
  assert.ok(freshResult.ok, buildErrors(freshResult));
  assertSameTree(site, fresh);
  // Files parsed and pages rendered on worker threads (their items as plain data): the same bytes.
  const threaded = path.join(tmp, "prefix-threaded");
  const threadedResult = await buildSite({ ...options(content, threaded, path.join(tmp, "prefix-threaded-cache"), 0), site: under });
  assert.ok(threadedResult.ok, buildErrors(threadedResult));
  assertSameTree(threaded, fresh);

  // Every address into the site that a page prints is under /boletines/ (bodies' links and pictures too):
  // none is left from the build at the root.
  const html = [...siteTree(fresh)].filter(([file]) => file.endsWith(".html"));
  assert.ok(html.length > 100, `${html.length} pages`);
  const outside: string[] = [];
  for (const [file, bytes] of html) {
    for (const [, address] of bytes.toString("utf8").matchAll(/ (?:href|src|action|data-url|srcset|data-to|content="0; url)="?([^"]*)"/g)) {
      for (const candidate of address!.split(", ")) if (candidate.startsWith("/") && !candidate.startsWith("/boletines/")) outside.push(`${file}: ${candidate}`);
    }
  }
  assert.deepEqual(outside, []);
  const bodyLink = [...siteTree(fresh).values()].find((bytes) => bytes.includes('<a href="/boletines/boletines/'));
  assert.ok(bodyLink, "links to bulletins under the prefix");
  assert.notDeepEqual(siteTree(site), atRoot);

  // Eleventy's page definitions (`serve`'s) make the same bytes from the same data.
  const prepared = await prepareSite({ ...options(content, fresh), site: under });
  assert.ok(prepared.ok);
  const viaEleventy = path.join(tmp, "prefix-via-eleventy");
  provideEleventyHandoff({ inputs: prepared.inputs, publicDir: path.join(PROJECT_ROOT, "public"), watch: [] });
  const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), viaEleventy, { configPath: path.join(PROJECT_ROOT, ".eleventy.ts"), quietMode: true });
  await eleventy.write();
  assertSameTree(fresh, viaEleventy);

  // Back at the root with the same cache: the bytes of the first build.
  await build(content, site, cache);
  assert.equal(treeDifference(siteTree(site), atRoot), undefined);
});

test("a feed is made again exactly when one of its entries changed: an edit of the newest bulletin rewrites it, an edit of an old one leaves every feed as it was", async () => {
  const site = path.join(tmp, "feeds");
  const cache = path.join(tmp, "feeds-cache");
  await build(content, site, cache);
  const feedFiles = [...siteTree(site).keys()].filter((f) => /^feed\.(xml|json)$|^secciones\/[^/]+\/feed\.xml$/.test(f.split(path.sep).join("/")));
  assert.ok(feedFiles.length >= 3, feedFiles.join(", "));
  const inFeeds = new Set(feedFiles.flatMap((f) => [...readFileSync(path.join(site, f), "utf8").matchAll(/:boletin\/([^<"]+)/g)].map((m) => m[1]!)));
  const newest = /<entry>\s*<id>[^<]*:boletin\/([^<]+)<\/id>/.exec(readFileSync(path.join(site, "feed.xml"), "utf8"))![1]!;
  const old = contentFiles().map((f) => f.replace(/\.md$/, "")).find((id) => !inFeeds.has(id));
  assert.ok(old, "a bulletin in no feed");
  const inodes = () => feedFiles.map((f) => statSync(path.join(site, f)).ino);

  const before = inodes();
  const oldPath = path.join(content, `${old}.md`);
  writeFileSync(oldPath, `${readFileSync(oldPath, "utf8").trimEnd()}\n\nNota de archivo.\n`);
  await build(content, site, cache);
  assert.deepEqual(inodes(), before, "no feed lists the edited bulletin: none is rewritten");

  const newestPath = path.join(content, `${newest}.md`);
  writeFileSync(newestPath, `${readFileSync(newestPath, "utf8").trimEnd()}\n\nFe de erratas del día.\n`);
  await build(content, site, cache);
  assert.notEqual(statSync(path.join(site, "feed.xml")).ino, before[feedFiles.indexOf("feed.xml")]);
  assert.match(readFileSync(path.join(site, "feed.xml"), "utf8"), /Fe de erratas del día/);
  assert.match(readFileSync(path.join(site, "feed.json"), "utf8"), /Fe de erratas del día/);
  const fresh = path.join(tmp, "feeds-fresh");
  await build(content, fresh);
  assertSameTree(site, fresh);
});

test("a card's summary past a first paragraph that repeats the title is the same without the cache, with it cold and warm, and on worker threads", async () => {
  const own = path.join(tmp, "title-content");
  mkdirSync(path.join(own, "2024"), { recursive: true });
  const next =
    "El Instituto Mexicano del Seguro Social (IMSS) inauguró hoy en Mérida la Unidad de Medicina Familiar número 68, que atenderá a 40 mil derechohabientes de la zona norte de la ciudad con diez consultorios, laboratorio, rayos X y farmacia abiertos de lunes a viernes.";
  const campaign =
    "La campaña de vacunación invernal arranca este lunes en las 1,500 unidades de medicina familiar del país y durará hasta marzo; se aplicarán vacunas contra la influenza, el COVID-19 y el neumococo a niñas, niños, personas mayores y mujeres embarazadas.";
  const nurses = "Reconoce IMSS a enfermeras del Hospital General de Zona 1 por su labor durante la pandemia, en una ceremonia con sus familias y compañeros de trabajo.";
  const file = (name: string, title: string, day: string, body: string) => writeFileSync(path.join(own, "2024", `2024-04-${day}-${name}.md`), `---\ntitle: "${title}"\ndate: 2024-04-${day}\n---\n\n${body}\n`);
  file("clinica", "IMSS inaugura clínica en Mérida", "09", `**IMSS inaugura clínica en Mérida.**\n\n${next}\n\nOtro párrafo.`);
  file("campana", "Arranca campaña de vacunación invernal", "10", `## ARRANCA CAMPAÑA DE VACUNACION INVERNAL\n\n${campaign}`);
  // The title's words starting a longer sentence: not a paragraph of its own, kept.
  file("enfermeras", "Reconoce IMSS a enfermeras del Hospital", "11", nurses);

  const plain = path.join(tmp, "title-plain");
  await build(own, plain);
  const summaries = [...readFileSync(path.join(plain, "index.html"), "utf8").matchAll(/<p class="summary">([^<]*)<\/p>/g)].map((m) => m[1]!);
  assert.deepEqual(summaries, [
    "Reconoce IMSS a enfermeras del Hospital General de Zona 1 por su labor durante la pandemia, en una ceremonia con sus familias y compañeros de trabajo.",
    "La campaña de vacunación invernal arranca este lunes en las 1,500 unidades de medicina familiar del país y durará hasta marzo; se aplicarán vacunas contra la influenza, el COVID-19 y el neumococo a niñas, niños…",
    "El Instituto Mexicano del Seguro Social (IMSS) inauguró hoy en Mérida la Unidad de Medicina Familiar número 68, que atenderá a 40 mil derechohabientes de la zona norte de la ciudad con diez consultorios, laboratorio…",
  ]);
  // The page still prints the body as written.
  assert.match(readFileSync(path.join(plain, "boletines/2024/04/imss-inaugura-clinica-en-merida/index.html"), "utf8"), /<p><strong>IMSS inaugura clínica en Mérida\.<\/strong><\/p>/);

  // The cache keeps only the start of each text: cold, then warm (summaries from the pack's leads), then on threads.
  const cache = path.join(tmp, "title-cache");
  for (const [out, cacheDir, threshold] of [["title-cold", cache], ["title-warm", cache], ["title-threads", path.join(tmp, "title-threads-cache"), 0], ["title-threads-warm", path.join(tmp, "title-threads-cache"), 0]] as const) {
    await build(own, path.join(tmp, out), cacheDir, threshold);
    assertSameTree(path.join(tmp, out), plain);
  }
});
