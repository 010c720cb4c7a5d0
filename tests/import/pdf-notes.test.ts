import assert from "node:assert/strict";
import { test } from "node:test";
import type { StructuredTextItem } from "unpdf";
import { itemsToText } from "../../src/import/pdf.ts";
import { extractRelease } from "../../src/import/text.ts";

/**
 * Pages laid out as pdf.js reads them (one item per run: its x, baseline and font size), for the layouts the
 * LibreOffice fixtures (docx-pdf.test.ts) do not print: Word's endnotes, a footer repeated under the notes,
 * and the calls the importer must not guess (two of one number, none, one after a figure, m²).
 */
type Part = string | { sup: string } | { sub: string } | { raised: string; rise?: number };

const BODY = 11;
const NOTE = 9;

function run(str: string, x: number, y: number, fontSize: number): StructuredTextItem {
  return { str, x, y, width: str.length * fontSize * 0.5, height: fontSize, fontSize, fontFamily: "sans-serif", dir: "ltr", hasEOL: false };
}

/**
 * One line's runs from x = 90: text in `size`, superscripts (raised a third) and subscripts (lowered) at two thirds
 * of it; `raised`: in `size` itself, raised `rise` of it (three tenths unless told).
 */
function line(y: number, parts: Part[], size = BODY, x = 90): StructuredTextItem[] {
  const items: StructuredTextItem[] = [];
  for (const part of parts) {
    const small = size * 0.65;
    const [str, fontSize, rise] =
      typeof part === "string" ? [part, size, 0] : "sup" in part ? [part.sup, small, size * 0.33] : "sub" in part ? [part.sub, small, -size * 0.14] : [part.raised, size, size * (part.rise ?? 0.3)];
    items.push(run(str, x, y + rise, fontSize));
    x += str.length * fontSize * 0.5;
  }
  return items;
}

/** A page: the head, body lines (14 points apart), then, at its foot, note lines (10.5 apart) and the page number. */
function page(body: Part[][], notes: Part[][] = [], options: { head?: boolean; footer?: string } = {}): StructuredTextItem[] {
  const items: StructuredTextItem[] = [];
  let y = 720;
  const head = options.head ? ["Ciudad de México, martes 9 de abril de 2024", "No. 171/2024", "IMSS amplía el horario de sus unidades de medicina familiar"] : [];
  for (const text of head) {
    items.push(...line(y, [text]));
    y -= 28;
  }
  for (const parts of body) {
    items.push(...line(y, parts));
    y -= 14;
  }
  let foot = 60 + notes.length * 10.5;
  for (const parts of notes) {
    items.push(...line(foot, parts, NOTE));
    foot -= 10.5;
  }
  items.push(run(options.footer ?? "Página 1 de 1", 270, 30, NOTE));
  return items;
}

const FILLER = "El Instituto Mexicano del Seguro Social informó que las unidades atenderán por la tarde.";

test("pdf: a superscript call after a word pairs with the note at the foot of its page (Word: a smaller font, the number a superscript, a note of two lines); several scripts on a line; a paragraph starting with a superscript stays text", () => {
  const { text, messages } = itemsToText([
    page(
      [
        ["Se atendieron 5 mil pacientes", { sup: "1" }, " en la jornada, con filtros de 10", { sup: "6" }, " partículas y menos CO", { sub: "2" }, "."],
        [FILLER],
        [],
        [{ sup: "18" }, "F-FDG es el radiofármaco que se aplicó a los pacientes."],
      ],
      [[{ sup: "1" }, " Cifras preliminares de la Dirección de Prestaciones Médicas, con corte al"], ["30 de marzo de 2024."]],
      { head: true },
    ),
  ]);
  const parts = extractRelease(text);
  assert.equal(parts.body.split("\n\n")[0], "Se atendieron 5 mil pacientes[^1] en la jornada, con filtros de 10⁶ partículas y menos CO₂.");
  assert.match(parts.body, /\n\n¹⁸F-FDG es el radiofármaco que se aplicó a los pacientes\.\n\n/);
  assert.match(parts.body, /\n\n\[\^1\]: Cifras preliminares de la Dirección de Prestaciones Médicas, con corte al 30 de marzo de 2024\.$/);
  assert.deepEqual(messages, []);
});

test("pdf: two superscripts of the note's number after words on its page: nothing is guessed, the note is kept uncalled and the editor told where", () => {
  const { text, messages } = itemsToText([
    page([["Se atendieron 5 mil pacientes", { sup: "1" }, " y 300 consultas", { sup: "1" }, " en la jornada."], [FILLER]], [[{ sup: "1" }, " Cifras preliminares."]], { head: true }),
  ]);
  const parts = extractRelease(text);
  assert.match(parts.body, /pacientes¹ y 300 consultas¹ en la jornada/);
  assert.match(parts.body, /\n\n\[\^1\]: Cifras preliminares\.$/);
  assert.equal(messages.length, 1, messages.join(" | "));
  assert.match(messages[0]!, /^Página 1: la nota al pie 1 \(«Cifras preliminares\.»\) no se unió a su llamada: hay 2 números 1 volados que pueden serlo \(«…Se atendieron 5 mil pacientes¹», «…pacientes¹ y 300 consultas¹»\)\. Quedó al final del texto como \[\^1\], sin llamada: escribe \[\^1\] en lugar del número volado que la llama\.$/);
});

test("pdf: a note nothing calls is kept, uncalled, and said; m² is a power, never a note's call", () => {
  const { text, messages } = itemsToText([page([["La nueva área suma 1 800 m", { sup: "2" }, " de construcción."], [FILLER]], [[{ sup: "2" }, " Superficie techada."]], { head: true })]);
  const parts = extractRelease(text);
  assert.match(parts.body, /1 800 m² de construcción/);
  assert.match(parts.body, /\n\n\[\^2\]: Superficie techada\.$/);
  assert.deepEqual(messages, ["Página 1: la nota al pie 2 («Superficie techada.») no tiene en el texto un 2 volado que la llame. Quedó al final del texto como [^2], sin llamada: escribe [^2] donde va la llamada, o bórrala si sobra."]);
});

test("pdf: the only superscript of the note's number follows a figure: it is the call, and the editor is asked to check", () => {
  const { text, messages } = itemsToText([page([["Se aplicaron 3,500", { sup: "1" }, " dosis en su primer mes."], [FILLER]], [[{ sup: "1" }, " Cifras preliminares."]], { head: true })]);
  assert.match(extractRelease(text).body, /Se aplicaron 3,500\[\^1\] dosis/);
  assert.deepEqual(messages, ["Página 1: la nota al pie 1 («Cifras preliminares.») se unió al único 1 volado de la página, que va justo después de una cifra («…Se aplicaron 3,500¹»): revisa que sea su llamada y no una potencia."]);
});

test("pdf: Word's endnotes after the last page's text pair with calls on the pages before; a footer repeated on every page under the notes stays out of them; a call without its note is said", () => {
  const footer = "Av. Paseo de la Reforma 476, Ciudad de México";
  const { text, messages } = itemsToText([
    page([["Se atendieron 5 mil pacientes", { sup: "1" }, " en la jornada."], [FILLER], ["Se aplicaron las vacunas", { sup: "2" }, " del esquema."], ["Las consultas", { sup: "3" }, " siguen."]], [], { head: true, footer }),
    page([[FILLER], [FILLER]], [[{ sup: "1" }, " Cifras preliminares."], [{ sup: "2" }, " Esquema de 2024."]], { footer }),
  ]);
  const parts = extractRelease(text);
  assert.match(parts.body, /pacientes\[\^1\] en la jornada/);
  assert.match(parts.body, /vacunas\[\^2\] del esquema/);
  assert.match(parts.body, /\n\n\[\^1\]: Cifras preliminares\.\n\n\[\^2\]: Esquema de 2024\.$/);
  assert.deepEqual(messages, ["Página 1: «…Las consultas³»: un número volado después de una palabra, sin nota al pie con ese número en la página; quedó volado. Si es la llamada a una nota, agrega la nota al final del texto ([^3]: …) y cambia el número volado por [^3]."]);
  assert.match(parts.body, /Las consultas³ siguen/);
});

test("pdf: a superscript or subscript never becomes a line of its own nor is glued as digits, also at the start of a line or after a space", () => {
  const { text } = itemsToText([page([["Un volumen de 45 m", { sup: "3" }, " y 12 h", { sup: "-1" }, " de recambio."], [{ sup: "a" }, "Marca", { sup: "TM" }, " y NO", { sub: "x" }, "."]])]);
  assert.equal(text.split("\n\f\n")[0]!.split("\n").filter((l) => l.trim() && !/Página/.test(l)).join("\n"), "Un volumen de 45 m³ y 12 h⁻¹ de recambio.\n<sup>a</sup>Marca<sup>TM</sup> y NO<sub>x</sub>.");
});

test("pdf: several calls after a word, as one superscript or several (¹,², ¹ ², ¹;³, ¹⁻³), are each a call; printed together (¹²) only when no note is numbered so", () => {
  const { text, messages } = itemsToText([
    page(
      [
        ["Las causas de consulta", { sup: "1,2" }, " son dos, y la obesidad", { sup: "3" }, " ", { sup: "4" }, " afecta a siete"],
        ["de cada diez adultos", { sup: "5; 7" }, " del estado y sus costos", { sup: "8-10" }, " crecen, según el informe", { sup: "11" }, { sup: "12" }, "."],
        [FILLER],
      ],
      [
        [{ sup: "1" }, " Uno."],
        [{ sup: "2" }, " Dos."],
        [{ sup: "3" }, " Tres."],
        [{ sup: "4" }, " Cuatro."],
        [{ sup: "5" }, " Cinco."],
        [{ sup: "6" }, " Seis."],
        [{ sup: "7" }, " Siete."],
        [{ sup: "8" }, " Ocho."],
        [{ sup: "9" }, " Nueve."],
        [{ sup: "10" }, " Diez."],
        [{ sup: "11" }, " Once."],
        [{ sup: "12" }, " Doce."],
      ],
      { head: true },
    ),
  ]);
  const body = extractRelease(text).body;
  assert.equal(
    body.split("\n\n")[0],
    "Las causas de consulta[^1][^2] son dos, y la obesidad[^3][^4] afecta a siete de cada diez adultos[^5][^7] del estado y sus costos[^8][^9][^10] crecen, según el informe[^11][^12].",
  );
  assert.equal(body.split("\n\n").filter((p) => p.startsWith("[^")).length, 12);
  assert.deepEqual(messages, [
    "Página 1: la nota al pie 6 («Seis.») no tiene en el texto un 6 volado que la llame. Quedó al final del texto como [^6], sin llamada: escribe [^6] donde va la llamada, o bórrala si sobra.",
    "Página 1: «…crecen, según el informe¹¹¹²»: no hay nota 1112 al pie de la página; el volado se leyó como las llamadas a las notas 11 y 12, impresas juntas ([^11][^12]): revisa que así sea.",
  ]);
});

test("pdf: a range of calls one of whose notes is missing is not linked in part: it stays as printed, its notes uncalled, and the editor is told", () => {
  const { text, messages } = itemsToText([page([["Las causas de consulta", { sup: "1-3" }, " son tres."], [FILLER]], [[{ sup: "1" }, " Uno."], [{ sup: "2" }, " Dos."]], { head: true })]);
  const body = extractRelease(text).body;
  assert.match(body, /^Las causas de consulta¹⁻³ son tres\./);
  assert.match(body, /\n\n\[\^1\]: Uno\.\n\n\[\^2\]: Dos\.$/);
  assert.deepEqual(messages, [
    "Página 1: «…Las causas de consulta¹⁻³»: el intervalo de llamadas 1 a 3 no se unió a sus notas porque la nota 3 no está al pie de la página; quedó volado como se imprimió. Sus notas quedaron al final del texto como [^1] y [^2], sin llamada: escribe [^1][^2] en lugar del volado si son sus llamadas.",
  ]);
});

test("pdf: beside a group of calls (⁴,⁵), what is none stays as before: after a figure (10²,³), numbers not in order, a superscript glued to the letters after it (¹⁸F), digits printed together when a note has their number", () => {
  const { text, messages } = itemsToText([
    page(
      [
        ["Se midieron 10", { sup: "2,3" }, " casos y la tasa", { sup: "3,1" }, " bajó."],
        ["Se usó el radiofármaco", { sup: "1" }, " ", { sup: "18" }, "F-FDG y el informe", { sup: "12" }, " y los datos", { sup: "4,5" }, " lo confirman."],
        [FILLER],
      ],
      [
        [{ sup: "1" }, " Uno."],
        [{ sup: "2" }, " Dos."],
        [{ sup: "4" }, " Cuatro."],
        [{ sup: "5" }, " Cinco."],
        [{ sup: "12" }, " Doce."],
      ],
      { head: true },
    ),
  ]);
  const body = extractRelease(text).body;
  assert.match(body, /^Se midieron 10<sup>2,3<\/sup> casos y la tasa<sup>3,1<\/sup> bajó\.\n\nSe usó el radiofármaco\[\^1\] ¹⁸F-FDG y el informe\[\^12\] y los datos\[\^4\]\[\^5\] lo confirman\.\n/);
  assert.deepEqual(messages, ["Página 1: la nota al pie 2 («Dos.») no tiene en el texto un 2 volado que la llame. Quedó al final del texto como [^2], sin llamada: escribe [^2] donde va la llamada, o bórrala si sobra."]);
});

test("pdf: a number of a group with several possible calls is not guessed; the group's other numbers are; numbers without notes are said once for the group", () => {
  const { text, messages } = itemsToText([
    page(
      [["Las causas de consulta", { sup: "1,2" }, " y los datos", { sup: "2" }, " del estado; las cifras", { sup: "4,5" }, " son de 2023."], [FILLER]],
      [[{ sup: "1" }, " Uno."], [{ sup: "2" }, " Dos."]],
      { head: true },
    ),
  ]);
  const body = extractRelease(text).body;
  assert.match(body, /^Las causas de consulta\[\^1\]<sup>,2<\/sup> y los datos² del estado; las cifras<sup>4,5<\/sup> son de 2023\./);
  assert.deepEqual(messages, [
    "Página 1: la nota al pie 2 («Dos.») no se unió a su llamada: hay 2 números 2 volados que pueden serlo («…Las causas de consulta¹,²», «…de consulta¹,² y los datos²»). Quedó al final del texto como [^2], sin llamada: escribe [^2] en lugar del número volado que la llama.",
    "Página 1: «…datos² del estado; las cifras⁴,⁵»: los números volados 4 y 5 no tienen nota al pie con esos números en la página; quedaron volados como se imprimieron. Si son llamadas a notas, agrega las notas al final del texto ([^4]: …, [^5]: …) y cambia esos números volados por [^4][^5].",
  ]);
});

test("pdf: calls and note numbers raised at the text's own size (no smaller superscript) pair with the notes at the foot of their page; after a figure they are no call and are said", () => {
  const { text, messages } = itemsToText([
    page(
      [
        ["Se atendieron 5 mil pacientes", { raised: "1" }, " en la jornada y las consultas", { raised: "2", rise: 0.45 }, " crecieron;"],
        ["el índice pasó de 10", { raised: "3" }, " a 12, según la tabla de la página 4 ", { raised: "1" }, "."],
        [FILLER],
      ],
      [
        [{ raised: "1" }, " Cifras preliminares."],
        [{ raised: "2", rise: 0.45 }, " Datos del IMSS."],
        [{ raised: "3" }, " Índice de atención."],
      ],
      { head: true },
    ),
  ]);
  const body = extractRelease(text).body;
  assert.match(body, /^Se atendieron 5 mil pacientes\[\^1\] en la jornada y las consultas\[\^2\] crecieron; el índice pasó de 103 a 12, según la tabla de la página 4 1\./);
  assert.match(body, /\n\n\[\^1\]: Cifras preliminares\.\n\n\[\^2\]: Datos del IMSS\.\n\n\[\^3\]: Índice de atención\.$/);
  assert.deepEqual(messages, [
    "Página 1: la nota al pie 3 («Índice de atención.») no tiene en el texto un 3 volado que la llame. Quedó al final del texto como [^3], sin llamada: escribe [^3] donde va la llamada, o bórrala si sobra. En la página, justo después de una cifra, hay un 3 elevado que quedó como texto («…el índice pasó de 103»): si es su llamada, cambia ese 3 por [^3].",
  ]);
});

test("pdf: digits raised at the text's size call only a note at the foot of their own page: one on a later page is not theirs, and they stay as printed", () => {
  const { text, messages } = itemsToText([
    page([["La vacuna llegó a la región", { raised: "1" }, " en marzo."], [FILLER]], [], { head: true, footer: "Página 1 de 2" }),
    page([[FILLER], [FILLER]], [[{ raised: "1" }, " Secretaría de Salud."]], { footer: "Página 2 de 2" }),
  ]);
  const body = extractRelease(text).body;
  assert.match(body, /^La vacuna llegó a la región1 en marzo\./);
  assert.match(body, /\n\n\[\^1\]: Secretaría de Salud\.$/);
  assert.deepEqual(messages, [
    "Página 2: la nota al pie 1 («Secretaría de Salud.») no tiene en el texto un 1 volado que la llame. Quedó al final del texto como [^1], sin llamada: escribe [^1] donde va la llamada, o bórrala si sobra.",
  ]);
});
