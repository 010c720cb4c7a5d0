import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pdfToText } from "../../src/import/pdf.ts";
import { extractRelease } from "../../src/import/text.ts";
import { renderBody } from "../../src/render/markdown.ts";

/**
 * Several footnote calls after one word (`salud¹,²`, `salud¹ ²`, `salud¹⁻³`), in PDFs that LibreOffice printed from
 * documents made by tests/fixtures/import/make-fixtures.py: Word's own notes (Tlaxcala, a .docx) and citations
 * typed as a reference manager writes them (Zacatecas, a .fodt).
 */
const pdf = (name: string) => pdfToText(new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))));

test("pdf: Word's footnote calls printed together after a word (¹,², ³ ⁴, and ⁵⁶ with nothing between them) are each its own call", async () => {
  const { text, messages } = await pdf("tlaxcala-llamadas-juntas.pdf");
  const parts = extractRelease(text);
  assert.equal(parts.title, "IMSS Tlaxcala llama a prevenir la diabetes y la hipertensión con un chequeo anual");
  const paragraphs = parts.body.split("\n\n");
  assert.match(paragraphs[0]!, /en sus Unidades de Medicina Familiar\[\^1\]\[\^2\], por lo que llamó/);
  assert.match(paragraphs[1]!, /viven con sobrepeso u obesidad\[\^3\]\[\^4\], lo que aumenta/);
  assert.match(paragraphs[2]!, /de glucosa y de presión arterial\[\^5\]\[\^6\], y que en una/);
  const notes = paragraphs.filter((p) => p.startsWith("[^"));
  assert.deepEqual(notes, [
    "[^1]: Sistema de Información de Atención Integral a la Salud (SIAIS), consultas de primera vez de enero a diciembre de 2023.",
    "[^2]: Informe de Morbilidad de la Jefatura de Servicios de Prestaciones Médicas en Tlaxcala, primer trimestre de 2024.",
    "[^3]: Encuesta Nacional de Salud y Nutrición (Ensanut) 2022, resultados por entidad federativa.",
    "[^4]: Se considera sobrepeso un índice de masa corporal de 25 a 29.9 y obesidad uno de 30 o más.",
    "[^5]: Programa PrevenIMSS, detecciones realizadas en las 11 Unidades de Medicina Familiar del estado.",
    "[^6]: Incluye las detecciones hechas en ferias de la salud y en centros de trabajo afiliados.",
  ]);
  assert.deepEqual(paragraphs.slice(-6), notes);
  assert.doesNotMatch(parts.body, /<sup>|[¹²³⁴⁵⁶]/);
  // ⁵⁶ is printed as one number: read as two calls because the page has notes 5 and 6 and no 56, and said.
  assert.deepEqual(messages, [
    "Página 1: «…glucosa y de presión arterial⁵⁶»: no hay nota 56 al pie de la página; el volado se leyó como las llamadas a las notas 5 y 6, impresas juntas ([^5][^6]): revisa que así sea.",
  ]);
  assert.deepEqual(parts.warnings, []);
  // On the site: two links, each to its note, and no sign between them.
  const html = renderBody(parts.body).html;
  assert.match(html, /Familiar<sup id="fnref:1" data-pagefind-ignore><a href="#fn:1" aria-label="Nota 1">1<\/a><\/sup><sup id="fnref:2" data-pagefind-ignore><a href="#fn:2" aria-label="Nota 2">2<\/a><\/sup>, por lo que/);
  assert.equal((html.match(/<li id="fn:\d+">/g) ?? []).length, 6);
  assert.doesNotMatch(html, /\[\^/);
});

test("pdf: typed citations, a range (¹⁻³, ⁶–⁸) calls each note of it and a list (⁴, ⁵) each of its numbers; a number without its note stays as printed and is said", async () => {
  const { text, messages } = await pdf("zacatecas-citas-por-intervalo.pdf");
  const parts = extractRelease(text);
  assert.equal(parts.number, "275/2024");
  const paragraphs = parts.body.split("\n\n");
  assert.match(paragraphs[0]!, /adultos en el país\[\^1\]\[\^2\]\[\^3\] y que la mitad/);
  assert.match(paragraphs[1]!, /cómo funcionan los riñones\[\^4\]\[\^5\], y que detectar/);
  assert.match(paragraphs[2]!, /un trasplante de riñón\[\^6\]\[\^7\]\[\^8\], la mayoría/);
  // ⁹,¹⁰: note 9 is at the foot, no note 10: the 10 is kept as printed, beside the call (not `[^9]¹⁰`, read as 910).
  assert.match(paragraphs[3]!, /480 mil derechohabientes\[\^9\]<sup>,10<\/sup> y que la prueba/);
  const notes = paragraphs.filter((p) => p.startsWith("[^"));
  assert.deepEqual(
    notes.map((p) => p.split(":")[0]),
    ["[^1]", "[^2]", "[^3]", "[^4]", "[^5]", "[^6]", "[^7]", "[^8]", "[^9]"],
  );
  assert.equal(notes[6], "[^7]: Registro de Trasplantes de la Coordinación de Donación de Órganos del IMSS.");
  assert.deepEqual(paragraphs.slice(-9), notes);
  assert.deepEqual(messages, [
    "Página 1: «…derechohabientes⁹,¹⁰»: el 10 volado no tiene nota al pie con ese número en la página; quedó volado como se imprimió (el otro se unió a su nota). Si es la llamada a una nota, agrega la nota al final del texto ([^10]: …) y cambia ese número volado por [^10].",
  ]);
  assert.deepEqual(parts.warnings, []);
  const html = renderBody(parts.body).html;
  assert.equal((html.match(/<sup id="fnref:\d+"/g) ?? []).length, 9);
  assert.match(html, /derechohabientes<sup id="fnref:9" data-pagefind-ignore><a href="#fn:9" aria-label="Nota 9">9<\/a><\/sup><sup>,10<\/sup> y/);
});

test("pdf: note calls raised at the text's own size (LibreOffice's note anchor at 100 %) pair with the notes at the foot of the page; one after a figure is no call, stays as printed and is said", async () => {
  const { text, messages } = await pdf("durango-llamadas-elevadas.pdf");
  const parts = extractRelease(text);
  assert.equal(parts.title, "IMSS Durango amplía la atención de la salud mental en sus Unidades de Medicina Familiar");
  const paragraphs = parts.body.split("\n\n");
  // Read until now as lines of their own («1», «2», «3» over the text) and as text glued to the word («ansiedad1»).
  assert.match(paragraphs[0]!, /personas con depresión o ansiedad\[\^1\], un tercio más/);
  assert.match(paragraphs[1]!, /adultas en el país\[\^2\] y que muchas de ellas/);
  // 3,500 with a 3 raised after it: a power or a call, which only the writer knows; as printed.
  assert.match(paragraphs[2]!, /^Detalló que para ello se capacitó a 3,5003 trabajadores de la salud en la detección de la depresión, y que/);
  assert.deepEqual(paragraphs.slice(-3), [
    "[^1]: Sistema de Información de Atención Integral a la Salud (SIAIS), enero a septiembre de 2024.",
    "[^2]: Encuesta Nacional de Bienestar Autorreportado (ENBIARE) 2021, del INEGI.",
    "[^3]: Incluye personal de medicina familiar, enfermería, psicología y trabajo social.",
  ]);
  assert.equal(paragraphs.filter((p) => /^\d$/.test(p.trim())).length, 0);
  assert.deepEqual(messages, [
    "Página 1: la nota al pie 3 («Incluye personal de medicina familiar, enfermería, psicología y…») no tiene en el texto un 3 volado que la llame. Quedó al final del texto como [^3], sin llamada: escribe [^3] donde va la llamada, o bórrala si sobra. En la página, justo después de una cifra, hay un 3 elevado que quedó como texto («…para ello se capacitó a 3,5003»): si es su llamada, cambia ese 3 por [^3].",
  ]);
  assert.deepEqual(parts.warnings, []);
});
