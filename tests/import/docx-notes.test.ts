import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { htmlToReleaseText } from "../../src/import/docx.ts";
import { readReleaseSource } from "../../src/import/read-source.ts";
import { splitReleases } from "../../src/import/split.ts";
import { extractRelease } from "../../src/import/text.ts";
import { validateBulletinFile } from "../../src/import/write.ts";
import { findFootnoteWriting } from "../../src/model/footnote-writing.ts";
import { renderMarkdownAndText } from "../../src/render/markdown.ts";
import { findFootnoteIssues } from "../../src/render/references.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { runCli } from "../cli/run-cli.ts";

/**
 * Word's footnotes and endnotes of several paragraphs (or with lists), and in a document of several releases,
 * from real .docx files LibreOffice saved (tests/fixtures/import/make-note-fixtures.py), through the importer,
 * the site's markdown and check's footnote warnings.
 */
const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "boletines-notes-"));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The notes of a rendered body, by number: the HTML of each `<li id="fn:N">` (nested lists included). */
function renderedNotes(html: string): { text: string; notes: Map<number, string> } {
  const at = html.indexOf('<section class="notas"');
  const notes = new Map<number, string>();
  if (at === -1) return { text: html, notes };
  for (const chunk of html.slice(at).split('<li id="fn:').slice(1)) {
    const number = Number(/^\d+/.exec(chunk)![0]);
    notes.set(number, chunk.slice(chunk.indexOf(">") + 1).replace(/<\/li>\s*(?:<\/ol>\s*)?$/, ""));
  }
  return { text: html.slice(0, at), notes };
}

/** What check says about a body's footnotes (model/body-references.ts runs these two). */
function footnoteWarnings(body: string): string[] {
  return [...findFootnoteIssues(body).map((i) => `${i.kind} [^${i.label}]`), ...findFootnoteWriting(body).map((i) => `${i.kind} [^${i.label}]`)];
}

const OAXACA_NOTES = [
  "[^1]: Cifras preliminares de la Jefatura de Servicios de Prestaciones Médicas al 12 de agosto de 2024.",
  "    Las cifras definitivas se publicarán en el informe trimestral del Instituto, en octubre.",
  [
    "[^2]: Participaron estas unidades:",
    "",
    "    - Hospital General de Zona No. 1, en Oaxaca de Juárez",
    "    - Hospital General de Zona No. 2, en Salina Cruz",
    "        - con su Unidad de Cirugía Ambulatoria",
    "    - Hospital General de Zona No. 3, en Tuxtepec",
  ].join("\n"),
  "    Las demás unidades recibieron a los pacientes de las tres zonas.",
  ["[^3]: El orden de las llamadas es el siguiente:", "", "    1. Personas adultas mayores", "    2. Pacientes con diabetes o hipertensión", "    3. Demás pacientes"].join("\n"),
  "[^4]: Los sábados, domingos y días festivos atiende el servicio de Urgencias del HGZ No. 1.",
].join("\n\n");

test("docx (saved by LibreOffice): a Word note of two paragraphs, or with a list between its paragraphs, is one footnote with them all, on the page and for check", async () => {
  const file = path.join(FIXTURES, "oaxaca-notas-de-varios-parrafos.docx");
  const source = await readReleaseSource(file);
  const split = splitReleases(source.text);
  assert.ok("releases" in split && split.releases.length === 1);
  const parts = extractRelease(split.releases[0]!.text);
  assert.equal(parts.title, "IMSS Oaxaca concluye la Jornada Nacional de Continuidad de Servicios de Salud");
  assert.equal(parts.number, "402/2024");
  // The text keeps its four paragraphs with their calls; the notes close it, their later paragraphs indented under them.
  const paragraphs = parts.body.split("\n\n");
  assert.match(paragraphs[0]!, /con 3 mil 200 cirugías\[\^1\] y 18 mil consultas/);
  assert.match(paragraphs[3]!, /de las ocho de la mañana a las ocho de la noche\[\^4\], y que la cita/);
  assert.ok(parts.body.endsWith(`\n\n${OAXACA_NOTES}`), parts.body);
  assert.deepEqual(parts.warnings, []);
  assert.deepEqual(source.notes, []);

  // The site's markdown: each note one item of the notes, with all its paragraphs and lists; nothing of them in the text.
  const { text, notes } = renderedNotes(renderMarkdownAndText(parts.body).html);
  assert.equal(notes.size, 4);
  assert.doesNotMatch(text, /Las cifras definitivas|Hospital General de Zona No\. 2|Las demás unidades|Personas adultas mayores/);
  assert.match(notes.get(1)!, /^\s*<p>Cifras preliminares [^<]* de 2024\.<\/p>\s*<p>Las cifras definitivas [^<]* en octubre\. <a href="#fnref:1"/);
  assert.match(
    notes.get(2)!,
    /^\s*<p>Participaron estas unidades:<\/p>\s*<ul>\s*<li>Hospital General de Zona No\. 1, en Oaxaca de Juárez<\/li>\s*<li>Hospital General de Zona No\. 2, en Salina Cruz\s*<ul>\s*<li>con su Unidad de Cirugía Ambulatoria<\/li>\s*<\/ul>\s*<\/li>\s*<li>Hospital General de Zona No\. 3, en Tuxtepec<\/li>\s*<\/ul>\s*<p>Las demás unidades recibieron a los pacientes de las tres zonas\. <a href="#fnref:2"/,
  );
  assert.match(notes.get(3)!, /^\s*<p>El orden de las llamadas es el siguiente:<\/p>\s*<ol>\s*<li>Personas adultas mayores<\/li>\s*<li>Pacientes con diabetes o hipertensión<\/li>\s*<li>Demás pacientes<\/li>\s*<\/ol>\s*<p><a href="#fnref:3"/);
  assert.match(notes.get(4)!, /^\s*<p>Los sábados, domingos y días festivos [^<]*\. <a href="#fnref:4"/);

  // check: nothing to say about the notes (no paragraph left out of its note, no note without its call).
  assert.deepEqual(footnoteWarnings(parts.body), []);
  const cwd = tempDir();
  const imported = runCli(["import", file], cwd);
  assert.equal(imported.code, 0, imported.stderr);
  const [written] = readdirSync(path.join(cwd, "content", "2024"));
  const rel = `2024/${written}`;
  const { problems } = validateBulletinFile(readFileSync(path.join(cwd, "content", rel), "utf8"), rel, rel, DEFAULT_SITE);
  assert.deepEqual(problems.filter((p) => p.code?.startsWith("body-footnote")), []);
  const checked = runCli(["check"], cwd);
  assert.equal(checked.code, 0, checked.stderr);
  assert.doesNotMatch(checked.stdout + checked.stderr, /\[\^|nota/i);
});

test("docx HTML: a note's list (with a second level), the paragraphs after it and a table in a note stay the note's; two lists in a row stay two", () => {
  const html =
    '<p>Texto<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> y más<sup><a href="#endnote-1" id="endnote-ref-1">[2]</a></sup>.</p>' +
    '<ol><li id="footnote-1"><p>\tUnidades:</p><ul><li>UMF No. 1<ul><li>Turno matutino</li></ul></li><li>UMF No. 2</li></ul><ol><li>Primero</li><li>Segundo</li></ol>' +
    '<p>Fin de la nota. <a href="#footnote-ref-1">↑</a></p></li>' +
    '<li id="endnote-1"><p>Horarios:</p><table><tr><td><p>Lunes</p></td><td><p>8 a 20</p></td></tr><tr><td><p>Sábado</p></td><td><p>8 a 14</p></td></tr></table><p>Sin cita. <a href="#endnote-ref-1">↑</a></p></li></ol>';
  assert.equal(
    htmlToReleaseText(html),
    [
      "Texto[^1] y más[^2].",
      "[^1]: Unidades:",
      "    - UMF No. 1\n        - Turno matutino\n    - UMF No. 2",
      "    1. Primero\n    2. Segundo",
      "    Fin de la nota.",
      "[^2]: Horarios:",
      "    Lunes",
      "    8 a 20",
      "    Sábado",
      "    8 a 14",
      "    Sin cita.",
    ].join("\n\n"),
  );
});

const TRES = path.join(FIXTURES, "tres-comunicados-con-notas.docx");

test("docx (saved by LibreOffice) of three releases: each Word note (footnote or endnote) goes with the release that calls it, its notes numbered from 1", () => {
  const result = runCli(["import", "--json", TRES], tempDir());
  assert.equal(result.code, 0, result.stderr);
  const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { number: string; body: string; warnings: string[] });
  assert.deepEqual(records.map((r) => r.number), ["410/2024", "411/2024", "412/2024"]);
  const [first, second, third] = records.map((r) => r.body);
  assert.match(first!, /sus 1 mil 528 Unidades de Medicina Familiar\[\^1\] vacunarán/);
  assert.match(first!, /del esquema nacional\[\^2\] a toda persona/);
  assert.ok(
    first!.endsWith(
      "\n\n[^1]: Incluye las unidades del régimen ordinario; las del Programa IMSS Bienestar tienen su propio horario.\n\n    Las unidades de las zonas rurales abren de lunes a viernes.\n\n[^2]: Esquema Nacional de Vacunación 2024 de la Secretaría de Salud.",
    ),
    first,
  );
  assert.doesNotMatch(second!, /\[\^/);
  // Word's third and fourth notes (a footnote and an endnote) are this bulletin's first and second.
  assert.match(third!, /Centro de Atención Integral al Cáncer de Mama\[\^1\], que en un solo lugar/);
  assert.match(third!, /el seguimiento de las pacientes\[\^2\]\.\n/);
  assert.ok(
    third!.endsWith(
      "\n\n[^1]: Los otros cinco centros están en:\n\n    - Ciudad de México\n    - Guadalajara\n    - Monterrey\n    - Mérida\n    - Hermosillo\n\n[^2]: Datos de la Coordinación de Unidades Médicas de Alta Especialidad.",
    ),
    third,
  );
  for (const [k, body] of [first!, third!].entries()) {
    assert.deepEqual(footnoteWarnings(body), [], body);
    const { text, notes } = renderedNotes(renderMarkdownAndText(body).html);
    assert.equal(notes.size, 2);
    assert.match(text, /<sup id="fnref:1"[^>]*><a href="#fn:1"[\s\S]*<sup id="fnref:2"/);
    if (k === 0) assert.match(notes.get(1)!, /^\s*<p>Incluye las unidades [^<]*<\/p>\s*<p>Las unidades de las zonas rurales [^<]*<a href="#fnref:1"/);
    else assert.match(notes.get(1)!, /^\s*<p>Los otros cinco centros están en:<\/p>\s*<ul>\s*<li>Ciudad de México<\/li>[\s\S]*<li>Hermosillo<\/li>\s*<\/ul>\s*<p><a href="#fnref:1"/);
  }
  for (const record of records) assert.ok(!record.warnings.some((w) => /nota al pie/.test(w)), record.warnings.join(" | "));
});

test("a file of two releases: a note called only in the first goes to it; a note called in both, or in none, is kept and the editor told which, in Spanish; each release's own [^1] stays its own", () => {
  const release = (number: string, title: string, body: string) =>
    ["Ciudad de México, martes 4 de junio de 2024", `No. ${number}`, "", title, "", body, "", "---o0o---", ""].join("\n");
  const cwd = tempDir();
  const file = path.join(cwd, "dos-comunicados.txt");
  writeFileSync(
    file,
    [
      release("250/2024", "IMSS amplía horario de vacunación", "El Instituto Mexicano del Seguro Social amplió el horario de vacunación[^1] en sus unidades médicas de la ciudad[^2]."),
      release("251/2024", "IMSS realiza jornada de cirugías de cataratas", "El Instituto Mexicano del Seguro Social realizó 900 cirugías de cataratas[^2] en el Hospital General Regional No. 1 de la ciudad."),
      "[^1]: De las siete de la mañana a las ocho de la noche.",
      "",
      "[^2]: Cifras de la Dirección de Prestaciones Médicas.",
      "",
      "[^3]: Incluye a las personas no derechohabientes.",
      "",
    ].join("\n"),
  );
  const result = runCli(["import", "--json", file], cwd);
  assert.equal(result.code, 0, result.stderr);
  const [one, two] = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { body: string; warnings: string[] });
  assert.ok(one!.body.endsWith("de la ciudad[^2].\n\n[^1]: De las siete de la mañana a las ocho de la noche."), one!.body);
  assert.ok(two!.body.endsWith("de la ciudad.\n\n[^2]: Cifras de la Dirección de Prestaciones Médicas.\n\n[^3]: Incluye a las personas no derechohabientes."), two!.body);
  const said = (warnings: string[]) => warnings.filter((w) => w.startsWith("La nota al pie"));
  assert.deepEqual(said(one!.warnings), []);
  assert.deepEqual(said(two!.warnings), [
    "La nota al pie [^2] («Cifras de la Dirección de Prestaciones Médicas.») se llama en el 1.º y el 2.º de los 2 comunicados del archivo: quedó en este (el 2.º), y en el 1.º la llamada quedó sin nota. Revisa de cuál es la nota y escribe en el otro la suya, o quita la llamada que sobra.",
    "La nota al pie [^3] («Incluye a las personas no derechohabientes.») no tiene llamada en ninguno de los 2 comunicados del archivo: quedó en este, al final, sin número que lleve a ella. Escribe [^3] en el texto, donde va la llamada, o quítala si no es de este comunicado.",
  ]);

  // Releases that each write their own notes, with the same labels: each keeps its own, nothing said.
  writeFileSync(
    file,
    [
      release("250/2024", "IMSS amplía horario de vacunación", "El Instituto Mexicano del Seguro Social amplió el horario de vacunación[^1] en sus unidades médicas de la ciudad."),
      "[^1]: De las siete de la mañana a las ocho de la noche.",
      "",
      release("251/2024", "IMSS realiza jornada de cirugías de cataratas", "El Instituto Mexicano del Seguro Social realizó 900 cirugías de cataratas[^1] en el Hospital General Regional No. 1 de la ciudad."),
      "[^1]: Cifras de la Dirección de Prestaciones Médicas.",
      "",
    ].join("\n"),
  );
  const own = runCli(["import", "--json", file], cwd);
  assert.equal(own.code, 0, own.stderr);
  const bodies = own.stdout.trim().split("\n").map((line) => JSON.parse(line) as { body: string; warnings: string[] });
  assert.ok(bodies[0]!.body.endsWith("[^1]: De las siete de la mañana a las ocho de la noche."), bodies[0]!.body);
  assert.ok(bodies[1]!.body.endsWith("[^1]: Cifras de la Dirección de Prestaciones Médicas."), bodies[1]!.body);
  for (const b of bodies) assert.deepEqual(said(b.warnings), []);
});
