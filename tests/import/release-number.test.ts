import assert from "node:assert/strict";
import { test } from "node:test";
import { matchNumberLine, matchYearlessNumberLine, splitNumber } from "../../src/import/release-number.ts";

const cases: Array<[string, string | undefined]> = [
  ["No. 171/2024", "171/2024"],
  ["No.88/2023", "88/2023"],
  ["Núm. 45/2023", "45/2023"],
  ["Num. 45/2023", "45/2023"],
  ["No. 154 /2022", "154/2022"],
  ["No. 154 / 2022", "154/2022"],
  ["NO. 007/2021", "7/2021"],
  ["Número 12/2024", "12/2024"],
  ["Nº 3/2024", "3/2024"],
  ["Boletín No. 12/2024", "12/2024"],
  ["Comunicado de prensa Núm. 3/2023.", "3/2023"],
  [". No. 171/2024", "171/2024"], // the tail of a dateline
  ["Boletín 171/2024", "171/2024"],
  ["Comunicado de prensa 3/2023", "3/2023"],
  ["171/2024", undefined],
  ["UMF No. 68", undefined],
  ["Hospital de Cardiología No. 34 de Nuevo León", undefined],
  ["No. 68", undefined],
  ["Se atendieron 171/2024 casos", undefined],
  // A hyphen for the slash, a two-digit year, the office's word for its bulletin.
  ["No. 174-2024", "174/2024"],
  ["No. 174 – 2024", "174/2024"],
  ["Núm. 45-2024", "45/2024"],
  ["No 171/24", "171/2024"],
  ["No. 171/24", "171/2024"],
  ["BOLETÍN No. 174-2024", "174/2024"],
  // Guards.
  ["BOLETÍN 171/2024", "171/2024"],
  ["No. 175", undefined], // no year: not a number a bulletin can carry
  ["No. 171/202", undefined],
  ["No. 174-24", undefined], // a hyphen and two digits: a range as much as a number
  ["Atiende 174-2024 casos", undefined],
];
for (const [line, expected] of cases) {
  test(`number ${JSON.stringify(line)} → ${expected}`, () => assert.equal(matchNumberLine(line), expected));
}

const splits: Array<[string, ReturnType<typeof splitNumber>]> = [
  ["No. 171/2024 Ciudad de México, 9 de abril de 2024", { number: "171/2024", rest: "Ciudad de México, 9 de abril de 2024" }],
  ["Ciudad de México, 9 de abril de 2024 | Núm. 45/2024", { number: "45/2024", rest: "Ciudad de México, 9 de abril de 2024" }],
  ["Comunicado No. 3/2023", { number: "3/2023", rest: "" }],
  ["Atiende la UMF No. 68 a 300 personas", undefined],
  ["Nota No.3/2024x", undefined],
  ["No. 174-2024 Ciudad de México, 11 de abril de 2024", { number: "174/2024", rest: "Ciudad de México, 11 de abril de 2024" }],
  ["Ciudad de México, 11 de abril de 2024 | No 171/24", { number: "171/2024", rest: "Ciudad de México, 11 de abril de 2024" }],
  // Without its year, the number takes the dateline's on the same line.
  ["Ciudad de México, 12 de abril de 2024. No. 175", { number: "175/2024", rest: "Ciudad de México, 12 de abril de 2024.", yearFromDate: true }],
  ["No. 175 Ciudad de México, viernes 12 de abril de 2024", { number: "175/2024", rest: "Ciudad de México, viernes 12 de abril de 2024", yearFromDate: true }],
  // Guards.
  ["No. 175", undefined],
  ["Ciudad de México, 12 de abril de 2024 UMF No. 68", undefined],
  ["Hospital No. 68, Ciudad de México, 12 de abril de 2024", undefined],
  ["No. 175 La UMF atiende a 300 personas", undefined],
];
for (const [line, expected] of splits) test(`splitNumber ${JSON.stringify(line)}`, () => assert.deepEqual(splitNumber(line), expected));

const yearless: Array<[string, string | undefined]> = [
  ["No. 175", "175"],
  ["Núm. 045.", "45"],
  ["Boletín No. 175", "175"],
  ["No. 175/2024", undefined], // guards
  ["UMF No. 68", undefined],
  ["Hospital General de Zona No. 1", undefined],
];
for (const [line, expected] of yearless) test(`yearless number ${JSON.stringify(line)} → ${expected}`, () => assert.equal(matchYearlessNumberLine(line), expected));
