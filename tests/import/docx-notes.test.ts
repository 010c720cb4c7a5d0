import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
 * Word's footnotes and endnotes of several paragraphs (or with lists), from real .docx files LibreOffice saved (tests/fixtures/import/make-note-fixtures.py), through the importer,
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
  const at = html.indexOf("<hr");
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
