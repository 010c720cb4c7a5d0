import assert from "node:assert/strict";
import { test } from "node:test";
import { endsSentence, joinWrapped, matchListItem, plainText, startsLowercase } from "../../src/import/inline.ts";

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
  ["· Uno", { ordered: false, text: "Uno" }],
  ["•Uno", { ordered: false, text: "Uno" }],
  ["▪ Uno", { ordered: false, text: "Uno" }],
  ["\uF0B7 Uno", { ordered: false, text: "Uno" }],
  ["➢ Uno", { ordered: false, text: "Uno" }],
  ["- **Uno**", { ordered: false, text: "**Uno**" }],
  ["1. Uno", { ordered: true, ordinal: 1, text: "Uno" }],
  ["12) Uno", { ordered: true, ordinal: 12, text: "Uno" }],
  ["**Negritas**", undefined],
  ["-Uno", undefined],
  ["---o0o---", undefined],
  ["2024. Año", undefined],
  ["-", undefined],
];
for (const [line, expected] of items) test(`matchListItem ${JSON.stringify(line)}`, () => assert.deepEqual(matchListItem(line), expected));

const joins: Array<[string, string, string]> = [
  ["El Instituto", "Mexicano", "El Instituto Mexicano"],
  ["la con-", "tratación", "la contratación"],
  ["IMSS-", "Bienestar", "IMSS- Bienestar"],
  ["años 2020-", "2024", "años 2020- 2024"],
];
for (const [a, b, expected] of joins) test(`joinWrapped ${JSON.stringify([a, b])}`, () => assert.equal(joinWrapped(a, b), expected));

test("sentence ends and lowercase starts", () => {
  for (const t of ["Fin.", "¿Sí?", "¡Ya!", "dijo:", "salud.”", "**Fin.**", "uno;"]) assert.ok(endsSentence(t), t);
  for (const t of ["Hemodinamia y", "(IMSS)", "No. 1"]) assert.ok(!endsSentence(t), t);
  assert.ok(startsLowercase("y continúa"));
  assert.ok(startsLowercase("“esto implica"));
  assert.ok(!startsLowercase("Radioterapia"));
});
