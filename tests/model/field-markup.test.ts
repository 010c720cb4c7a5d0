import assert from "node:assert/strict";
import { test } from "node:test";
import { fieldMarkup } from "../../src/model/field-markup.ts";
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

test("check warns on the field's line, once per field, and publishes the value as written", () => {
  const r = normalizeText(
    fm('title: "IMSS **inaugura** clínica"\ndate: 2024-04-09\ndescription: "Prueba de **negritas** y m<sup>2</sup>"\nhighlights:\n  - "**Destacado** en negritas"\n  - "Otro *punto*"'),
  );
  assert.ok(r.bulletin);
  const warned = r.problems.filter((p) => p.code === "field-markup");
  assert.deepEqual(warned.map((p) => [p.field, p.line]), [["title", 2], ["description", 4], ["highlights", 5]]);
  assert.equal(warned[1]!.message, "«**negritas**» se publica tal cual, con sus marcas: description es texto, no markdown ni HTML.");
  assert.equal(warned[1]!.hint, 'Escribe description: "Prueba de negritas y m²" (sin marcas; en el texto del boletín sí se pueden usar).');
  assert.match(warned[2]!.hint!, /^Escribe ese punto así: "Destacado en negritas"/);
  // Nothing is rewritten: the editor decides.
  assert.equal(r.bulletin.description, "Prueba de **negritas** y m<sup>2</sup>");
  assert.equal(r.bulletin.title, "IMSS **inaugura** clínica");
});
