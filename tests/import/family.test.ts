import assert from "node:assert/strict";
import { test } from "node:test";
import { extractRelease } from "../../src/import/text.ts";
import { comparableParts } from "./parts-view.ts";

/**
 * The seeds are three of thousands of releases. Every combination of the ways offices write each part
 * (letterhead, dateline, number, bullets, links, page breaks) must give the same bulletin.
 */
const TITLE = "Amplía IMSS horario de atención en Unidades de Medicina Familiar";
const HIGHLIGHTS = ["Las unidades abrirán de 7:00 a 21:00 horas de lunes a viernes", "Se contratarán 1,200 médicos familiares"];
const PARAGRAPHS = [
  "El Instituto Mexicano del Seguro Social (IMSS) informó que a partir del 16 de mayo las Unidades de Medicina Familiar ampliarán su horario de atención.",
  "El director de Prestaciones Médicas explicó que la UMF No. 68 y el Hospital General de Zona No. 1 serán los primeros en aplicar el nuevo horario.",
  "Agregó que la medida beneficiará a más de dos millones de derechohabientes.",
];
const PHOTOS = "https://drive.google.com/drive/folders/1abc_XYZ-fotos";
const VIDEO = "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/EXo?e=fj1";
const AUDIO = "https://imssmx.sharepoint.com/:u:/s/comunicacionsocial/audio?e=a1";

const letterheads = [
  "",
  "UNIDAD DE COMUNICACIÓN SOCIAL\n\n",
  "## Unidad de Comunicación Social\n\n# BOLETÍN DE PRENSA\n\n",
  "**GOBIERNO DE\nMÉXICO**\n\nUNIDAD DE COMUNICACIÓN SOCIAL\nBOLETÍN DE PRENSA\n",
  "[image: Logotipo\n\nDescripción generada automáticamente]UNIDAD DE COMUNICACIÓN SOCIAL\n\n",
];
/** [text before the title, text opening the first paragraph] */
const datelines: Array<[string, string]> = [
  ["Ciudad de México, martes 9 de abril de 2024\n", ""],
  ["Ciudad de México, a 9 de abril de 2024\n", ""],
  ["Ciudad de México a 9 de abril de 2024\n", ""],
  ["Ciudad de México, 09 de Abril de 2024.\n", ""],
  ["**Ciudad de México, martes 9 de abril de 2024**\n", ""],
  ["", "Ciudad de México, a 9 de abril de 2024.- "],
  ["", "Ciudad de México a 9 de abril de 2024.- "],
  ["", "**Ciudad de México, 9 de abril de 2024.-** "],
];
const numbers = ["No. 171/2024", "No.171/2024", "Núm. 171/2024", "No. 171 /2024", "NO. 171/2024", "Boletín No. 171/2024"];
const bullets: Array<(text: string) => string> = [
  (t) => `· ${t}`,
  (t) => `- ${t}`,
  (t) => `• ${t}`,
  (t) => `▪\t${t}`,
  (t) => `\uF0B7\t${t}`,
  (t) => `- **${t}**`,
];
const linkBlocks = [
  `LINK DE FOTOS\n\n${PHOTOS}\n\nLINK DE VIDEO\n\n<${VIDEO}>\n\nLINK DE AUDIO\n\n${AUDIO}`,
  ` LINK DE FOTOS\n${PHOTOS} \n\nLINK DE VIDEO\n${VIDEO} \n`,
  `link de fotos: ${PHOTOS}\nLink de video: <${VIDEO}>\nLink de audio: ${AUDIO}`,
  `**LINK DE FOTOS**\n<${PHOTOS}>\n**LINK DE VIDEO**\n[${VIDEO}](${VIDEO})`,
];
const endMarks = ["---o0o---", "---oOo---", "-o0o-", ""];
/** How the page break falls inside the second paragraph. */
const pageBreaks: Array<(a: string, b: string) => string> = [
  (a, b) => `${a} ${b}`,
  (a, b) => `${a}\n\n---\n\n## Unidad de Comunicación Social\n\n${b}`,
  (a, b) => `${a}\n\n**GOBIERNO DE\nMÉXICO**\n\nUNIDAD DE COMUNICACIÓN SOCIAL\n\n${b}`,
  (a, b) => `${a}\nPágina 1 de 2\n\f${b}`,
];

test("every combination of letterhead, dateline, bullets and links, with every number style, page break and end mark", () => {
  const failures: string[] = [];
  let combinations = 0;
  const [cutA, cutB] = ["El director de Prestaciones Médicas explicó que la UMF No. 68 y el Hospital", "General de Zona No. 1 serán los primeros en aplicar el nuevo horario."];
  for (const [li, letterhead] of letterheads.entries())
    for (const [di, [dateBefore, dateInline]] of datelines.entries())
      for (const [bi, bullet] of bullets.entries())
        for (const [ki, links] of linkBlocks.entries()) {
          // Numbers, end marks and page breaks vary with the other axes instead of multiplying them
          // (every value of each still meets every value of the others' axes many times).
          const number = numbers[(li + di + bi + ki) % numbers.length]!;
          const endMark = endMarks[(li + ki) % endMarks.length]!;
          const pageBreak = pageBreaks[(di + bi) % pageBreaks.length]!;
          const text = [
            `${letterhead}${dateBefore}${number}\n`,
            TITLE,
            "",
            HIGHLIGHTS.map(bullet).join("\n"),
            "",
            `${dateInline}${PARAGRAPHS[0]}`,
            "",
            pageBreak(cutA, cutB),
            "",
            PARAGRAPHS[2],
            "",
            endMark,
            "",
            links,
          ].join("\n");
          combinations++;
          const parts = extractRelease(text);
          const actual = comparableParts(parts);
          const expected = { title: TITLE, date: "2024-04-09", number: "171/2024", city: "Ciudad de México", highlights: HIGHLIGHTS, photos: PHOTOS, video: VIDEO, audio: links.includes(AUDIO) ? AUDIO : undefined, body: PARAGRAPHS.join("\n\n") };
          try {
            assert.deepEqual(actual, expected);
          } catch {
            if (failures.length < 5) failures.push(`${JSON.stringify(text)}\n→ ${JSON.stringify(actual)}`);
            else failures.push("");
          }
        }
  assert.equal(combinations, letterheads.length * datelines.length * bullets.length * linkBlocks.length);
  assert.deepEqual(failures.filter(Boolean), [], `${failures.length} of ${combinations} combinations failed`);
});
