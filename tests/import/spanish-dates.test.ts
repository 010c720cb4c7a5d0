import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCalendarDay, inlineDatelineText, isStandaloneDateline, matchDateline } from "../../src/import/spanish-dates.ts";

/** [line, day, city, standalone] */
const datelines: Array<[string, string, string | undefined, boolean]> = [
  ["Ciudad de México, martes 9 de abril de 2024", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, a 5 de junio de 2023", "2023-06-05", "Ciudad de México", true],
  ["Ciudad de México, miércoles 30 de marzo de 2022", "2022-03-30", "Ciudad de México", true],
  ["Ciudad de México, Miércoles 30 de Marzo de 2022.", "2022-03-30", "Ciudad de México", true],
  ["Ciudad de México, miercoles, 30 de marzo del 2022", "2022-03-30", "Ciudad de México", true],
  ["Chihuahua, Chihuahua, viernes 07 de julio de 2023", "2023-07-07", "Chihuahua, Chihuahua", true],
  ["Guadalajara, Jalisco, a 01 de SEPTIEMBRE de 2023", "2023-09-01", "Guadalajara, Jalisco", true],
  ["Mérida, Yucatán, 1º de junio de 2022", "2022-06-01", "Mérida, Yucatán", true],
  ["Oaxaca de Juárez, Oax., 12 de setiembre de 2021", "2021-09-12", "Oaxaca de Juárez, Oax.", true],
  ["Villahermosa, Tabasco, sábado 29 de febrero de 2020", "2020-02-29", "Villahermosa, Tabasco", true],
  ["martes 9 de abril de 2024", "2024-04-09", undefined, true],
  ["9 de abril de 2024", "2024-04-09", undefined, true],
  ["Ciudad de México, martes 9 de abril de 2024 No. 171/2024", "2024-04-09", "Ciudad de México", true],
  ["Monterrey, Nuevo León, a 2 de febrero de 2024.- El Instituto Mexicano del Seguro Social", "2024-02-02", "Monterrey, Nuevo León", false],
];

for (const [line, day, city, standalone] of datelines) {
  test(`dateline ${JSON.stringify(line)}`, () => {
    const d = matchDateline(line);
    assert.ok(d, "not recognized");
    assert.equal(formatCalendarDay(d.date), day);
    assert.equal(d.city, city);
    assert.equal(isStandaloneDateline(d), standalone);
  });
}

/** Dates that are not a bulletin's dateline. */
const notDatelines = [
  "el 16 de mayo comienzan a trabajar",
  "El 16 de mayo de 2023 comienzan a trabajar",
  "Del 9 al 23 de abril permanece abierta la convocatoria",
  "Ciudad de México, 31 de abril de 2024", // no such day
  "Ciudad de México, 29 de febrero de 2023", // not a leap year
  "Ciudad de México, 9 de abrill de 2024",
  "durante la conferencia, 9 de abril de 2024", // a place starts with a capital letter
  "Informó que este 8 de abril se publicaron en el Diario Oficial",
  "Ciudad de México, martes 9 de abril",
];
for (const line of notDatelines) {
  test(`not a dateline: ${JSON.stringify(line)}`, () => {
    const d = matchDateline(line);
    assert.ok(d === undefined || !isStandaloneDateline(d) && inlineDatelineText(d) === undefined, JSON.stringify(d));
  });
}

const inline: Array<[string, string | undefined]> = [
  ["Monterrey, Nuevo León, a 2 de febrero de 2024.- El Instituto", "El Instituto"],
  ["Monterrey, Nuevo León, a 2 de febrero de 2024. - El Instituto", "El Instituto"],
  ["Monterrey, Nuevo León, 2 de febrero de 2024 — El Instituto", "El Instituto"],
  ["Monterrey, Nuevo León, 2 de febrero de 2024: El Instituto", "El Instituto"],
  ["Monterrey, Nuevo León, 2 de febrero de 2024 el Instituto informó", undefined],
];
for (const [line, rest] of inline) {
  test(`inline dateline ${JSON.stringify(line)}`, () => {
    const d = matchDateline(line);
    assert.ok(d);
    assert.equal(inlineDatelineText(d), rest);
  });
}
