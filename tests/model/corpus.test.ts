import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { applyCorpusLabels, chooseCorpusLabels, claimsOfBulletins, findDuplicateNumbers, findPathCollisions, findShoutedLabels, selectForwards, selectPublished } from "../../src/model/corpus.ts";
import { fm, normalizeText } from "./helpers.ts";

function bulletin(file: string, fields: string, body?: string): Bulletin {
  const r = normalizeText(fm(`description: "d"\n${fields}`, body), { file });
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  return r.bulletin;
}

test("two bulletins with the same title in the same month: an error naming both files", () => {
  const a = bulletin("content/a.md", 'title: "Mismo título"\ndate: 2024-04-09');
  const b = bulletin("content/b.md", 'title: "Mismo título"\ndate: 2024-04-20');
  const problems = findPathCollisions(claimsOfBulletins([b, a]));
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, "content/b.md");
  assert.equal(problems[0]!.otherFile, "content/a.md");
  assert.match(problems[0]!.message, /content\/a\.md/);
  assert.match(problems[0]!.hint!, /slug:/);
});

test("same title in different months is fine", () => {
  const a = bulletin("content/a.md", 'title: "Mismo título"\ndate: 2024-04-09');
  const b = bulletin("content/b.md", 'title: "Mismo título"\ndate: 2024-05-09');
  assert.deepEqual(findPathCollisions(claimsOfBulletins([a, b])), []);
});

test("redirect conflicts: with another redirect, with a page URL, with its own URL, case-insensitively", () => {
  const a = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nredirect_from: /news/1');
  const b = bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\nredirect_from: [/NEWS/1/, /boletines/2024/04/a/]');
  const c = bulletin("content/c.md", 'title: "C"\ndate: 2024-04-09\nredirect_from: /boletines/2024/04/c/');
  const problems = findPathCollisions(claimsOfBulletins([a, b, c]));
  const messages = problems.map((p) => `${p.file}: ${p.message}`).sort();
  assert.equal(problems.length, 3, messages.join("\n"));
  assert.ok(messages.some((m) => m.startsWith("content/b.md") && /\/NEWS\/1\/.*redirección de content\/a\.md/.test(m)));
  assert.ok(messages.some((m) => m.startsWith("content/b.md") && /\/boletines\/2024\/04\/a\/.*URL de content\/a\.md/.test(m)));
  assert.ok(messages.some((m) => m.startsWith("content/c.md") && /misma página/.test(m)));
  for (const p of problems) assert.equal(p.field, "redirect_from");
});

test("a redirect onto a generated page is an error", () => {
  const a = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nredirect_from: /temas/salud/');
  const problems = findPathCollisions([{ path: "/temas/salud/", kind: "generated", description: "la página «Tema: Salud»" }, ...claimsOfBulletins([a])]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /Tema: Salud/);
});

test("duplicate numbers per year name both files", () => {
  const a = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nnumber: "171/2024"');
  const b = bulletin("content/b.md", 'title: "B"\ndate: 2024-04-10\nnumber: "No. 171/2024"');
  const c = bulletin("content/c.md", 'title: "C"\ndate: 2023-04-10\nnumber: "171/2023"');
  const problems = findDuplicateNumbers([b, c, a]);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, "content/b.md");
  assert.equal(problems[0]!.otherFile, "content/a.md");
});

test("a forward (redirect_to) that kept its bulletin's number: the error says to take the number off the forward; forwards are no published bulletins", () => {
  const moved = bulletin("content/2021/a-movido.md", 'title: "Movido"\ndate: 2021-08-20\nnumber: "171/2021"\nredirect_to: /boletines/2021/08/nuevo/');
  const current = bulletin("content/2021/b-nuevo.md", 'title: "Nuevo"\ndate: 2021-08-21\nnumber: "171/2021"');
  const problems = findDuplicateNumbers([current, moved]);
  assert.deepEqual(problems.map((p) => [p.file, p.otherFile]), [["content/2021/b-nuevo.md", "content/2021/a-movido.md"]]);
  assert.equal(problems[0]!.hint, "content/2021/a-movido.md reenvía a otra dirección (redirect_to): quita su number:, que es del boletín publicado.");
  const now = DateTime.fromISO("2026-01-01T00:00:00-06:00");
  assert.deepEqual(selectPublished([moved, current], { drafts: true, future: true, now }), [current]);
  assert.deepEqual(selectForwards([moved, current], { drafts: false }), [moved]);
  assert.deepEqual(selectForwards([bulletin("content/2021/c.md", 'title: "C"\ndate: 2021-08-22\ndraft: true\nredirect_to: https://www.gob.mx/imss')], { drafts: false }), [], "a draft forward only in a preview");
});

test("labels are chosen across the corpus", () => {
  const list = applyCorpusLabels([
    bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\ntags: [vacunacion]\nsection: nacional'),
    bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\ntags: [Vacunación]\nsection: Nacional'),
    bulletin("content/c.md", 'title: "C"\ndate: 2024-04-09\ntags: [VACUNACIÓN]\nsection: Nacional'),
  ]);
  for (const b of list) {
    assert.deepEqual(b.tags, [{ slug: "vacunacion", label: "Vacunación" }]);
    assert.equal(b.section.label, "Nacional");
  }
});

test("a tag or section written all in capitals is a warning on its line: shown as written when no file spells it otherwise, else as another file does; acronyms say nothing", () => {
  const bulletins = [
    bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nsection: NUEVO LEÓN\ntags: [SALUD, IMSS, COVID-19, VACUNACIÓN]'),
    bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\ntags: [vacunacion, Salud Mental]'),
    bulletin("content/c.md", 'title: "C"\ndate: 2024-04-09\nsection: Local\ntags:\n  - SALUD MENTAL\n  - VIH Y SIDA'),
  ];
  const labels = chooseCorpusLabels(bulletins);
  const problems = findShoutedLabels(bulletins, labels);
  // Each on the line and column where the label is written (a list item on its own line).
  assert.deepEqual(problems.map((p) => [p.file, p.field, p.line, p.column, p.severity, p.code]), [
    ["content/a.md", "section", 5, 10, "warning", "label-capitals"],
    ["content/a.md", "tags", 6, 8, "warning", "label-capitals"],
    ["content/a.md", "tags", 6, 31, "warning", "label-capitals"],
    ["content/c.md", "tags", 7, 5, "warning", "label-capitals"],
  ]);
  assert.equal(problems[0]!.message, "La sección «NUEVO LEÓN» está escrita toda en mayúsculas, y así se muestra en la página de la sección, en las tarjetas de sus boletines y en la ruta de navegación.");
  assert.equal(problems[0]!.hint, "Escribe «Nuevo León» (las siglas, como IMSS o VIH, se quedan en mayúsculas).");
  assert.equal(problems[1]!.message, "La etiqueta «SALUD» está escrita toda en mayúsculas, y así se muestra en la página del tema, en los temas de cada boletín y en la ruta de navegación.");
  assert.equal(problems[1]!.hint, "Escribe «Salud» (las siglas, como IMSS o VIH, se quedan en mayúsculas).");
  // Another file's spelling is shown, and said; the hint keeps the accent that spelling lacks.
  assert.equal(problems[2]!.message, "La etiqueta «VACUNACIÓN» está escrita toda en mayúsculas; el sitio muestra «vacunacion», como la escriben otros boletines.");
  assert.equal(problems[2]!.hint, "Escribe «Vacunación» (las siglas, como IMSS o VIH, se quedan en mayúsculas).");
  assert.equal(problems[3]!.message, "La etiqueta «SALUD MENTAL» está escrita toda en mayúsculas; el sitio muestra «Salud Mental», como la escriben otros boletines.");
  assert.equal(problems[3]!.hint, "Escribe «Salud Mental» (las siglas, como IMSS o VIH, se quedan en mayúsculas).");
  const shown = applyCorpusLabels(bulletins, labels);
  assert.deepEqual(shown[0]!.tags.map((t) => t.label), ["SALUD", "IMSS", "COVID-19", "vacunacion"]);
  assert.equal(shown[0]!.section.label, "NUEVO LEÓN");
  assert.deepEqual(shown[2]!.tags.map((t) => t.label), ["Salud Mental", "VIH Y SIDA"]);
});

test("a tag in capitals that the corpus's text uses as an acronym is no warning and is shown as written; without that evidence it is shouting", () => {
  const sai = 'title: "Abasto"\ndate: 2024-04-09\ntags: [SAI, UNEME EN COAHUILA]';
  const introduced = "El Sistema de Abasto Institucional (SAI) surte a cada UNEME del estado.\n";
  const usedTwice = "Acudió a la UNEME de Saltillo.\n";
  const lone = bulletin("content/a.md", sai);
  const other = bulletin("content/b.md", 'title: "Otro"\ndate: 2024-04-10\ntags: [Sai]');
  // No evidence: both are shouting, and another file's spelling is shown.
  let labels = chooseCorpusLabels([lone, other]);
  assert.deepEqual(findShoutedLabels([lone, other], labels).map((p) => p.message), [
    "La etiqueta «SAI» está escrita toda en mayúsculas; el sitio muestra «Sai», como la escriben otros boletines.",
    "La etiqueta «UNEME EN COAHUILA» está escrita toda en mayúsculas, y así se muestra en la página del tema, en los temas de cada boletín y en la ruta de navegación.",
  ]);
  // One file introduces SAI in parentheses; UNEME is used in running text by one file only (it could be emphasis).
  const introducing = bulletin("content/a.md", sai, introduced);
  assert.deepEqual(introducing.acronyms, [{ word: "SAI", introduced: true }, { word: "UNEME", introduced: false }]);
  labels = chooseCorpusLabels([introducing, other]);
  assert.deepEqual([...labels.acronyms], ["SAI"]);
  const problems = findShoutedLabels([introducing, other], labels);
  assert.deepEqual(problems.map((p) => p.hint), ["Escribe «Uneme en Coahuila» (las siglas, como IMSS o VIH, se quedan en mayúsculas)."]);
  assert.equal(applyCorpusLabels([introducing, other], labels)[1]!.tags[0]!.label, "SAI");
  // A second file uses UNEME in its text: an acronym too.
  const third = bulletin("content/c.md", 'title: "Tercero"\ndate: 2024-04-11', usedTwice);
  labels = chooseCorpusLabels([introducing, other, third]);
  assert.deepEqual([...labels.acronyms].sort(), ["SAI", "UNEME"]);
  // SAI says nothing; COAHUILA still shouts, and the hint keeps UNEME in capitals.
  assert.deepEqual(findShoutedLabels([introducing, other, third], labels).map((p) => [p.line, p.hint]), [[5, "Escribe «UNEME en Coahuila» (las siglas, como IMSS o VIH, se quedan en mayúsculas)."]]);
});

test("a relabelled bulletin keeps the parts a loader hides (body and positions read on demand through its prototype, a symbol)", () => {
  const hidden = Symbol("parts");
  const lazy = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\ntags: [vacunacion]');
  const { body: _body, positions: _positions, ...visible } = lazy;
  // As build/cache.ts makes a cached bulletin: visible fields, accessors on its prototype reading
  // where the parts are from a symbol-keyed property.
  const parts = {
    get body() {
      return `Cuerpo leído a demanda (${(this as unknown as Record<symbol, string>)[hidden]}).`;
    },
    get positions() {
      return { title: { line: 2, column: 1 } };
    },
  };
  const cached = Object.assign(Object.create(parts) as object, visible, { [hidden]: "aquí" }) as unknown as Bulletin;
  const [labelled] = applyCorpusLabels([cached, bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\ntags: [Vacunación, Vacunación]'), bulletin("content/c.md", 'title: "C"\ndate: 2024-04-09\ntags: [Vacunación]')]);
  assert.notEqual(labelled, cached, "relabelled: a copy");
  assert.deepEqual(labelled!.tags, [{ slug: "vacunacion", label: "Vacunación" }]);
  assert.equal(labelled!.body, "Cuerpo leído a demanda (aquí).");
  assert.deepEqual(labelled!.positions, { title: { line: 2, column: 1 } });
  assert.equal((labelled as unknown as Record<symbol, string>)[hidden], "aquí");
  assert.ok(!Object.keys(labelled!).includes("body") && !Object.keys(labelled!).includes("positions"), "still hidden from copies and digests");
});

test("drafts and embargoes", () => {
  const now = DateTime.fromISO("2024-04-09T12:00:00-06:00", { setZone: true });
  const past = bulletin("content/p.md", 'title: "P"\ndate: 2024-04-09T11:59:00-06:00');
  const future = bulletin("content/f.md", 'title: "F"\ndate: 2024-04-09T12:01:00-06:00');
  const futureZ = bulletin("content/z.md", 'title: "Z"\ndate: 2024-04-09T18:30:00Z');
  const draft = bulletin("content/d.md", 'title: "D"\ndate: 2024-01-01\ndraft: true');
  const undated = bulletin("content/u.md", 'title: "U"\ndraft: true');
  const all = [past, future, futureZ, draft, undated];
  const titles = (list: Bulletin[]) => list.map((b) => b.title).sort().join(",");
  assert.equal(titles(selectPublished(all, { drafts: false, future: false, now })), "P");
  assert.equal(titles(selectPublished(all, { drafts: true, future: false, now })), "D,P,U");
  assert.equal(titles(selectPublished(all, { drafts: false, future: true, now })), "F,P,Z");
  assert.equal(titles(selectPublished(all, { drafts: true, future: true, now })), "D,F,P,U,Z");
});

test("numbered bulletins get automatic redirects, collision-checked like any other", () => {
  const a = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nnumber: "171/2024"\nredirect_from: /prensa/archivo/202404/171');
  const b = bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\nredirect_from: /boletines/numero/2024/171/');
  const problems = findPathCollisions(claimsOfBulletins([a, b]));
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(problems[0]!.file, "content/b.md");
  assert.equal(problems[0]!.otherFile, "content/a.md");
});

test("path collisions do not depend on the order claims come in (only shared paths are compared)", () => {
  // Bulletins whose URLs, redirects and numbers overlap in many ways, plus generated pages on some of them.
  const files = Array.from({ length: 12 }, (_, i) =>
    bulletin(
      `content/n${i}.md`,
      `title: "Tema ${i % 4}"\ndate: 2024-04-0${1 + (i % 3)}\nnumber: ${100 + (i % 5)}/2024\nredirect_from:\n  - /news/${i % 6}\n  - /News/${(i + 1) % 6}/`,
    ),
  );
  const claims = [...claimsOfBulletins(files), { path: "/news/3/", kind: "generated" as const, description: "una página" }, { path: "/temas/", kind: "generated" as const, description: "los temas" }];
  const expected = findPathCollisions(claims);
  assert.ok(expected.length > 10, `many collisions to compare (${expected.length})`);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 20; round++) {
    const shuffled = [...claims];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    assert.deepEqual(findPathCollisions(shuffled), expected);
  }
});

test("a file of public/ on a path the site writes is an error naming that file, whatever order the claims come in", () => {
  const site = { path: "/feed.xml", kind: "generated" as const, description: "el archivo /feed.xml" };
  const mine = { path: "/FEED.xml", kind: "generated" as const, description: "el archivo public/FEED.xml", source: "public/FEED.xml" };
  for (const claims of [[site, mine], [mine, site]]) {
    const problems = findPathCollisions(claims);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.file, "public/FEED.xml");
    assert.equal(problems[0]!.message, "El archivo public/FEED.xml tiene la misma ruta que el archivo /feed.xml.");
    assert.match(problems[0]!.hint!, /public\//);
  }
  const home = findPathCollisions([{ path: "/", kind: "generated", description: "la portada" }, { path: "/index.html", kind: "generated", description: "el archivo public/index.html", source: "public/index.html" }]);
  assert.equal(home[0]?.message, "El archivo public/index.html tiene la misma ruta que la portada (/).");
});

test("nothing goes where the site needs a folder that is a file, nor inside the folder of the search indexes", () => {
  const a = bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09\nredirect_from: [/robots.txt/x/, /feed.xml/viejo.html, /pagefind/2024/, /pagefind/]');
  const b = bulletin("content/b.md", 'title: "B"\ndate: 2024-04-09\npermalink: /especial.html');
  const c = bulletin("content/c.md", 'title: "C"\ndate: 2024-04-09\nredirect_from: [/especial.html/viejo/, /especial/, /old.php, /old.php/x/, /img/viejo/, /img/viejo.jpg]');
  const site = [
    { path: "/robots.txt", kind: "generated" as const, description: "el archivo /robots.txt" },
    { path: "/feed.xml", kind: "generated" as const, description: "el archivo /feed.xml" },
    { path: "/pagefind/", kind: "generated" as const, description: "la carpeta de los índices de búsqueda (/pagefind/), que el sitio escribe entera", holdsFolder: "whole" as const },
    { path: "/img/", kind: "generated" as const, description: "la carpeta /img/, reservada a archivos que los navegadores guardan un año", holdsFolder: "pages" as const },
    { path: "/img/logo.png", kind: "generated" as const, description: "el archivo public/img/logo.png", source: "public/img/logo.png" },
    { path: "/pagefind/x.js", kind: "generated" as const, description: "el archivo public/pagefind/x.js", source: "public/pagefind/x.js" },
    { path: "/favicon.svg/a.png", kind: "generated" as const, description: "el archivo public/favicon.svg/a.png", source: "public/favicon.svg/a.png" },
    { path: "/favicon.svg", kind: "generated" as const, description: "el archivo /favicon.svg" },
  ];
  const problems = findPathCollisions([...site, ...claimsOfBulletins([a, b, c])]).map((p) => `${p.file}: ${p.message}`);
  assert.deepEqual(problems.sort(), [
    "content/a.md: La redirección /feed.xml/viejo.html necesita la carpeta /feed.xml/, pero el archivo /feed.xml usa esa ruta como archivo.",
    "content/a.md: La redirección /pagefind/ coincide con la carpeta de los índices de búsqueda (/pagefind/), que el sitio escribe entera.",
    "content/a.md: La redirección /pagefind/2024/ queda dentro de la carpeta de los índices de búsqueda (/pagefind/), que el sitio escribe entera.",
    "content/a.md: La redirección /robots.txt/x/ necesita la carpeta /robots.txt/, pero el archivo /robots.txt usa esa ruta como archivo.",
    "content/c.md: La redirección /especial.html/viejo/ necesita la carpeta /especial.html/, pero la URL de content/b.md usa esa ruta como archivo.",
    "content/c.md: La redirección /img/viejo/ queda dentro de la carpeta /img/, reservada a archivos que los navegadores guardan un año.",
    "public/favicon.svg/a.png: El archivo public/favicon.svg/a.png necesita la carpeta /favicon.svg/, pero el archivo /favicon.svg usa esa ruta como archivo.",
    "public/pagefind/x.js: El archivo public/pagefind/x.js queda dentro de la carpeta de los índices de búsqueda (/pagefind/), que el sitio escribe entera.",
  ]);
  // A redirect that writes no file (`/old.php`, `/img/viejo.jpg`: only rules) leaves its path free to be a folder
  // and may point from inside a folder of files; public/ files may live there.
});

test("a collision's hint fits what each file has: a slug: or permalink: to change, or a slug: to add", () => {
  const titled = bulletin("content/a.md", 'title: "Mismo título"\ndate: 2024-04-09');
  const slugged = bulletin("content/b.md", 'title: "Otro"\ndate: 2024-04-20\nslug: mismo-titulo');
  const [both] = findPathCollisions(claimsOfBulletins([titled, slugged]));
  assert.equal(both!.file, "content/b.md");
  assert.equal(both!.field, "slug", "said on the slug: line that makes the address");
  assert.equal(both!.line, 5);
  assert.equal(
    both!.hint,
    "Cambia la dirección de uno de los dos: en content/a.md, agrega slug: con otro valor (su dirección sale del título); o en content/b.md, cambia su slug: mismo-titulo por otro valor (o escribe un permalink: con otra ruta).",
  );
  const fixed = bulletin("content/c.md", 'title: "Tercero"\ndate: 2024-04-21\npermalink: /boletines/2024/04/mismo-titulo/');
  const [withPermalink] = findPathCollisions(claimsOfBulletins([titled, fixed]));
  assert.equal(withPermalink!.field, "permalink");
  assert.match(withPermalink!.hint!, /en content\/c\.md, cambia su permalink: \/boletines\/2024\/04\/mismo-titulo\/ por otra ruta\.$/);
  assert.doesNotMatch(withPermalink!.hint!, /content\/c\.md, agrega slug/);
  // Onto a page of the site: the same advice, for the one file.
  const onGenerated = findPathCollisions([{ path: "/boletines/2024/04/otro/", kind: "generated", description: "una página del sitio" }, ...claimsOfBulletins([bulletin("content/d.md", 'title: "D"\ndate: 2024-04-09\nslug: otro')])]);
  assert.equal(onGenerated[0]!.hint, "Cambia su slug: otro por otro valor (o escribe un permalink: con otra ruta).");
});

test("an error in a file does not hide its collision or its number in the same run; a file whose address is unknown is left out", async () => {
  const { mkdtemp, mkdir, writeFile } = await import("node:fs/promises");
  const os = await import("node:os");
  const path = await import("node:path");
  const { DEFAULT_SITE } = await import("../../src/site.ts");
  const { loadAndNormalize, loadCorpus } = await import("../../src/model/corpus.ts");
  const dir = await mkdtemp(path.join(os.tmpdir(), "boletines-corpus-"));
  const content = path.join(dir, "content");
  await mkdir(content);
  await writeFile(path.join(content, "a.md"), fm('title: "Mismo título"\ndate: 2024-04-09\ndescription: "d"\nnumber: 171/2024'));
  // An error in another field: its address and its number are known, so the collisions are said now.
  await writeFile(path.join(content, "b.md"), fm('title: "Mismo título"\ndate: 2024-04-20\ndescription: "d"\nnumber: 171/2024\nfront: quizás'));
  // An impossible date: its address is unknown, nothing to compare.
  await writeFile(path.join(content, "c.md"), fm('title: "Mismo título"\ndate: 2024-04-31\ndescription: "d"'));
  // Both files with errors, colliding with each other.
  await writeFile(path.join(content, "d.md"), fm('title: "Otro"\ndate: 2024-04-09\ndescription: [x]\nslug: compartido'));
  await writeFile(path.join(content, "e.md"), fm('title: "Otro más"\ndate: 2024-04-10\ndescription: [y]\nslug: compartido'));
  // As a cache returns a file with errors: its problems only (the partial bulletin is read again).
  const cached = async (file: Parameters<typeof loadAndNormalize>[0], ctx: Parameters<typeof loadAndNormalize>[1]) => {
    const r = await loadAndNormalize(file, ctx);
    return r.bulletin ? { bulletin: r.bulletin, problems: r.problems } : { problems: r.problems };
  };
  for (const loadFile of [undefined, cached]) {
    const corpus = await loadCorpus({ contentDir: content, publicDir: path.join(dir, "public"), site: DEFAULT_SITE, ...(loadFile ? { loadFile } : {}) });
    assert.deepEqual(corpus.bulletins.map((b) => path.basename(b.file)), ["a.md"]);
    const found = corpus.problems.filter((p) => p.code === "path-collision" || p.code === "number-duplicate").map((p) => [path.basename(p.file), p.code, p.field, p.otherFile && path.basename(p.otherFile)]);
    assert.deepEqual(
      found.sort(),
      [
        ["b.md", "number-duplicate", "number", "a.md"],
        // The number's two addresses (as between two valid bulletins).
        ["b.md", "path-collision", "number", "a.md"],
        ["b.md", "path-collision", "number", "a.md"],
        ["b.md", "path-collision", "title", "a.md"],
        ["e.md", "path-collision", "slug", "d.md"],
      ],
      String(loadFile),
    );
    // The files' own errors are there too, each once.
    assert.deepEqual(corpus.problems.filter((p) => p.severity === "error" && p.code !== "path-collision" && p.code !== "number-duplicate").map((p) => [path.basename(p.file), p.code]).sort(), [
      ["b.md", "field-type"],
      ["c.md", "date-invalid"],
      ["d.md", "field-type"],
      ["e.md", "field-type"],
    ]);
  }
});

test("forwards that round in a loop are refused naming the files; a chain of forwards is a warning with the final address", async () => {
  const { findForwardChains } = await import("../../src/model/corpus.ts");
  const forward = (file: string, fields: string) => bulletin(file, `title: "${file}"\ndate: 2024-04-09\n${fields}`);
  const a = forward("content/a.md", "slug: a\nredirect_to: /boletines/2024/04/b/");
  const b = forward("content/b.md", "slug: b\nredirect_to: /boletines/2024/04/a/");
  const loop = findForwardChains([a, b]);
  assert.deepEqual(loop.map((p) => [p.file, p.code, p.severity, p.field, p.line, p.otherFile]), [
    ["content/a.md", "redirect-loop", "error", "redirect_to", 6, "content/b.md"],
    ["content/b.md", "redirect-loop", "error", "redirect_to", 6, "content/a.md"],
  ]);
  assert.match(loop[0]!.message, /dan vueltas sin llegar a ninguna página: content\/a\.md → \/boletines\/2024\/04\/b\/, content\/b\.md → \/boletines\/2024\/04\/a\/, de vuelta a content\/a\.md\./);
  // Through an old address: c forwards to /news/9/, which d keeps in redirect_from, and d forwards back to c.
  const c = forward("content/c.md", "slug: c\nredirect_to: /news/9");
  const d = forward("content/d.md", "slug: d\nredirect_from: /news/9/\nredirect_to: /boletines/2024/04/c/");
  assert.deepEqual(findForwardChains([c, d]).map((p) => [p.file, p.code]), [["content/c.md", "redirect-loop"], ["content/d.md", "redirect-loop"]]);
  // A longer loop, and a file that leads into it.
  const e = forward("content/e.md", "slug: e\nredirect_to: /boletines/2024/04/f/");
  const f = forward("content/f.md", "slug: f\nredirect_to: /boletines/2024/04/g/");
  const g = forward("content/g.md", "slug: g\nredirect_to: /boletines/2024/04/e/");
  const h = forward("content/h.md", "slug: h\nredirect_to: /boletines/2024/04/e/");
  const longer = findForwardChains([e, f, g, h]);
  assert.deepEqual(longer.map((p) => [p.file, p.code, p.severity]), [
    ["content/e.md", "redirect-loop", "error"],
    ["content/f.md", "redirect-loop", "error"],
    ["content/g.md", "redirect-loop", "error"],
    ["content/h.md", "redirect-loop", "error"],
  ]);
  assert.match(longer[3]!.message, /es una dirección de content\/e\.md, y desde ahí los reenvíos dan vueltas/);
  // A chain that ends at a page: a warning on its first file, with the address to write instead.
  const page = bulletin("content/pagina.md", 'title: "Página"\ndate: 2024-04-09\nslug: pagina\nredirect_from: /news/10');
  const i = forward("content/i.md", "slug: i\nredirect_to: /boletines/2024/04/j/");
  const j = forward("content/j.md", "slug: j\nredirect_to: /news/10");
  const chain = findForwardChains([page, i, j]);
  assert.deepEqual(chain.map((p) => [p.file, p.code, p.severity, p.otherFile]), [
    ["content/i.md", "redirect-chain", "warning", "content/j.md"],
    ["content/j.md", "redirect-chain", "warning", "content/pagina.md"],
  ]);
  assert.match(chain[0]!.message, /los lectores pasan por 3 redirecciones .* para llegar a \/boletines\/2024\/04\/pagina\/\./);
  assert.equal(chain[0]!.hint, "Escribe redirect_to: /boletines/2024/04/pagina/ para llevarlos en una sola.");
  // A forward to a page, or to another site: nothing to say.
  const k = forward("content/k.md", "slug: k\nredirect_to: /boletines/2024/04/pagina/");
  const l = forward("content/l.md", "slug: l\nredirect_to: https://www.gob.mx/imss");
  assert.deepEqual(findForwardChains([page, k, l]), []);
});
