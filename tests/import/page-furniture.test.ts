import assert from "node:assert/strict";
import { test } from "node:test";
import { continuesYearLegend, isEndMark, isLetterheadOffice, isPageFurniture, isRule, isSplitFurniture } from "../../src/import/page-furniture.ts";
import { extractRelease } from "../../src/import/text.ts";

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
  // The press office's name, with an organization or a place after it.
  "Coordinación de Comunicación Social, IMSS Sonora",
  "Coordinación de Comunicación Social del IMSS",
  "Unidad de Comunicación Social IMSS Jalisco",
  "Comunicación Social IMSS",
  "Jefatura de Comunicación Social - IMSS Sonora",
  "Dirección de Comunicación Social",
  "Unidad de Comunicación Social del IMSS en Nuevo León",
  // Letterhead logos and the year's legend.
  "IMSS-BIENESTAR",
  "IMSS BIENESTAR",
  "Imss-Bienestar",
  "SECRETARÍA DE SALUD",
  "SALUD SECRETARÍA DE SALUD",
  "GOBIERNO DE MÉXICO | IMSS",
  "**GOBIERNO DE MÉXICO** | IMSS | SECRETARÍA DE SALUD",
  "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab",
  "2023, Año de Francisco Villa, el revolucionario del pueblo",
  "“2023, Año de Francisco Villa, el revolucionario del pueblo”",
  "2025: Año de la Mujer Indígena",
  "2019, Año del Caudillo del Sur, Emiliano Zapata",
  "**2024: AÑO DE FELIPE CARRILLO PUERTO**",
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
  // A phrase that continues after «comunicación social» is text (a subheading, a sentence).
  "Comunicación social en salud: el reto de llegar a todos",
  "Comunicación Social IMSS organiza foro con periodistas",
  "Coordinación de Comunicación Social: teléfono 55 5238 2700",
  // Parts between `|` that are not all furniture; «año de» in an ordinary sentence.
  "GOBIERNO DE MÉXICO | Programa de vacunación",
  "IMSS | 2024",
  "2024, año de elecciones, el IMSS atendió a más pacientes",
  "2024, Año de retos para el IMSS",
  "2024: Año de Elecciones. El IMSS atendió a 3 millones de personas",
  "En 2024, Año de Felipe Carrillo Puerto, se inauguraron 10 hospitales",
  "Secretaría de Salud y el IMSS firman un convenio",
  // `IMSS <entidad>` is letterhead only above the title (isLetterheadOffice).
  "IMSS JALISCO",
];
for (const line of notFurniture) test(`not furniture: ${JSON.stringify(line)}`, () => assert.ok(!isPageFurniture(line)));

test("GOBIERNO DE / MÉXICO split over two lines, also in bold", () => {
  assert.ok(isSplitFurniture("**GOBIERNO DE", "MÉXICO**"));
  assert.ok(isSplitFurniture("GOBIERNO", "DE MÉXICO"));
  assert.ok(isSplitFurniture("UNIDAD DE COMUNICACIÓN", "SOCIAL"));
  assert.ok(!isSplitFurniture("El Gobierno de", "México anunció hoy un programa"));
});

test("SALUD / SECRETARÍA DE SALUD: the Secretaría's logo over two lines", () => {
  assert.ok(isSplitFurniture("SALUD", "SECRETARÍA DE SALUD"));
});

const letterheadOffices = [
  "Oficina de Representación del IMSS en Nuevo León",
  "OFICINA DE REPRESENTACIÓN EN CHIHUAHUA",
  "IMSS JALISCO",
  "IMSS Nuevo León",
  "**IMSS Baja California Sur**",
  "IMSS en Yucatán",
  "Dirección de Prestaciones Médicas",
];
for (const line of letterheadOffices) test(`letterhead office ${JSON.stringify(line)}`, () => assert.ok(isLetterheadOffice(line)));
const notLetterheadOffices = [
  "IMSS Nuevo León realiza 1,200 cirugías",
  "IMSS Jalisco inaugura clínica",
  "IMSS Colimán",
  "IMSS Bienestar",
  "Dirección de Prestaciones Médicas informa sobre la campaña",
];
for (const line of notLetterheadOffices) test(`not a letterhead office ${JSON.stringify(line)}`, () => assert.ok(!isLetterheadOffice(line)));

for (const line of ["---o0o---", "---oOo---", "—oOo—", "-o0o-", "o0o", "---000---", "-0-", "###", "-30-", "\\---o0o\\---"]) {
  test(`end mark ${JSON.stringify(line)}`, () => assert.ok(isEndMark(line)));
}
for (const line of ["---", "Todo", "o", "Los 000 pacientes"]) test(`not an end mark ${JSON.stringify(line)}`, () => assert.ok(!isEndMark(line)));

for (const line of ["---", "----------", "***", "___", "- - -"]) test(`rule ${JSON.stringify(line)}`, () => assert.ok(isRule(line)));
for (const line of ["--", "- item", "**bold**"]) test(`not a rule ${JSON.stringify(line)}`, () => assert.ok(!isRule(line)));

const letterheads = [
  "IMSS-BIENESTAR",
  "GOBIERNO DE MÉXICO | IMSS",
  "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab",
  "“2023, Año de Francisco Villa, el revolucionario del pueblo”",
  "IMSS JALISCO",
  "SALUD\nSECRETARÍA DE SALUD",
  "Instituto Mexicano del Seguro Social\nDirección de Prestaciones Médicas",
];
for (const letterhead of letterheads) {
  test(`import: the letterhead ${JSON.stringify(letterhead)} above the dateline is not the title`, () => {
    const parts = extractRelease(`${letterhead}\n\nGuadalajara, Jalisco, lunes 22 de julio de 2024\nNo. 350/2024\n\nIMSS Jalisco inaugura nueva clínica\n\nEl IMSS inauguró una clínica.`);
    assert.equal(parts.title, "IMSS Jalisco inaugura nueva clínica");
    assert.equal(parts.body, "El IMSS inauguró una clínica.");
  });
}

test("import: a subheading about «comunicación social» and a state office's name below the title stay in the body", () => {
  const parts = extractRelease(
    "Ciudad de México, lunes 22 de julio de 2024\nNo. 350/2024\n\nIMSS presenta estrategia\n\nEl IMSS presentó su estrategia.\n\nComunicación social en salud: el reto de llegar a todos\n\nLa estrategia sigue.\n\nIMSS Jalisco\n\nParticipó en la presentación.",
  );
  assert.equal(parts.title, "IMSS presenta estrategia");
  assert.match(parts.body, /\n\nComunicación social en salud: el reto de llegar a todos\n\n/);
  assert.match(parts.body, /\n\nIMSS Jalisco\n\n/);
});

const LEGEND_2024 = "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab";
/** [the legend so far, the next line, whether it goes on]: a year legend wrapped by a page or a converter. */
const legendWraps: Array<[string, string, boolean]> = [
  ["2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado,", "Revolucionario y Defensor del Mayab", true],
  ["2024: Año de Felipe Carrillo Puerto, Benemérito del", "Proletariado, Revolucionario y Defensor del Mayab", true],
  ["2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario", "y Defensor del Mayab", true],
  ["“2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado", "Revolucionario y Defensor del Mayab”", true],
  ["**2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado,**", "**Revolucionario y Defensor del Mayab**", true],
  ["2023, Año de Francisco Villa,", "el revolucionario del pueblo", true],
  // Guards: a complete legend, then a title or text; a legend left open, then a title.
  [LEGEND_2024, "IMSS inaugura clínica en Mérida", false],
  [LEGEND_2024, "IMSS Yucatán Inaugura Clínica", false],
  [LEGEND_2024, "los requisitos son tener entre 18 y 65 años", false],
  [LEGEND_2024, "y de la población derechohabiente", false],
  ["2024: Año de Felipe Carrillo Puerto,", "IMSS inaugura clínica en Mérida", false],
  ["2024: Año de Felipe Carrillo Puerto,", "El IMSS inauguró una clínica. La obra costó 86 millones", false],
  ["IMSS inaugura clínica,", "Revolucionario y Defensor del Mayab", false],
  // Cut right after a complete name (no comma, no connector): the year's legend as the decree writes it goes on.
  ["2024: Año de Felipe Carrillo Puerto", "Benemérito del Proletariado, Revolucionario y Defensor del Mayab", true],
  ["2024, Año de Felipe Carrillo Puerto, Benemérito del Proletariado", "Revolucionario y Defensor del Mayab", true],
  ["**2024: AÑO DE FELIPE CARRILLO PUERTO**", "**BENEMÉRITO DEL PROLETARIADO, REVOLUCIONARIO Y DEFENSOR DEL MAYAB**", true],
  ["2024: Año de Felipe Carrillo", "Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab", true],
  ["2025: Año de la Mujer", "Indígena", true],
  ["“2023, Año de Francisco Villa", "el revolucionario del pueblo”", true],
  ["2023, Año de Francisco Villa", "el revolucionario del pueblo", true],
  ["2022, Año de Ricardo Flores Magón", "Precursor de la Revolución Mexicana", true],
  ["2020, Año de Leona Vicario", "Benemérita Madre de la Patria", true],
  ["2019, Año del Caudillo del Sur", "Emiliano Zapata", true],
  ["2017, Año del Centenario de la Promulgación de la Constitución", "Política de los Estados Unidos Mexicanos", true],
  // …but not past its end, nor into a title or a sentence.
  ["2024: Año de Felipe Carrillo Puerto", "IMSS inaugura Unidad de Medicina Familiar en Mérida", false],
  ["2024: Año de Felipe Carrillo Puerto", "Inaugura IMSS Unidad de Medicina Familiar en Mérida", false],
  ["2020, Año de Leona Vicario", "Benemérita Madre de la Patria Potestad", false],
  ["2023, Año de Francisco Villa", "el revolucionario del pueblo fue homenajeado", false],
  ["2025: Año de la Mujer Indígena", "Reconocimiento a Enfermeras de Yucatán", false],
];
for (const [legend, next, goesOn] of legendWraps) {
  test(`year legend ${JSON.stringify(legend)} + ${JSON.stringify(next)}: ${goesOn ? "one legend" : "not the legend"}`, () => assert.equal(continuesYearLegend(legend, next), goesOn));
}

/**
 * A legend the importer does not know (a state's, a year to come) cut after a complete name: its next line
 * goes with it only when it is a list of names (no figures, no acronyms such as IMSS) and the release's own
 * lines (dateline, number, more letterhead) come right after it.
 */
const STATE_LEGEND = "2024, Año del Bicentenario de la Fundación del Estado Libre";
const unknownLegendWraps: Array<[string, string, boolean, boolean]> = [
  [STATE_LEGEND, "y Soberano de Yucatán", false, true],
  [STATE_LEGEND, "Soberano de Yucatán", true, true],
  [STATE_LEGEND, "Soberano de Yucatán", false, false],
  [STATE_LEGEND, "IMSS Yucatán Inaugura Unidad de Medicina Familiar", true, false],
  [STATE_LEGEND, "Inaugura Clínica con 12 Consultorios", true, false],
  [STATE_LEGEND, "inaugura clínica en Mérida", true, false],
];
for (const [legend, next, headFollows, goesOn] of unknownLegendWraps) {
  test(`unknown year legend + ${JSON.stringify(next)}${headFollows ? ", then the dateline" : ""}: ${goesOn ? "one legend" : "not the legend"}`, () =>
    assert.equal(continuesYearLegend(legend, next, { headFollows }), goesOn));
}
