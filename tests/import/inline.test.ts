import assert from "node:assert/strict";
import { test } from "node:test";
import { endsSentence, joinWrapped, matchListItem, matchTouchingPlus, matchTouchingStar, plainText, startsLowercase } from "../../src/import/inline.ts";
import { extractRelease } from "../../src/import/text.ts";

const plain: Array<[string, string]> = [
  ["## Título", "Título"],
  ["# BOLETÍN DE PRENSA #", "BOLETÍN DE PRENSA"],
  ["**Negritas**", "Negritas"],
  ["__Negritas__", "Negritas"],
  ["*cursiva* y _otra_", "cursiva y otra"],
  ["- **El 16 de mayo comienzan**", "- El 16 de mayo comienzan"],
  ["IMSS \\*otorga\\* 1\\. apoyo", "IMSS *otorga* 1. apoyo"],
  ["Salud\\_digital", "Salud_digital"],
  ["  varios   espacios  ", "varios espacios"],
  ["2 * 3 = 6", "2 * 3 = 6"],
  ["IMSS-Bienestar", "IMSS-Bienestar"],
];
for (const [input, expected] of plain) test(`plainText ${JSON.stringify(input)}`, () => assert.equal(plainText(input), expected));

const items: Array<[string, ReturnType<typeof matchListItem>]> = [
  ["- Uno", { ordered: false, text: "Uno" }],
  ["* Uno", { ordered: false, text: "Uno" }],
  ["+ Uno", { ordered: false, text: "Uno" }],
  // A plus before a figure is a sign (`+52 55 5238 2700`, `+ 15 %`): an item only in a run of them (text.ts).
  ["+ 52 55 5238 2700", undefined],
  ["+52 55 5238 2700", undefined],
  ["+ (55) 5238 2700", undefined],
  ["+", undefined],
  ["· Uno", { ordered: false, text: "Uno" }],
  ["•Uno", { ordered: false, text: "Uno" }],
  ["▪ Uno", { ordered: false, text: "Uno" }],
  ["\uF0B7 Uno", { ordered: false, text: "Uno" }],
  ["➢ Uno", { ordered: false, text: "Uno" }],
  ["- **Uno**", { ordered: false, text: "**Uno**" }],
  ["1. Uno", { ordered: true, ordinal: 1, text: "Uno" }],
  ["12) Uno", { ordered: true, ordinal: 12, text: "Uno" }],
  ["**Negritas**", undefined],
  ["---o0o---", undefined],
  ["2024. Año", undefined],
  ["-", undefined],
  // Dashes: with a space, any text; touching the text, only before a capital (not the end mark, not a negative number).
  ["-Uno", { ordered: false, text: "Uno" }],
  ["-**Uno**", { ordered: false, text: "**Uno**" }],
  ["– Uno", { ordered: false, text: "Uno" }],
  ["–Uno", { ordered: false, text: "Uno" }],
  ["— Uno", { ordered: false, text: "Uno" }],
  ["—Uno", { ordered: false, text: "Uno" }],
  ["‐Uno", { ordered: false, text: "Uno" }],
  ["− Uno", { ordered: false, text: "Uno" }],
  ["– 30 mil consultas", { ordered: false, text: "30 mil consultas" }],
  ["-30-", undefined],
  ["-5 grados", undefined],
  ["−5 grados", undefined],
  ["-uno", undefined],
  ["—dijo el director—", undefined],
  ["–", undefined],
  // Other glyphs.
  ["◆ Uno", { ordered: false, text: "Uno" }],
  ["❖Uno", { ordered: false, text: "Uno" }],
  ["→ Uno", { ordered: false, text: "Uno" }],
  // Word's `o` sub-bullet needs to follow an item (`afterItem`): alone, «o» is the word "or".
  ["o De ellos, 400 son mujeres", undefined],
  // Lettered items: unordered (markdown numbers only with digits), the letter kept in the text.
  ["a) Uno", { ordered: false, lettered: true, text: "a) Uno" }],
  ["B)  Dos", { ordered: false, lettered: true, text: "B) Dos" }],
  ["a)", undefined],
  ["ab) Uno", undefined],
  ["a. m. del lunes", undefined],
  // A number touching its text, as typed by hand: only before a capital.
  ["1.Se registraron 5 casos", { ordered: true, ordinal: 1, text: "Se registraron 5 casos" }],
  ["2)Uno", { ordered: true, ordinal: 2, text: "Uno" }],
  ["3.**Se atendieron**", { ordered: true, ordinal: 3, text: "**Se atendieron**" }],
  ["4.“Cita”", { ordered: true, ordinal: 4, text: "“Cita”" }],
  ["1.5 millones de personas", undefined],
  ["2.o piso", undefined],
  ["1.er lugar", undefined],
  ["2024.Año", undefined],
  // Bullets touching their text.
  ["•Texto", { ordered: false, text: "Texto" }],
  ["·Texto", { ordered: false, text: "Texto" }],
  // Spanish dialogue: the dash touching the first word and another opening the narrator's words.
  ["—Es una gran noticia —dijo el director general.", undefined],
  ["–Vamos a cumplir –afirmó Zoé Robledo–, y lo haremos pronto.", undefined],
  ["—¿Cuándo abre? —preguntó una vecina.", undefined],
  ["—Atención médica —Consulta externa", { ordered: false, text: "Atención médica —Consulta externa" }],
  ["—Atención médica", { ordered: false, text: "Atención médica" }],
];
for (const [line, expected] of items) test(`matchListItem ${JSON.stringify(line)}`, () => assert.deepEqual(matchListItem(line), expected));

const afterItem: Array<[string, ReturnType<typeof matchListItem>]> = [
  ["o De ellos, 400 son mujeres", { ordered: false, sub: true, text: "De ellos, 400 son mujeres" }],
  ["o\tDe ellos", { ordered: false, sub: true, text: "De ellos" }],
  ["o **De ellos**", { ordered: false, sub: true, text: "**De ellos**" }],
  ["o bien, en la clínica", undefined],
  ["o 5 mil", undefined],
  ["oDe ellos", undefined],
  ["- Uno", { ordered: false, text: "Uno" }],
];
for (const [line, expected] of afterItem) {
  test(`matchListItem after an item ${JSON.stringify(line)}`, () => assert.deepEqual(matchListItem(line, { afterItem: true }), expected));
}

const stars: Array<[string, string | undefined]> = [
  ["*Texto", "Texto"],
  ["\\*Texto", "Texto"], // as Word (docx.ts) and pandoc escape it
  ["*Se registraron 1,200 casos.", "Se registraron 1,200 casos."],
  ["*“Cita”", "“Cita”"],
  ["*Nota: cifras preliminares", "Nota: cifras preliminares"], // a footnote's too: the caller decides
  ["*cursiva", undefined],
  ["*Uno*", undefined],
  ["**Negritas**", undefined],
  ["* Uno", undefined], // markdown's own bullet, read by matchListItem
  ["*", undefined],
];
for (const [line, expected] of stars) test(`matchTouchingStar ${JSON.stringify(line)}`, () => assert.equal(matchTouchingStar(line), expected));

/** `+Texto` and a plus before a figure (`+ 3 mil consultas`): bullets only in runs (text.ts); a phone number never. */
const pluses: Array<[string, string | undefined]> = [
  ["+Se atendieron 3 mil consultas", "Se atendieron 3 mil consultas"],
  ["\\+Se atendieron", "Se atendieron"],
  ["+**Se atendieron**", "**Se atendieron**"],
  ["+“Cita”", "“Cita”"],
  ["+ 3 mil consultas", "3 mil consultas"],
  ["\\+ Se atendieron", "Se atendieron"], // pandoc's escape of a plus typed in Word
  ["+información", undefined],
  ["+52 55 5238 2700", undefined],
  ["+ 52 55 5238 2700", undefined],
  ["+3 mil consultas", undefined],
  ["+", undefined],
  ["+ ", undefined],
];
for (const [line, expected] of pluses) test(`matchTouchingPlus ${JSON.stringify(line)}`, () => assert.equal(matchTouchingPlus(line), expected));

const joins: Array<[string, string, string]> = [
  ["El Instituto", "Mexicano", "El Instituto Mexicano"],
  ["la con-", "tratación", "la contratación"],
  ["IMSS-", "Bienestar", "IMSS-Bienestar"],
  ["casos de COVID-", "19 en", "casos de COVID-19 en"],
  ["Consulta https://www.imss.gob.mx/guias/", "cancer-infantil-2024.pdf para más detalles.", "Consulta https://www.imss.gob.mx/guias/cancer-infantil-2024.pdf para más detalles."],
  ["https://x.mx/?a=1&", "b=2", "https://x.mx/?a=1&b=2"],
  ["visita https://www.imss.gob.mx/", "y consulta", "visita https://www.imss.gob.mx/ y consulta"],
  ["visita https://www.imss.gob.mx/", "Además, el IMSS", "visita https://www.imss.gob.mx/ Además, el IMSS"],
  ["en www.imss.gob.mx.", "mx/otra", "en www.imss.gob.mx. mx/otra"],
  ["años 2020-", "2024", "años 2020-2024"],
];
for (const [a, b, expected] of joins) test(`joinWrapped ${JSON.stringify([a, b])}`, () => assert.equal(joinWrapped(a, b), expected));

test("sentence ends and lowercase starts", () => {
  for (const t of ["Fin.", "¿Sí?", "¡Ya!", "dijo:", "salud.”", "**Fin.**", "uno;"]) assert.ok(endsSentence(t), t);
  for (const t of ["Hemodinamia y", "(IMSS)", "No. 1"]) assert.ok(!endsSentence(t), t);
  assert.ok(startsLowercase("y continúa"));
  assert.ok(startsLowercase("“esto implica"));
  assert.ok(!startsLowercase("Radioterapia"));
});

for (const bullet of ["–", "– ", "—", "— ", "-", "‐", "−", "◆ ", "❖", "→ "]) {
  test(`import: highlights with ${JSON.stringify(bullet)} are highlights, one each`, () => {
    const parts = extractRelease(`Ciudad de México, lunes 22 de julio de 2024\n\nIMSS inaugura nueva clínica\n\n${bullet}Se atenderá a 50 mil personas\n${bullet}Cuenta con 10 consultorios\n\nEl IMSS inauguró una clínica.`);
    assert.deepEqual(parts.highlights, ["Se atenderá a 50 mil personas", "Cuenta con 10 consultorios"]);
    assert.equal(parts.body, "El IMSS inauguró una clínica.");
  });
}

test("import: a lettered list in the body is a list whose items keep their letters", () => {
  const parts = extractRelease("Ciudad de México, lunes 22 de julio de 2024\n\nIMSS inaugura nueva clínica\n\nLa clínica ofrece:\n\na) Consulta externa;\nb) Urgencias, y\nc) Hospitalización.\n\nEl IMSS inauguró una clínica.");
  assert.equal(parts.body, "La clínica ofrece:\n\n- a) Consulta externa;\n- b) Urgencias, y\n- c) Hospitalización.\n\nEl IMSS inauguró una clínica.");
});
