import assert from "node:assert/strict";
import { test } from "node:test";
import { fieldFootnote, fieldMarkup } from "../../src/model/field-markup.ts";
import { fm, normalizeText } from "./helpers.ts";

test("markup in a text field is found, with the value as it reads without it", () => {
  const cases: Array<[string, string, string]> = [
    ["Prueba de **negritas** y m<sup>2</sup>", "**negritas**", "Prueba de negritas y m²"],
    ["Emisiones de CO<sub>2</sub>", "<sub>2</sub>", "Emisiones de CO₂"],
    ["Consulta [el portal](https://www.imss.gob.mx) hoy", "[el portal](https://www.imss.gob.mx)", "Consulta el portal hoy"],
    ["Una *cursiva* aquí", "*cursiva*", "Una cursiva aquí"],
    ["Texto con __doble__ guion", "__doble__", "Texto con doble guion"],
    ["IMSS&nbsp;Yucatán", "&nbsp;", "IMSS Yucatán"],
    ["Salud <b>y</b> <span class=\"x\">bienestar</span>", "<b>", "Salud y bienestar"],
  ];
  for (const [value, found, plain] of cases) assert.deepEqual(fieldMarkup(value), { found, plain }, value);
});

test("text that only looks like markup is left alone", () => {
  for (const value of [
    "IMSS inaugura clínica en Mérida",
    "Programa <IMSS-Bienestar> en Oaxaca",
    "archivo_2024_mayo y foto_final",
    "Nota* al pie",
    "5 * 3 = 15",
    "Salud & bienestar",
    "[Video] IMSS inaugura clínica",
    "_inicio",
  ]) {
    assert.equal(fieldMarkup(value), undefined, value);
  }
});

test("check warns on the line and column of the markup (a list item's own line), once per field, and publishes the value as written", () => {
  const r = normalizeText(
    fm('title: "IMSS **inaugura** clínica"\ndate: 2024-04-09\ndescription: "Prueba de **negritas** y m<sup>2</sup>"\nhighlights:\n  - "**Destacado** en negritas"\n  - "Otro *punto*"'),
  );
  assert.ok(r.bulletin);
  const warned = r.problems.filter((p) => p.code === "field-markup");
  assert.deepEqual(warned.map((p) => [p.field, p.line, p.column]), [["title", 2, 14], ["description", 4, 25], ["highlights", 6, 6]]);
  assert.equal(warned[1]!.message, "«**negritas**» se publica tal cual, con sus marcas: description es texto, no markdown ni HTML.");
  assert.equal(warned[1]!.hint, 'Escribe description: "Prueba de negritas y m²" (sin marcas; en el texto del boletín sí se pueden usar).');
  assert.match(warned[2]!.hint!, /^Escribe ese punto así: "Destacado en negritas"/);
  // Nothing is rewritten: the editor decides.
  assert.equal(r.bulletin.description, "Prueba de **negritas** y m<sup>2</sup>");
  assert.equal(r.bulletin.title, "IMSS **inaugura** clínica");
});

test("a footnote's call in a text field is found, any label, with the value as it reads without it", () => {
  const cases: Array<[string, string, string]> = [
    ["Casos de dengue[^1] en Yucatán", "[^1]", "Casos de dengue en Yucatán"],
    ["Aumentan las consultas [^fuente].", "[^fuente]", "Aumentan las consultas."],
    ["[^nota 1] Inicia campaña", "[^nota 1]", "Inicia campaña"],
    ["Vacunas[^] y más[^2]", "[^]", "Vacunas y más"],
    // With other markup: one text without any of it, for both warnings.
    ["**Inicia** campaña[^1]", "[^1]", "Inicia campaña"],
  ];
  for (const [value, call, plain] of cases) assert.deepEqual(fieldFootnote(value), { call, plain }, value);
  assert.equal(fieldMarkup("**Inicia** campaña[^1]")!.plain, "Inicia campaña");
  for (const value of ["IMSS inaugura clínica", "[Video] IMSS inaugura clínica", "Expresión [^abc sin cerrar", "Potencia 10^3"]) assert.equal(fieldFootnote(value), undefined, value);
});

test("check warns of a footnote's call in title, description, highlights and alt where the call is written, and publishes them as written", () => {
  const body = "Texto con nota[^1].\n\n[^1]: Fuente: IMSS, 2024.\n";
  const r = normalizeText(
    fm(
      'title: "Casos de dengue[^1] en Yucatán"\ndate: 2024-04-09\ndescription: "Resumen con nota[^2]."\nimage: /uploads/a.jpg\nalt: "Gráfica de casos[^g]"\nhighlights:\n  - "Uno"\n  - "Dos[^3] y **tres**"\n  - "Cuatro[^4]"',
      body,
    ),
    { images: ["/uploads/a.jpg"] },
  );
  assert.ok(r.bulletin);
  const warned = r.problems.filter((p) => p.code === "field-footnote");
  assert.deepEqual(warned.map((p) => [p.field, p.line, p.column, p.severity]), [["title", 2, 24, "warning"], ["description", 4, 31, "warning"], ["alt", 6, 23, "warning"], ["highlights", 9, 9, "warning"]]);
  assert.equal(warned[0]!.message, "«[^1]» se publica tal cual, con sus corchetes: title es texto, y las notas al pie solo existen en el texto del boletín.");
  // The body has the note [^1]: only the call is in the wrong place.
  assert.equal(warned[0]!.hint, 'El texto ya tiene la nota [^1]: escribe la llamada [^1] en el texto del boletín, donde corresponde, y quítala de title. Escribe title: "Casos de dengue en Yucatán"');
  assert.equal(warned[1]!.hint, 'Si la nota hace falta, escribe la llamada [^2] en el texto del boletín y la nota al final del texto, en un renglón propio ([^2]: …); si no, quita la llamada. Escribe description: "Resumen con nota."');
  assert.match(warned[3]!.hint!, /Escribe ese punto así: "Dos y tres"$/);
  // Its other markup is said too, once.
  assert.deepEqual(r.problems.filter((p) => p.code === "field-markup").map((p) => p.field), ["highlights"]);
  assert.equal(r.bulletin.title, "Casos de dengue[^1] en Yucatán");
  assert.deepEqual(r.bulletin.highlights, ["Uno", "Dos[^3] y **tres**", "Cuatro[^4]"]);
});
