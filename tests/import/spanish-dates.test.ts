import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCalendarDay, inlineDatelineText, isStandaloneDateline, matchDateline, monthNumber, unreadableDateline } from "../../src/import/spanish-dates.ts";

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
  // The first of the month as an ordinal, every way the IMSS writes it.
  ["Mérida, Yucatán, miércoles 1o. de mayo de 2024", "2024-05-01", "Mérida, Yucatán", true],
  ["Ciudad de México, 1.º de julio de 2024", "2024-07-01", "Ciudad de México", true],
  ["Ciudad de México, 1ro. de septiembre de 2024", "2024-09-01", "Ciudad de México", true],
  ["Ciudad de México, 1er. de septiembre de 2024", "2024-09-01", "Ciudad de México", true],
  ["Ciudad de México, 15o. de julio de 2024", "2024-07-15", "Ciudad de México", true], // the mark does no harm on another day
  // On a line of its own, the `.-` that sets off a dateline opening the text.
  ["Ciudad de México, 9 de abril de 2024.-", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024.–", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024. -", "2024-04-09", "Ciudad de México", true],
  // A time after the date: only the day is kept.
  ["Ciudad de México, 10 de abril de 2024, 18:00 horas", "2024-04-10", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024 - 14:30 hrs", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024, 10:00 a. m.", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abril de 2024, 18 horas. No. 171/2024", "2024-04-09", "Ciudad de México", true],
  // Abbreviated months.
  ["Ciudad de México, 9 de abr. de 2024", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de abr de 2024", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de Sept. de 2024", "2024-09-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de set. de 2024", "2024-09-09", "Ciudad de México", true],
  ["Ciudad de México, 9 de ENE. de 2024", "2024-01-09", "Ciudad de México", true],
  ["Ciudad de México, 24 dic 2024", "2024-12-24", "Ciudad de México", true],
  // No `de` before the month; the month first.
  ["Tlaxcala, Tlax., 9 abril de 2024", "2024-04-09", "Tlaxcala, Tlax.", true],
  ["Ciudad de México, abril 9 de 2024", "2024-04-09", "Ciudad de México", true],
  ["abril 9, 2024", "2024-04-09", undefined, true],
  ["Ciudad de México, martes, abril 9, 2024.", "2024-04-09", "Ciudad de México", true],
  ["Ciudad de México, a martes 9 de abril de 2024", "2024-04-09", "Ciudad de México", true],
  // The place, then «a» without a comma: as common as the comma.
  ["Ciudad de México a 9 de mayo de 2024", "2024-05-09", "Ciudad de México", true],
  ["Mérida, Yucatán a 9 de mayo de 2024", "2024-05-09", "Mérida, Yucatán", true],
  ["Ciudad de México a martes 9 de abril de 2024.", "2024-04-09", "Ciudad de México", true],
  ["Oaxaca de Juárez, Oax. a 12 de setiembre de 2021", "2021-09-12", "Oaxaca de Juárez, Oax.", true],
  ["CIUDAD DE MÉXICO A 9 DE MAYO DE 2024", "2024-05-09", "CIUDAD DE MÉXICO", true],
  ["Ciudad de México a 9 de mayo de 2024. No. 175/2024", "2024-05-09", "Ciudad de México", true],
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
  "Ciudad de México, 9 de abrilx de 2024", // no month is the start of a longer word
  "Ciudad de México, 2 o 3 de abril de 2024",
  "Ciudad de México, 31 de abr. de 2024",
  "Ciudad de México, abril de 2024",
  "Se realizaron 9 de cada 10 cirugías en 2024",
  // Without a comma, what precedes «a» must be a place name, not a sentence.
  "Se amplía el plazo a 9 de mayo de 2024",
  "El registro cierra a 9 de mayo de 2024",
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
  ["Mérida, Yucatán, 1o. de mayo de 2024.- El Instituto", "El Instituto"],
  ["Mérida, Yucatán, 1.º de mayo de 2024.- El Instituto", "El Instituto"],
  ["Ciudad de México, 9 de abr. de 2024.- El Instituto", "El Instituto"],
  ["Ciudad de México, 10 de abril de 2024, 18:00 horas.- El Instituto", "El Instituto"],
  ["Ciudad de México a 9 de mayo de 2024.- El Instituto", "El Instituto"],
  ["Mérida, Yucatán a 1o. de mayo de 2024.- El Instituto", "El Instituto"],
  // Guards: a time opening the text is the text's, not the dateline's; a dateline alone opens no text.
  ["Ciudad de México, 9 de abril de 2024 – 24 horas después del sismo, el Instituto", "24 horas después del sismo, el Instituto"],
  ["Ciudad de México, 9 de abril de 2024.-", undefined],
];
for (const [line, rest] of inline) {
  test(`inline dateline ${JSON.stringify(line)}`, () => {
    const d = matchDateline(line);
    assert.ok(d);
    assert.equal(inlineDatelineText(d), rest);
  });
}

const months: Array<[string, number]> = [
  ["abr.", 4],
  ["SEPT", 9],
  ["set.", 9],
  ["dic", 12],
  ["abrill", 0], // guard
];
for (const [name, month] of months) test(`month ${JSON.stringify(name)} → ${month}`, () => assert.equal(monthNumber(name), month));

/**
 * [line, what the editor is told (a part of it), or undefined]: a line clearly meant as the dateline that
 * cannot be read says why, precisely; a line that is read, and any line that is no dateline, says nothing.
 */
const unreadable: Array<[string, string | undefined]> = [
  ["Ciudad de México, 31 de abril de 2024", "el 31 de abril de 2024 no existe (abril de 2024 tiene 30 días)"],
  ["Ciudad de México, 29 de febrero de 2023", "el 29 de febrero de 2023 no existe (febrero de 2023 tiene 28 días)"],
  ["Ciudad de México, abril 31, 2024", "el 31 de abril de 2024 no existe"],
  ["Ciudad de México, 9 de abrill de 2024", "«abrill» no es un mes (¿«abril»?)"],
  ["Ciudad de México, 9 de Avril de 2024", "«Avril» no es un mes (¿«abril»?)"],
  ["Ciudad de México 9 de mayo de 2024", "no tiene la forma «Ciudad de México, 9 de mayo de 2024»; falta la coma después del lugar"],
  ["Oaxaca de Juárez, Oax. 9 de abril de 2024", "no tiene la forma «Oaxaca de Juárez, Oax., 9 de abril de 2024»; falta la coma después del lugar"],
  ["Ciudad de México; 9 de abril de 2024", "no tiene la forma «Ciudad de México, 9 de abril de 2024»; después del lugar va una coma, no punto y coma"],
  ["Ciudad de México. martes 9 de abril de 2024", "no tiene la forma «Ciudad de México, martes 9 de abril de 2024»; después del lugar va una coma, no un punto"],
  ["Coatzacoalcos, Veracruz (IMSS), 9 de abril de 2024", "«Coatzacoalcos, Veracruz (IMSS)» no parece un lugar"],
  ["ciudad de méxico, 9 de abril de 2024", "el lugar («ciudad de méxico») debe empezar con mayúscula"],
  ["Ciudad de México, 9 de abril de 2024 (IMSS)", "después de la fecha sigue «(IMSS)»"],
  ["Ciudad de México, martes 9 de abril", "falta el año"],
  ["Ciudad de México a martes 9 de abril", "falta el año"],
  ["Ciudad de México, 09/04/2024", "la fecha está escrita con números; escríbela con letras, como «9 de abril de 2024»"],
  // Guards (nothing to say). Read:
  ["Ciudad de México, 9 de abril de 2024.-", undefined],
  ["Mérida, Yucatán, 1o. de mayo de 2024", undefined],
  ["Ciudad de México, 10 de abril de 2024, 18:00 horas", undefined],
  ["Ciudad de México a 9 de mayo de 2024", undefined],
  ["Mérida, Yucatán a 9 de mayo de 2024", undefined],
  // No dateline: a title or a sentence that mentions a date.
  ["Inaugura IMSS hospital el 9 de abril de 2024", undefined],
  ["IMSS celebra el Día del Niño", undefined],
  ["Día de la Madre, 10 de mayo", undefined],
  ["El 16 de mayo comienzan a trabajar", undefined],
  // An unreadable dateline opening a paragraph: the paragraph's text is kept.
  ["Monterrey, N.L., 31 de abril de 2024.- El IMSS informó.", undefined],
];
for (const [line, reason] of unreadable) {
  test(`unreadable dateline ${JSON.stringify(line)}`, () => {
    const said = unreadableDateline(line);
    if (reason === undefined) assert.equal(said, undefined);
    else assert.ok(said?.includes(reason), String(said));
  });
}

test("an unreadable dateline is never told the weekday is required", () => {
  for (const [line] of unreadable) assert.ok(!unreadableDateline(line)?.includes("día de la semana"), line);
});
