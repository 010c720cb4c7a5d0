import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { docxToText, htmlToReleaseText } from "../../src/import/docx.ts";
import { pdfToText } from "../../src/import/pdf.ts";
import { extractRelease } from "../../src/import/text.ts";
import { renderMarkdownAndText } from "../../src/render/markdown.ts";

/**
 * Several Word footnote references after one word (`salud¹,²`, `salud¹ ²`, `salud¹;²`, `salud¹⁻²`): one call each,
 * `[^1][^2]`, as the PDF path writes them. Real .docx files: Colima, saved by LibreOffice
 * (tests/fixtures/import/make-call-fixtures.py), and Tlaxcala, written as Word writes its references
 * (make-fixtures.py), whose PDF the PDF path reads.
 */
const bytes = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

const COLIMA_TEXT = [
  "El Instituto Mexicano del Seguro Social (IMSS) en Colima informó que el cáncer de mama es la primera causa de muerte por cáncer en mujeres mayores de 25 años[^1][^2], por lo que durante octubre sus unidades amplían el horario de la mastografía.",
  "La coordinadora de Prevención y Atención a la Salud, doctora Laura Elena Ceballos Michel, explicó que una de cada ocho mujeres tendrá cáncer de mama a lo largo de su vida[^3][^4] y que, detectado a tiempo, nueve de cada diez casos se curan.",
  "Detalló que en 2023 las unidades del Instituto en el estado realizaron 21 mil mastografías[^5][^6] y que en 180 de ellas se encontraron lesiones que se enviaron a estudio.",
  "Ceballos Michel señaló que la mastografía se recomienda cada dos años a partir de los 40[^7][^8], y la exploración clínica cada año a partir de los 25.",
  "Añadió que el tratamiento de una paciente detectada a tiempo cuesta la cuarta parte[^9][^10] que el de una detectada en etapa avanzada, y que su sobrevida a cinco años es de 90 por ciento[^11][^12].",
  // A number typed beside a call is no note: as typed; a superscript comma after one call, before the text, stays.
  "Recordó que el IMSS atiende en Colima a 320 mil mujeres derechohabientes[^13]<sup>,15</sup> y que la mastografía es gratuita y no necesita cita en la Unidad de Medicina Familiar[^14]<sup>,</sup> presentando su identificación.",
];

/** Each `[^N]` of a paragraph, in the site's HTML: its link to its note, and the note's item. */
function noteLinks(html: string, paragraph: string): string[] {
  const p = html.split("\n").find((line) => line.startsWith("<p>") && line.includes(paragraph))!;
  assert.ok(p, paragraph);
  return [...p.matchAll(/<sup id="fnref:(\d+)"[^>]*><a href="#fn:(\d+)"[^>]*>(\d+)<\/a><\/sup>/g)].map((m) => {
    assert.equal(m[1], m[2]);
    assert.equal(m[2], m[3]);
    assert.match(html, new RegExp(`<li id="fn:${m[2]}">`), `note ${m[2]} is on the page`);
    return m[2]!;
  });
}

test("docx (saved by LibreOffice): two Word notes called together after a word (¹,², ³ ⁴, ⁵,⁶ at the text's size, ⁷;⁸, ranges ⁹⁻¹⁰ and ¹¹–¹²) are [^1][^2], two links on the site with nothing between them", async () => {
  const { text, messages } = await docxToText(bytes("colima-llamadas-combinadas.docx"));
  const parts = extractRelease(text);
  assert.equal(parts.title, "IMSS Colima refuerza la detección oportuna del cáncer de mama durante octubre");
  assert.equal(parts.number, "455/2024");
  const paragraphs = parts.body.split("\n\n");
  assert.deepEqual(paragraphs.slice(0, 6), COLIMA_TEXT);
  assert.deepEqual(
    paragraphs.slice(6).map((p) => p.split(":")[0]),
    Array.from({ length: 14 }, (_, k) => `[^${k + 1}]`),
  );
  assert.equal(paragraphs[6 + 8], "[^9]: Dirección de Finanzas del IMSS, costos unitarios de atención médica 2023.");
  assert.deepEqual(messages, [
    "«…mujeres derechohabientes¹³,¹⁵»: el 15 volado después de la llamada [^13] no es una nota al pie del documento: se escribió como texto y quedó volado. Si es la llamada a una nota, cambia ese número volado por [^15] (y si la nota no está al final del texto, agrégala: [^15]: …).",
  ]);
  assert.deepEqual(parts.warnings, []);

  // The site: each pair of calls is two superscript links, side by side, each to its own note.
  const { html } = renderMarkdownAndText(parts.body);
  assert.deepEqual(noteLinks(html, "mujeres mayores de 25 años"), ["1", "2"]);
  assert.match(html, /25 años<sup id="fnref:1"[^>]*><a href="#fn:1"[^>]*>1<\/a><\/sup><sup id="fnref:2"[^>]*><a href="#fn:2"[^>]*>2<\/a><\/sup>, por lo que/);
  assert.deepEqual(noteLinks(html, "a lo largo de su vida"), ["3", "4"]);
  assert.deepEqual(noteLinks(html, "21 mil mastografías"), ["5", "6"]);
  assert.deepEqual(noteLinks(html, "a partir de los 40"), ["7", "8"]);
  assert.deepEqual(noteLinks(html, "la cuarta parte"), ["9", "10", "11", "12"]);
  assert.match(html, /parte<sup id="fnref:9"[^>]*><a [^>]*>9<\/a><\/sup><sup id="fnref:10"[^>]*><a [^>]*>10<\/a><\/sup> que el de/);
  assert.equal((html.match(/<li id="fn:\d+">/g) ?? []).length, 14);
  assert.doesNotMatch(html, /\[\^|<\/a><\/sup>(?:<sup>)?[,;\-–⁻ ]<sup id="fnref/);
});

test("docx as Word writes its references (Tlaxcala: ¹,² in one superscript, ³ ⁴, ⁵⁶): the same body as its PDF, [^1][^2] with no stray superscript comma", async () => {
  const fromDocx = extractRelease((await docxToText(bytes("tlaxcala-llamadas-juntas.docx"))).text);
  const fromPdf = extractRelease((await pdfToText(new Uint8Array(bytes("tlaxcala-llamadas-juntas.pdf")))).text);
  const paragraphs = fromDocx.body.split("\n\n");
  assert.match(paragraphs[0]!, /en sus Unidades de Medicina Familiar\[\^1\]\[\^2\], por lo que llamó/);
  assert.match(paragraphs[1]!, /viven con sobrepeso u obesidad\[\^3\]\[\^4\], lo que aumenta/);
  assert.match(paragraphs[2]!, /de glucosa y de presión arterial\[\^5\]\[\^6\], y que en una/);
  assert.doesNotMatch(fromDocx.body, /<sup>/);
  assert.equal(fromDocx.body, fromPdf.body);
});

test("docx HTML: the shapes of mammoth's combined calls (one superscript or two, a sign at the text's size, Word's own style) all give [^1][^2]; anything else after a call is kept", () => {
  const ref = (n: number) => `<a href="#footnote-${n}" id="footnote-ref-${n}">[${n}]</a>`;
  const cases: Array<[string, string]> = [
    // Word: each reference in a superscript run, the comma typed in superscript between them (mammoth nests them).
    [`salud<sup><sup>${ref(1)}</sup>,<sup>${ref(2)}</sup></sup>, y`, "salud[^1][^2], y"],
    // Word's «Ref. de nota al pie» only (no superscript of its own): the typed comma comes at the text's size.
    [`salud<sup>${ref(1)}</sup>, <sup>${ref(2)}</sup> y`, "salud[^1][^2] y"],
    [`salud<sup>${ref(1)}</sup> ; <sup>${ref(2)}</sup> y`, "salud[^1][^2] y"],
    [`salud<sup>${ref(1)} </sup><sup>${ref(2)}</sup> y`, "salud[^1][^2] y"],
    [`salud<sup>${ref(1)}–</sup><sup>${ref(2)}</sup> y`, "salud[^1][^2] y"],
    [`salud<sup>${ref(1)}-</sup><sup>${ref(2)}</sup>,<sup>${ref(3)}</sup> y`, "salud[^1][^2][^3] y"],
    [`<strong>salud<sup>${ref(1)}</sup></strong>, <sup>${ref(2)}</sup> y`, "**salud[^1]**[^2] y"],
    // Not a separator between two calls: kept where it was.
    [`salud<sup>${ref(1)}</sup>, y <sup>${ref(2)}</sup> y`, "salud[^1], y [^2] y"],
    [`salud<sup>${ref(1)}</sup>,, <sup>${ref(2)}</sup> y`, "salud[^1],, [^2] y"],
    [`salud<sup>${ref(1)},</sup> y`, "salud[^1]<sup>,</sup> y"],
    [`salud<sup>${ref(1)}</sup>, y`, "salud[^1], y"],
    [`salud<sup>${ref(1)}</sup><br />, <sup>${ref(2)}</sup>`, "salud[^1]\n, [^2]"],
  ];
  for (const [inner, expected] of cases) {
    const notes: string[] = [];
    assert.equal(htmlToReleaseText(`<p>${inner}</p>`, notes), expected, inner);
    assert.deepEqual(notes, [], inner);
  }
  // A paragraph's last call and the next paragraph's first are no pair.
  assert.equal(htmlToReleaseText(`<p>salud<sup>${ref(1)}</sup>.</p><p>, <sup>${ref(2)}</sup></p>`), "salud[^1].\n\n, [^2]");
});

test("docx HTML: numbers typed in superscript beside a call stay as typed and are said; a dash between calls not in a row stays", () => {
  const ref = (n: number) => `<a href="#footnote-${n}" id="footnote-ref-${n}">[${n}]</a>`;
  const notes: string[] = [];
  assert.equal(htmlToReleaseText(`<p>la salud<sup>${ref(1)}-3</sup> y</p>`, notes), "la salud[^1]⁻³ y");
  assert.equal(htmlToReleaseText(`<p>la salud<sup>${ref(1)}</sup><sup>, 2, 3</sup> y</p>`, notes), "la salud[^1]<sup>, 2, 3</sup> y");
  // Not from mammoth, which numbers references in a row: ¹⁻³ would cite 2, which is not linked here.
  assert.equal(htmlToReleaseText(`<p>la salud<sup>${ref(1)}-</sup><sup>${ref(3)}</sup> y</p>`, notes), "la salud[^1]⁻[^3] y");
  assert.deepEqual(notes, [
    "«…la salud¹⁻³»: el 3 volado después de la llamada [^1] no es una nota al pie del documento: se escribió como texto y quedó volado. Si es la llamada a una nota, cambia ese número volado por [^3] (y si la nota no está al final del texto, agrégala: [^3]: …).",
    "«…la salud¹, ², ³»: los números volados 2 y 3 después de la llamada [^1] no son notas al pie del documento: se escribieron como texto y quedaron volados. Si son llamadas a notas, cambia esos números volados por [^2][^3] (y si las notas no están al final del texto, agrégalas: [^2]: …, [^3]: …).",
    "«…la salud¹⁻³»: un guion volado entre las llamadas [^1] y [^3], que no son notas seguidas; quedó como se escribió. Si es un intervalo, escribe también las llamadas de las notas de en medio.",
  ]);
});
