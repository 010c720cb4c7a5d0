import assert from "node:assert/strict";
import { test } from "node:test";
import { splitReleases } from "../../src/import/split.ts";
import { extractRelease } from "../../src/import/text.ts";

const release = (number: string | undefined, title: string, options: { date?: string; end?: string; titleAbove?: boolean } = {}) => {
  const date = options.date ?? "Ciudad de México, martes 4 de junio de 2024";
  const head = options.titleAbove ? [title, "", date, ...(number ? [`No. ${number}`] : [])] : [date, ...(number ? [`No. ${number}`] : []), "", title];
  return [
    "INSTITUTO MEXICANO DEL SEGURO SOCIAL",
    "COORDINACIÓN DE COMUNICACIÓN SOCIAL",
    "",
    ...head,
    "",
    "- Se beneficiaron 120 pacientes en tres días",
    "- Participaron 15 especialistas",
    "",
    "El Instituto Mexicano del Seguro Social llevó a cabo la jornada en el Hospital General Regional No. 1 de la ciudad.",
    "",
    "El director del hospital señaló que la jornada permitió reducir los tiempos de espera de los pacientes.",
    "",
    ...(options.end === "" ? [] : [options.end ?? "---o0o---", ""]),
  ].join("\n");
};

const parts = (text: string) => {
  const result = splitReleases(text);
  assert.ok("releases" in result, JSON.stringify(result));
  return result.releases.map((slice) => ({ ...extractRelease(slice.text), firstLine: slice.firstLine }));
};

test("two releases one after the other, whatever the end mark: two releases, each with its number, date and title", () => {
  for (const end of ["---o0o---", "-o0o-", "oOo", "—oOo—", ""]) {
    const text = release("250/2024", "IMSS amplía horario de vacunación", { end }) + release("251/2024", "IMSS realiza jornada de cirugías de cataratas");
    const [first, second, ...rest] = parts(text);
    assert.equal(rest.length, 0, end);
    assert.equal(first!.number, "250/2024");
    assert.equal(first!.title, "IMSS amplía horario de vacunación");
    assert.doesNotMatch(first!.body, /251|cataratas/, `${end}: nothing of the second is left in the first`);
    assert.equal(second!.number, "251/2024");
    assert.equal(second!.title, "IMSS realiza jornada de cirugías de cataratas");
    assert.deepEqual(second!.date, first!.date);
    assert.deepEqual(second!.highlights, ["Se beneficiaron 120 pacientes en tres días", "Participaron 15 especialistas"]);
    // The second release starts at its letterhead, right after the first one's end.
    assert.equal(second!.firstLine, text.split("\n").indexOf("INSTITUTO MEXICANO DEL SEGURO SOCIAL", 3) + 1);
  }
});

test("after an end mark, a dateline without number, or a title written above the dateline, still starts the next release", () => {
  const dateOnly = parts(release("250/2024", "Uno") + release(undefined, "Dos"));
  assert.deepEqual(dateOnly.map((p) => [p.title, p.number]), [["Uno", "250/2024"], ["Dos", undefined]]);
  const above = parts(release("250/2024", "Uno") + release("251/2024", "Dos", { titleAbove: true }));
  assert.deepEqual(above.map((p) => [p.title, p.number]), [["Uno", "250/2024"], ["Dos", "251/2024"]]);
  const three = parts(release("250/2024", "Uno") + release("251/2024", "Dos") + release("252/2024", "Tres", { date: "Ciudad de México, miércoles 5 de junio de 2024" }));
  assert.deepEqual(three.map((p) => [p.title, p.number]), [["Uno", "250/2024"], ["Dos", "251/2024"], ["Tres", "252/2024"]]);
});

test("one release stays one: a number or dateline repeated by a page header, a closing date, a dateline written twice in the head", () => {
  const one = release("250/2024", "Uno", { end: "" });
  const body = one.split("\n").slice(0, -1);
  const header = [...body.slice(0, 12), "", "INSTITUTO MEXICANO DEL SEGURO SOCIAL", "Ciudad de México, martes 4 de junio de 2024", "No. 250/2024", "", ...body.slice(12), "---o0o---"].join("\n");
  assert.equal(parts(header).length, 1);
  const closing = [...body, "Ciudad de México, a 4 de junio de 2024", "", "---o0o---"].join("\n");
  assert.equal(parts(closing).length, 1);
  const twice = ["Ciudad de México, martes 4 de junio de 2024", "No. 250/2024", "Ciudad de México, martes 4 de junio de 2024", "", ...body.slice(4)].join("\n");
  assert.equal(parts(twice).length, 1);
  const unsplit = splitReleases(one);
  assert.ok("releases" in unsplit && unsplit.releases[0]!.text === one, "a file of one release is given as it is");
});

test("a dateline alone in the middle of the text, followed by a title and text, is ambiguous: the line is named", () => {
  const text = release("250/2024", "Uno", { end: "" }) + release(undefined, "Dos", { date: "Ciudad de México, miércoles 5 de junio de 2024" });
  const result = splitReleases(text);
  assert.ok("ambiguous" in result, JSON.stringify(result));
  assert.equal(result.ambiguous.line, text.split("\n").indexOf("Ciudad de México, miércoles 5 de junio de 2024") + 1);
  assert.equal(result.ambiguous.text, "Ciudad de México, miércoles 5 de junio de 2024");
  assert.match(result.ambiguous.why, /línea de fecha sin número/);
});

test("after an end mark, a title with its highlights above the number line starts the next release", () => {
  const first = release("250/2024", "IMSS amplía horario de vacunación");
  const second = ["IMSS realiza jornada de cirugías de cataratas", "", "- Se beneficiaron 120 pacientes en tres días", "- Participaron 15 especialistas", "", "No. 251/2024", "", "El Instituto Mexicano del Seguro Social llevó a cabo la jornada en el Hospital General Regional No. 1 de la ciudad.", ""].join("\n");
  const [one, two, ...rest] = parts(first + second);
  assert.equal(rest.length, 0);
  assert.deepEqual([one!.title, one!.number], ["IMSS amplía horario de vacunación", "250/2024"]);
  assert.doesNotMatch(one!.body, /cataratas/);
  assert.deepEqual([two!.title, two!.number], ["IMSS realiza jornada de cirugías de cataratas", "251/2024"]);
  assert.deepEqual(two!.highlights, ["Se beneficiaron 120 pacientes en tres días", "Participaron 15 especialistas"]);
});

test("a footnote's definition after the end mark (a PDF's page foot) stays with its release; the next release's title above its dateline is the next one's", () => {
  const first = release("250/2024", "IMSS amplía horario de vacunación").replace("de los pacientes.", "de los pacientes[^1].");
  for (const note of ["[^1]: Cifras preliminares de la Dirección de Prestaciones Médicas.", "[^1]: Fuente: IMSS, 2024"]) {
    const text = `${first}${note}\n\f\n${release("251/2024", "IMSS realiza jornada de cirugías de cataratas", { titleAbove: true })}`;
    const [one, two, ...rest] = parts(text);
    assert.equal(rest.length, 0, note);
    assert.ok(one!.body.endsWith(`de los pacientes[^1].\n\n${note}`), one!.body);
    assert.equal(two!.title, "IMSS realiza jornada de cirugías de cataratas", note);
    assert.doesNotMatch(two!.body, /\[\^1\]/, note);
  }
});

test("after an end mark, a title and text without dateline or number are not taken for another release, nor merged silently: the import says the title", () => {
  const text = release("250/2024", "IMSS amplía horario de vacunación") + ["IMSS realiza jornada de cirugías de cataratas", "", "El Instituto Mexicano del Seguro Social realizó una jornada de cirugías de cataratas en el Hospital General de Zona No. 2.", ""].join("\n");
  const [one, ...rest] = parts(text);
  assert.equal(rest.length, 0);
  assert.match(one!.body, /\n\nIMSS realiza jornada de cirugías de cataratas\n\nEl Instituto/);
  assert.ok(one!.warnings.some((w) => w.startsWith("Después de la marca de fin del comunicado (---o0o---) sigue «IMSS realiza jornada de cirugías de cataratas» y más texto, sin línea de fecha ni número de boletín")), one!.warnings.join(" | "));
});

test("a PDF's note printed at the foot of the page where the next release begins goes back to the release that calls it; the next release's own note is its [^1]", () => {
  const first = release("250/2024", "IMSS amplía horario de vacunación").replace("de los pacientes.", "de los pacientes[^1].");
  const second = release("251/2024", "IMSS realiza jornada de cirugías de cataratas").replace("de la ciudad.", "de la ciudad[^2].");
  const cut = second.indexOf("El director");
  const text = `${first}${second.slice(0, cut)}[^1]: Cifras preliminares de la Dirección de Prestaciones Médicas.\n\f\n${second.slice(cut)}\n[^2]: Participaron 15 especialistas de tres hospitales.\n`;
  const [one, two, ...rest] = parts(text);
  assert.equal(rest.length, 0);
  assert.ok(one!.body.endsWith("de los pacientes[^1].\n\n[^1]: Cifras preliminares de la Dirección de Prestaciones Médicas."), one!.body);
  assert.doesNotMatch(two!.body, /Cifras preliminares/);
  assert.match(two!.body, /Hospital General Regional No\. 1 de la ciudad\[\^1\]\.\n\nEl director/);
  assert.ok(two!.body.endsWith("\n\n[^1]: Participaron 15 especialistas de tres hospitales."), two!.body);
  // Nothing to say: each note has its call.
  const result = splitReleases(text);
  assert.ok("releases" in result);
  assert.deepEqual(result.releases.map((r) => r.warnings), [[], []]);
});
