import assert from "node:assert/strict";
import { test } from "node:test";
import { isEndMark, isLetterheadOffice, isPageFurniture, isRule, isSplitFurniture } from "../../src/import/page-furniture.ts";

const furniture = [
  "UNIDAD DE COMUNICACIÓN SOCIAL",
  "Unidad de Comunicación Social",
  "## Unidad de Comunicación Social",
  "**UNIDAD DE COMUNICACIÓN SOCIAL**",
  "Coordinación de Comunicación Social",
  "COORDINACIÓN DE COMUNICACIÓN SOCIAL IMSS SONORA",
  "GOBIERNO DE MÉXICO",
  "**GOBIERNO DE MÉXICO**",
  "Gobierno de México",
  "BOLETÍN DE PRENSA",
  "# BOLETÍN DE PRENSA",
  "Boletin de prensa",
  "COMUNICADO DE PRENSA",
  "Página 2 de 5",
  "PÁGINA 2 DE 5",
  "Pág. 3",
  "2 de 5",
  "- 2 -",
  "Instituto Mexicano del Seguro Social",
];
for (const line of furniture) test(`furniture: ${JSON.stringify(line)}`, () => assert.ok(isPageFurniture(line)));

const notFurniture = [
  "La Unidad de Comunicación Social informó que el horario cambia a partir del lunes.",
  "El Gobierno de México y el IMSS firmaron un convenio.",
  "Página web del Instituto",
  "2024",
  // A bare number is a page number only beside a page break (text.ts): here, it could be a figure.
  "7",
  "412",
  "IMSS fortalece recuperación de sus servicios médicos",
];
for (const line of notFurniture) test(`not furniture: ${JSON.stringify(line)}`, () => assert.ok(!isPageFurniture(line)));

test("GOBIERNO DE / MÉXICO split over two lines, also in bold", () => {
  assert.ok(isSplitFurniture("**GOBIERNO DE", "MÉXICO**"));
  assert.ok(isSplitFurniture("GOBIERNO", "DE MÉXICO"));
  assert.ok(isSplitFurniture("UNIDAD DE COMUNICACIÓN", "SOCIAL"));
  assert.ok(!isSplitFurniture("El Gobierno de", "México anunció hoy un programa"));
});

test("letterhead office lines", () => {
  assert.ok(isLetterheadOffice("Oficina de Representación del IMSS en Nuevo León"));
  assert.ok(isLetterheadOffice("OFICINA DE REPRESENTACIÓN EN CHIHUAHUA"));
  assert.ok(!isLetterheadOffice("IMSS Nuevo León realiza 1,200 cirugías"));
});

for (const line of ["---o0o---", "---oOo---", "—oOo—", "-o0o-", "o0o", "---000---", "-0-", "###", "-30-", "\\---o0o\\---"]) {
  test(`end mark ${JSON.stringify(line)}`, () => assert.ok(isEndMark(line)));
}
for (const line of ["---", "Todo", "o", "Los 000 pacientes"]) test(`not an end mark ${JSON.stringify(line)}`, () => assert.ok(!isEndMark(line)));

for (const line of ["---", "----------", "***", "___", "- - -"]) test(`rule ${JSON.stringify(line)}`, () => assert.ok(isRule(line)));
for (const line of ["--", "- item", "**bold**"]) test(`not a rule ${JSON.stringify(line)}`, () => assert.ok(!isRule(line)));
