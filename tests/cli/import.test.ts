import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { validateBulletinFile } from "../../src/import/write.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { runCli } from "./run-cli.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);
const SEEDS = ["seeds/002-sin-fecha.txt", "seeds/003-salto-de-pagina.txt", "seeds/004-imagen-y-vinetas.txt"].map(fixture);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "boletines-import-"));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const SEED_FILES = [
  "2022/2022-03-30-imss-fortalece-recuperacion-de-sus-servicios-medicos-ante-reduccion-de-casos-y-hospitalizaciones-por-covid-19.md",
  "2024/2024-04-09-imss-bienestar-se-fortalece-con-la-clinica-es-nuestra-contratacion-de-medicos-y-sistema-de-abasto-institucional.md",
  "borradores/imss-bienestar-se-fortalece-con-la-llegada-de-5-mil-774-medicos-generales-a-la-clinica-es-nuestra.md",
];

test("import the three seeds: files written where the layout says, valid for the build, nothing overwritten", () => {
  const cwd = tempDir();
  const first = runCli(["import", ...SEEDS], cwd);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(listFiles(path.join(cwd, "content")), SEED_FILES);
  for (const rel of SEED_FILES) assert.match(first.stdout, new RegExp(`→ content/${rel.replace(/[.]/g, "\\.")}`));
  assert.match(first.stderr, /002-sin-fecha\.txt: aviso: Se importa como borrador/);

  for (const rel of SEED_FILES) {
    const text = readFileSync(path.join(cwd, "content", rel), "utf8");
    const { bulletin, problems } = validateBulletinFile(text, rel, rel, DEFAULT_SITE);
    assert.deepEqual(problems.filter((p) => p.severity === "error"), [], rel);
    assert.ok(bulletin);
  }
  // The seeds committed in content/ are exactly what the importer writes.
  const repoContent = fileURLToPath(new URL("../../content/", import.meta.url));
  for (const rel of SEED_FILES) assert.equal(readFileSync(path.join(cwd, "content", rel), "utf8"), readFileSync(path.join(repoContent, rel), "utf8"), rel);
  const dated = readFileSync(path.join(cwd, "content", SEED_FILES[1]!), "utf8");
  assert.match(dated, /^---\ntitle: IMSS-Bienestar se fortalece con La Clínica es Nuestra, contratación de médicos y Sistema de Abasto Institucional\ndate: 2024-04-09\nsection: Nacional\nnumber: 171\/2024\ncity: Ciudad de México\nhighlights:\n/);
  const draft = readFileSync(path.join(cwd, "content", SEED_FILES[2]!), "utf8");
  assert.match(draft, /\ndraft: true\n/);
  assert.doesNotMatch(draft, /\ndate:/);

  // `check` (the build's validation) accepts the imported files and lists the undated draft.
  const check = runCli(["check", "--content", "content"], cwd, { BOLETINES_NOW: "2026-01-01T00:00:00-06:00" });
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stderr, new RegExp(`content/${SEED_FILES[2]!.replace(/[.]/g, "\\.")}:\\d+:\\d+: aviso \\[draft\\]`));

  // Second run: every target exists, so every input fails and no file changes.
  writeFileSync(path.join(cwd, "content", SEED_FILES[0]!), "editado a mano\n");
  const second = runCli(["import", ...SEEDS], cwd);
  assert.equal(second.code, 1);
  assert.equal((second.stderr.match(/ya existe; no se reemplaza/g) ?? []).length, 3);
  // Only that: no warning about a file that is not written (the draft's missing date, a missing description).
  assert.equal(second.stderr.trim().split("\n").length, 3, second.stderr);
  assert.equal(readFileSync(path.join(cwd, "content", SEED_FILES[0]!), "utf8"), "editado a mano\n");

  const forced = runCli(["import", "--force", SEEDS[1]!], cwd);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /reemplazado/);
  assert.match(readFileSync(path.join(cwd, "content", SEED_FILES[0]!), "utf8"), /^---\ntitle: IMSS fortalece/);
});

test("the same release imported again with another date: the file with its number (or its undated draft) is named, and replaced only with --force", () => {
  const cwd = tempDir();
  const content = path.join(cwd, "content");
  const [first, second] = ["2024-04-09", "2024-04-10"].map((day) => `2024/${day}-imss-bienestar-se-fortalece-con-la-clinica-es-nuestra-contratacion-de-medicos-y-sistema-de-abasto-institucional.md`);
  assert.equal(runCli(["import", SEEDS[2]!], cwd).code, 0);
  // Edited by hand since, with the number written another way: still the same release.
  const edited = readFileSync(path.join(content, first!), "utf8").replace("number: 171/2024", 'number: "No. 171/2024"');
  writeFileSync(path.join(content, first!), edited);

  const again = runCli(["import", "--date", "2024-04-10", SEEDS[2]!], cwd);
  assert.equal(again.code, 1);
  assert.match(again.stderr, new RegExp(`error: el boletín 171/2024 ya existe: content/${first!.replace(/[.]/g, "\\.")}; no se reemplaza \\(usa --force para reemplazarlo por content/${second!.replace(/[.]/g, "\\.")}\\)`));
  assert.match(again.stderr, /Con --force se borra .* y se pierde lo que se haya editado en él/);
  assert.deepEqual(listFiles(content), [first]);
  assert.equal(readFileSync(path.join(content, first!), "utf8"), edited);

  const forced = runCli(["import", "--force", "--date", "2024-04-10", SEEDS[2]!], cwd);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, new RegExp(`→ content/${second!.replace(/[.]/g, "\\.")} \\(boletín; reemplaza a content/${first!.replace(/[.]/g, "\\.")}, que se borró\\)`));
  assert.deepEqual(listFiles(content), [second]);

  // An undated draft, imported again with its date (what the draft's warning suggests).
  const draft = SEED_FILES[2]!;
  assert.equal(runCli(["import", SEEDS[0]!], cwd).code, 0);
  const dated = runCli(["import", "--date", "2023-05-15", SEEDS[0]!], cwd);
  assert.equal(dated.code, 1);
  assert.match(dated.stderr, new RegExp(`error: el borrador sin fecha de este comunicado ya existe: content/${draft.replace(/[.]/g, "\\.")}; no se reemplaza \\(usa --force`));
  assert.deepEqual(listFiles(content), [second, draft]);
});

test("--json: one object per input with exactly the agreed keys, and nothing written", () => {
  const cwd = tempDir();
  const result = runCli(["import", "--json", ...SEEDS, fixture("monterrey-inline-dateline.docx")], cwd);
  assert.equal(result.code, 0, result.stderr);
  const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(records.length, 4);
  for (const record of records) {
    assert.deepEqual(Object.keys(record), ["source", "title", "date", "number", "city", "highlights", "body", "photos", "video", "audio", "warnings"]);
    assert.ok(Array.isArray(record["highlights"]) && Array.isArray(record["warnings"]));
    assert.equal(typeof record["body"], "string");
  }
  assert.deepEqual(
    records.map((r) => [r["date"], r["number"], r["city"]]),
    [
      [null, null, null],
      ["2022-03-30", "154/2022", "Ciudad de México"],
      ["2024-04-09", "171/2024", "Ciudad de México"],
      ["2024-02-02", "45/2024", "Monterrey, Nuevo León"],
    ],
  );
  assert.equal(records[0]!["video"], "https://imssmx.sharepoint.com/:v/s/comunicacionsocial/ER6Nrm2bYLVJkXes-V2tyvEBnj6w4FVmwEPKhqvgYfM1Mw?e=BUWfDE");
  assert.ok((records[0]!["warnings"] as string[]).some((w) => w.includes("borrador")));
  assert.equal(existsSync(path.join(cwd, "content")), false);
});

test("Word and PDF end to end, --out, --date for an undated release, --dry-run writes nothing", () => {
  const cwd = tempDir();
  const dry = runCli(["import", "--dry-run", fixture("chihuahua-two-pages.pdf")], cwd);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /→ content\/2023\/2023-07-07-aplica-imss-chihuahua-mas-de-412-mil-vacunas-en-el-primer-semestre-del-ano\.md .*--dry-run/);
  assert.match(dry.stdout, /\nnumber: 88\/2023\n/);
  assert.equal(existsSync(path.join(cwd, "content")), false);

  const result = runCli(["import", "--out", "otra", "--date", "2023-05-15", fixture("monterrey-inline-dateline.docx"), SEEDS[0]!], cwd);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(listFiles(path.join(cwd, "otra")), [
    "2023/2023-05-15-imss-bienestar-se-fortalece-con-la-llegada-de-5-mil-774-medicos-generales-a-la-clinica-es-nuestra.md",
    "2023/2023-05-15-imss-nuevo-leon-realiza-1-200-cirugias-de-cataratas-en-jornada-de-fin-de-semana.md",
  ]);
  // --date wins over the dateline, and the editor is told.
  assert.match(result.stderr, /La línea de fecha dice 2024-02-02; se usa --date 2023-05-15/);
  const word = readFileSync(path.join(cwd, "otra/2023/2023-05-15-imss-nuevo-leon-realiza-1-200-cirugias-de-cataratas-en-jornada-de-fin-de-semana.md"), "utf8");
  assert.match(word, /\nnumber: 45\/2024\ncity: Monterrey, Nuevo León\n/);
  assert.match(word, /\n- Hospital General de Zona No\. 17, en Monterrey\n- Hospital General de Zona No\. 33/);
});

test("a failed input fails the run (exit 1) while the others are still imported", () => {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "sin-titulo.txt"), "Ciudad de México, martes 9 de abril de 2024\n\n");
  // Neither UTF-8 nor text in Windows-1252: control bytes that no text has.
  writeFileSync(path.join(cwd, "binario.txt"), Buffer.from([0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x41, 0x07, 0x08, 0x0e, 0x0f, 0x10, 0x11, 0x81, 0x8d]));
  writeFileSync(path.join(cwd, "hoja.xlsx"), "x");
  writeFileSync(path.join(cwd, "roto.docx"), "no es un zip");
  writeFileSync(path.join(cwd, "ya-es-boletin.md"), "---\ntitle: Hola\ndate: 2024-04-09\n---\n\nTexto.\n");
  const result = runCli(["import", "sin-titulo.txt", "no-existe.txt", "binario.txt", "hoja.xlsx", "roto.docx", "ya-es-boletin.md", SEEDS[2]!], cwd);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /sin-titulo\.txt: error: No se encontró el título/);
  assert.match(result.stderr, /no-existe\.txt: error: no se encontró/);
  assert.match(result.stderr, /binario\.txt: error: no es UTF-8 válido ni texto en Windows-1252/);
  assert.match(result.stderr, /hoja\.xlsx: error: «\.xlsx» no es un formato/);
  assert.match(result.stderr, /roto\.docx: error: no es un \.docx válido: es un archivo de texto con la extensión cambiada/);
  assert.match(result.stderr, /ya-es-boletin\.md: error: ya es un boletín con encabezado/);
  assert.deepEqual(listFiles(path.join(cwd, "content")), [SEED_FILES[1]]);
});

/** Windows-1252 bytes of `text` (Latin-1, and the typographic quotes, dashes and bullet Word uses). */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "•": 0x95, "…": 0x85, "‘": 0x91, "’": 0x92 };
  return Buffer.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}

test("a text saved in Windows-1252 (Latin-1) is read as such, and the editor is told, with the lines when only some are", () => {
  const cwd = tempDir();
  const release = "Mérida, Yucatán, 9 de abril de 2024\r\nNo. 171/2024\r\n\r\nInaugura IMSS clínica en Mérida\r\n\r\n• Atenderá a 50 mil niños\r\n\r\n“La salud es primero” – dijo el director…\r\n";
  writeFileSync(path.join(cwd, "latin1.txt"), windows1252(release));
  // Text pasted from two sources: UTF-8 but one line.
  writeFileSync(path.join(cwd, "mixto.txt"), Buffer.concat([Buffer.from("Ciudad de México, 10 de abril de 2024\nNo. 172/2024\n\nInaugura IMSS clínica en Tepic\n\n", "utf8"), windows1252("El año próximo abrirá otra.\n")]));
  const result = runCli(["import", "--json", "latin1.txt", "mixto.txt"], cwd);
  assert.equal(result.code, 0, result.stderr);
  const [latin, mixed] = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { title: string; city: string; highlights: string[]; body: string; warnings: string[] });
  assert.equal(latin!.title, "Inaugura IMSS clínica en Mérida");
  assert.equal(latin!.city, "Mérida, Yucatán");
  assert.deepEqual(latin!.highlights, ["Atenderá a 50 mil niños"]);
  assert.equal(latin!.body, "“La salud es primero” – dijo el director…");
  assert.ok(latin!.warnings.some((w) => /el archivo no está en UTF-8: se leyó como Windows-1252 \(Latin-1\)\. Revisa los acentos/.test(w)), latin!.warnings.join(" | "));
  assert.equal(mixed!.title, "Inaugura IMSS clínica en Tepic");
  assert.equal(mixed!.body, "El año próximo abrirá otra.");
  assert.ok(mixed!.warnings.some((w) => /se leyó como Windows-1252 \(Latin-1\) \(línea 6\)/.test(w)), mixed!.warnings.join(" | "));
  const written = runCli(["import", "latin1.txt"], cwd);
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stderr, /latin1\.txt: aviso: el archivo no está en UTF-8: se leyó como Windows-1252/, "said as the importer's own notice, not as Word's");
  assert.match(readFileSync(path.join(cwd, "content/2024/2024-04-09-inaugura-imss-clinica-en-merida.md"), "utf8"), /\ntitle: Inaugura IMSS clínica en Mérida\n/);
});

test("a release whose title line has no letters or numbers («!!!», «¿?», only emoji) is refused, with and without --json; nothing is written", () => {
  const cwd = tempDir();
  const release = (title: string) => `Ciudad de México, martes 9 de abril de 2024\nNo. 99/2024\n\n${title}\n\nEl Instituto Mexicano del Seguro Social (IMSS) informó hoy que la campaña continúa.\n`;
  writeFileSync(path.join(cwd, "signos.txt"), release("¡¡¡!!!"));
  writeFileSync(path.join(cwd, "pregunta.txt"), release("¿?"));
  writeFileSync(path.join(cwd, "emoji.txt"), release("🎉🎉 🎊"));
  const inputs = ["signos.txt", "pregunta.txt", "emoji.txt"];
  for (const args of [["--dry-run"], []]) {
    const result = runCli(["import", ...args, ...inputs, SEEDS[2]!], cwd);
    assert.equal(result.code, 1, result.stderr);
    for (const [file, title] of [["signos.txt", "¡¡¡!!!"], ["pregunta.txt", "¿?"], ["emoji.txt", "🎉🎉 🎊"]] as const) {
      const said = [
        `${file}: error [title]: El título «${title}» no tiene letras ni números.`,
        // What to fix is in the release, not in a front matter the editor never wrote; and no file name made of nothing.
        "    → Corrige el titular en el comunicado (la línea del título, después de la fecha y el número) y vuelve a importarlo.",
        `${file}: error: el boletín resultante no es válido; no se escribió nada.`,
      ].join("\n");
      assert.ok(result.stderr.includes(said), `${file}:\n${result.stderr}`);
      assert.ok(!result.stderr.includes("boletin.md"), `${file}: no file named after an empty title:\n${result.stderr}`);
      assert.ok(!result.stdout.includes(`${file} →`), `${file} is not shown as imported`);
    }
    // The other input is still imported.
    assert.match(result.stdout, /004-imagen-y-vinetas\.txt → content\/2024\/2024-04-09-imss-bienestar/);
  }
  assert.deepEqual(listFiles(path.join(cwd, "content")), [SEED_FILES[1]]);

  const json = runCli(["import", "--json", "signos.txt"], cwd);
  assert.equal(json.code, 1);
  assert.match(json.stderr, /^signos\.txt: error: El título «¡¡¡!!!» no tiene letras ni números\. Corrige el titular en el comunicado/);
  const record = JSON.parse(json.stdout) as { title: string; warnings: string[] };
  assert.equal(record.title, "¡¡¡!!!");
  assert.match(record.warnings[0]!, /^error: El título «¡¡¡!!!» no tiene letras ni números\./);
  assert.deepEqual(listFiles(path.join(cwd, "content")), [SEED_FILES[1]]);
});

/** A one-page PDF without text; `trailer` adds entries to its trailer (an /Encrypt dictionary). */
function minimalPdf(extraObjects: string[] = [], trailer = ""): Buffer {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>", ...extraObjects];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

test("a Word or PDF file that cannot be read is said in Spanish: the file, what is wrong, what to do; the library's words only as a detail", () => {
  const cwd = tempDir();
  const pdf = readFileSync(fixture("chihuahua-two-pages.pdf"));
  writeFileSync(path.join(cwd, "texto.docx"), "Esto es texto, no un documento de Word.\n");
  writeFileSync(path.join(cwd, "cortado.docx"), readFileSync(fixture("chihuahua-two-pages.docx")).subarray(0, 5000));
  writeFileSync(path.join(cwd, "pdf.docx"), pdf);
  writeFileSync(path.join(cwd, "cortado.pdf"), pdf.subarray(0, 3000));
  writeFileSync(path.join(cwd, "texto.pdf"), "hola\n");
  writeFileSync(path.join(cwd, "escaneado.pdf"), minimalPdf());
  const id = "<0123456789abcdef0123456789abcdef>";
  writeFileSync(
    path.join(cwd, "protegido.pdf"),
    minimalPdf([`<< /Filter /Standard /V 1 /R 2 /O <${"41".repeat(32)}> /U <${"42".repeat(32)}> /P -4 >>`], `/Encrypt 4 0 R /ID [${id} ${id}] `),
  );
  writeFileSync(path.join(cwd, "pdf.txt"), pdf);
  writeFileSync(path.join(cwd, "word.md"), readFileSync(fixture("chihuahua-two-pages.docx")));
  const inputs = ["texto.docx", "cortado.docx", "pdf.docx", "cortado.pdf", "texto.pdf", "escaneado.pdf", "protegido.pdf", "pdf.txt", "word.md"];
  const result = runCli(["import", ...inputs], cwd);
  assert.equal(result.code, 1);
  const expected: Array<[string, RegExp]> = [
    ["texto.docx", /no es un \.docx válido: es un archivo de texto con la extensión cambiada\.\n    → Si es el comunicado, cámbiale la extensión a \.txt/],
    ["cortado.docx", /no es un \.docx válido: el archivo está dañado o incompleto.*\n    → Ábrelo en Word.*\n    \(detalle técnico: Corrupted zip/],
    ["pdf.docx", /no es un \.docx válido: es un PDF con la extensión cambiada\.\n    → Si es el comunicado, cámbiale la extensión a \.pdf/],
    ["cortado.pdf", /el PDF está dañado o incompleto.*\n    → Ábrelo en un lector de PDF.*\n    \(detalle técnico: Invalid PDF structure\.\)/],
    ["texto.pdf", /no es un PDF: es un archivo de texto con la extensión cambiada\./],
    ["escaneado.pdf", /no tiene texto que se pueda copiar: parece un PDF escaneado.*\n    → Pide el comunicado en Word, o pásale reconocimiento de texto \(OCR\)/],
    ["protegido.pdf", /el PDF está protegido con contraseña\.\n    → Pide una copia sin contraseña/],
    // Text inputs too: a PDF or a Word file named .txt/.md is not read as (garbled) text.
    ["pdf.txt", /no es un archivo de texto: es un PDF con la extensión cambiada\.\n    → Si es el comunicado, cámbiale la extensión a \.pdf/],
    ["word.md", /no es un archivo de texto: es un archivo comprimido \(ZIP\) con la extensión cambiada\.\n    → Si es el comunicado, cámbiale la extensión a \.docx/],
  ];
  for (const [file, message] of expected) assert.match(result.stderr, new RegExp(`(^|\\n)${file.replace(".", "\\.")}: error: ${message.source}`), file);
  // No English from mammoth, JSZip or pdf.js outside the details (pdf.js's «Warning: Indexing all PDF objects» included).
  assert.doesNotMatch(result.stderr.replace(/\(detalle técnico: .*\)/g, ""), /Warning|Invalid|zip file|Corrupted|password|central directory|Could not/i);
  assert.equal(existsSync(path.join(cwd, "content")), false);
});

test("an empty input (0 bytes, or only blank lines, spaces and invisible characters) is an error, with and without --json", () => {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "vacio.txt"), "");
  writeFileSync(path.join(cwd, "blanco.txt"), "\uFEFF  \n\t\n\u00A0\u200B\n\f\n");
  for (const json of [false, true]) {
    const result = runCli(["import", ...(json ? ["--json"] : []), "vacio.txt", "blanco.txt"], cwd);
    assert.equal(result.code, 1, `--json ${json}`);
    assert.match(result.stderr, /vacio\.txt: error: está vacío \(0 bytes\)\.\n    → Revisa que sea el archivo correcto/);
    assert.match(result.stderr, /blanco\.txt: error: está vacío: no tiene texto, solo espacios o líneas en blanco\./);
    // Nothing about a title, a date or a draft that does not exist.
    assert.doesNotMatch(result.stderr, /título|fecha|borrador/);
    if (json) {
      const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: string; warnings: string[] });
      assert.deepEqual(records.map((r) => r.source), ["vacio.txt", "blanco.txt"]);
      for (const record of records) assert.match(record.warnings[0]!, /^error: está vacío/);
    } else assert.equal(result.stdout, "");
  }
  assert.equal(existsSync(path.join(cwd, "content")), false);
});

test("usage errors exit 2", () => {
  const cwd = tempDir();
  // Each case is a process start (slow on a shared machine): the two kinds of usage error, not every variant.
  for (const args of [["import"], ["import", "--date", "2024-02-30", SEEDS[0]!]]) {
    const result = runCli(args, cwd);
    assert.equal(result.code, 2, args.join(" "));
    assert.match(result.stderr, /Uso|boletines import/);
  }
  // A section without letters is the option's mistake, said once before any input is read (not at a line of an unwritten file).
  const section = runCli(["import", "--section", "!!!", SEEDS[1]!, SEEDS[2]!], cwd);
  assert.equal(section.code, 2);
  assert.match(section.stderr, /^--section: La sección «!!!» no tiene letras ni números\./);
  assert.doesNotMatch(section.stderr, /\.md:\d+|seeds\//);
  assert.equal(existsSync(path.join(cwd, "content")), false);
});

test("a published release replaced with --force under another address: the new file keeps the old addresses in redirect_from, and says so", () => {
  const cwd = tempDir();
  const content = path.join(cwd, "content");
  const slug = "imss-bienestar-se-fortalece-con-la-clinica-es-nuestra-contratacion-de-medicos-y-sistema-de-abasto-institucional";
  assert.equal(runCli(["import", SEEDS[2]!], cwd).code, 0);
  const first = `2024/2024-04-09-${slug}.md`;
  // An address of the old site, added by hand since.
  writeFileSync(path.join(content, first), readFileSync(path.join(content, first), "utf8").replace("number: 171/2024", "number: 171/2024\nredirect_from: /news/190812"));

  // A correction of the date moves the page to May.
  const forced = runCli(["import", "--force", "--date", "2024-05-02", SEEDS[2]!], cwd);
  assert.equal(forced.code, 0, forced.stderr);
  const second = `2024/2024-05-02-${slug}.md`;
  assert.deepEqual(listFiles(content), [second]);
  const kept = [`/boletines/2024/04/${slug}/`, "/news/190812/", "/prensa/archivo/202404/171/"];
  assert.match(forced.stderr, new RegExp(`aviso: content/${second.replace(/[.]/g, "\\.")} conserva en redirect_from las direcciones que ya tenían los lectores: ${kept.join(", ")}\\.`));
  const written = readFileSync(path.join(content, second), "utf8");
  assert.match(written, new RegExp(`\\nredirect_from:\\n${kept.map((k) => `  - ${k}\\n`).join("")}`));
  // The site builds, and every old address leads to the new page.
  const built = runCli(["build", "--no-search"], cwd);
  assert.equal(built.code, 0, built.stderr);
  const redirects = readFileSync(path.join(cwd, "_site/_redirects"), "utf8");
  for (const address of kept) assert.match(redirects, new RegExp(`^${address.replace(/[.]/g, "\\.")} /boletines/2024/05/${slug}/ 301$`, "m"));

  // Imported again over itself: the file it replaces has those addresses, so they stay.
  const again = runCli(["import", "--force", "--date", "2024-05-02", SEEDS[2]!], cwd);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(path.join(content, second), "utf8"), written);

  // A draft replaced by its dated version gave readers nothing: nothing to keep.
  assert.equal(runCli(["import", SEEDS[0]!], cwd).code, 0);
  const dated = runCli(["import", "--force", "--date", "2023-05-15", SEEDS[0]!], cwd);
  assert.equal(dated.code, 0, dated.stderr);
  assert.doesNotMatch(dated.stderr, /conserva en redirect_from/);
  assert.ok(listFiles(content).every((f) => !f.startsWith("borradores/")));
  assert.ok(listFiles(content).filter((f) => f !== second).every((f) => !/redirect_from/.test(readFileSync(path.join(content, f), "utf8"))));
});

test("a number without its year and no dateline: --date gives the year, and the editor is told; without it, the warning says so", () => {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "sin-fecha.txt"), "No. 175\n\nInaugura IMSS clínica en Tepic\n\nEl Instituto abrió la clínica.\n");
  const dated = runCli(["import", "sin-fecha.txt", "--date", "2024-05-09"], cwd);
  assert.equal(dated.code, 0, dated.stderr);
  assert.match(readFileSync(path.join(cwd, "content/2024/2024-05-09-inaugura-imss-clinica-en-tepic.md"), "utf8"), /\nnumber: 175\/2024\n/);
  assert.match(dated.stderr, /aviso: El número de boletín en «No\. 175» no dice el año; se tomó el de la fecha \(2024\): 175\/2024/);
  assert.doesNotMatch(dated.stderr, /no se guardó/);
  const json = runCli(["import", "--json", "sin-fecha.txt"], cwd);
  const record = JSON.parse(json.stdout.trim()) as { number: string | null; warnings: string[] };
  assert.equal(record.number, null);
  assert.ok(record.warnings.some((w) => /no se guardó\. Agrega number: 175\/AAAA con el año del boletín, o vuelve a importar con --date\./.test(w)), record.warnings.join(" | "));
});

const TWO_RELEASES = [
  "INSTITUTO MEXICANO DEL SEGURO SOCIAL",
  "",
  "Ciudad de México, martes 4 de junio de 2024",
  "No. 250/2024",
  "",
  "IMSS amplía horario de vacunación en unidades de medicina familiar",
  "",
  "- Las unidades atenderán de 8:00 a 20:00 horas",
  "",
  "El Instituto Mexicano del Seguro Social amplió el horario de vacunación en sus unidades de medicina familiar.",
  "",
  "---o0o---",
  "",
  "INSTITUTO MEXICANO DEL SEGURO SOCIAL",
  "",
  "Ciudad de México, martes 4 de junio de 2024",
  "No. 251/2024",
  "",
  "IMSS realiza jornada de cirugías de cataratas",
  "",
  "- Se beneficiaron 120 pacientes en tres días",
  "",
  "El IMSS llevó a cabo una jornada de cirugías de cataratas en el Hospital General Regional No. 1 de la ciudad.",
  "",
  "---o0o---",
  "",
].join("\n");

test("a file with two releases: two bulletins, said in the report; re-imported, only the «ya existe» errors; --date only for a release without its dateline", () => {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "dos.txt"), TWO_RELEASES);
  const names = ["2024/2024-06-04-imss-amplia-horario-de-vacunacion-en-unidades-de-medicina-familiar.md", "2024/2024-06-04-imss-realiza-jornada-de-cirugias-de-cataratas.md"];
  const dry = runCli(["import", "--dry-run", "dos.txt"], cwd);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stderr, /^dos\.txt: aviso: El archivo trae 2 comunicados: No\. 250\/2024 «IMSS amplía horario de vacunación en unidades de medicina familiar» \(desde la línea 1\) y No\. 251\/2024 «IMSS realiza jornada de cirugías de cataratas» \(desde la línea 14\); cada uno se importa en su propio boletín\./);
  assert.match(dry.stdout, new RegExp(`dos\\.txt \\(comunicado 1 de 2\\) → content/${names[0]!.replace(/[.]/g, "\\.")}`));
  assert.match(dry.stdout, new RegExp(`dos\\.txt \\(comunicado 2 de 2\\) → content/${names[1]!.replace(/[.]/g, "\\.")}`));
  assert.deepEqual(listFiles(path.join(cwd, "content")), []);

  const written = runCli(["import", "dos.txt"], cwd);
  assert.equal(written.code, 0, written.stderr);
  assert.deepEqual(listFiles(path.join(cwd, "content")), names);
  const [first, second] = names.map((n) => readFileSync(path.join(cwd, "content", n), "utf8"));
  assert.match(first!, /\nnumber: 250\/2024\n/);
  assert.doesNotMatch(first!, /251|cataratas/);
  assert.match(second!, /^---\ntitle: IMSS realiza jornada de cirugías de cataratas\ndate: 2024-06-04\nsection: Nacional\nnumber: 251\/2024\n/);

  // Again: each release's file exists; only that is said (no warning about the files that are not written).
  const again = runCli(["import", "dos.txt"], cwd);
  assert.equal(again.code, 1);
  assert.equal((again.stderr.match(/ya existe; no se reemplaza/g) ?? []).length, 2);
  assert.match(again.stderr, /dos\.txt: error: no se escribió ninguno de los 2 comunicados del archivo/);
  assert.doesNotMatch(again.stderr, /description|descripción/);
  const forced = runCli(["import", "--force", "--date", "2024-06-05", "dos.txt"], cwd);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal((forced.stdout.match(/\(reemplazado\)/g) ?? []).length, 2);
  assert.equal((forced.stderr.match(/--date 2024-06-05 no se usa en este comunicado: tiene su propia línea de fecha \(2024-06-04\)/g) ?? []).length, 2);
  assert.deepEqual(listFiles(path.join(cwd, "content")), names);

  const json = runCli(["import", "--json", "dos.txt"], cwd);
  assert.equal(json.code, 0, json.stderr);
  const records = json.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(records.map((r) => r.number), ["250/2024", "251/2024"]);
});

test("a second release that cannot be told from the text is refused, naming its line and what to do; nothing is written", () => {
  const cwd = tempDir();
  const text = TWO_RELEASES.replace("---o0o---\n\nINSTITUTO MEXICANO DEL SEGURO SOCIAL\n\nCiudad de México, martes 4 de junio de 2024\nNo. 251/2024\n", "Ciudad de México, miércoles 5 de junio de 2024\n");
  writeFileSync(path.join(cwd, "ambiguo.txt"), text);
  const result = runCli(["import", "ambiguo.txt"], cwd);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^ambiguo\.txt: error: no se sabe si el archivo trae uno o dos comunicados: en la línea 12 \(«Ciudad de México, miércoles 5 de junio de 2024»\) hay una línea de fecha sin número de boletín en medio del texto/);
  assert.match(result.stderr, /\n {4}→ Si es otro comunicado, pásalo a un archivo aparte/);
  assert.deepEqual(listFiles(path.join(cwd, "content")), []);
});

test("a plain text renamed .doc is imported as text, with a notice; a real Word 97-2003 .doc, RTF or a web page saved as .doc is still refused", () => {
  const cwd = tempDir();
  const seed = readFileSync(SEEDS[2]!, "utf8");
  writeFileSync(path.join(cwd, "texto.doc"), seed);
  // Windows-1252 (Notepad's «ANSI»): á is one byte.
  writeFileSync(path.join(cwd, "ansi.doc"), Buffer.from(seed.replace(/[^\x00-\xFF]/g, " "), "latin1"));
  writeFileSync(path.join(cwd, "word97.doc"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  writeFileSync(path.join(cwd, "pagina.doc"), "<html><body><p>Ciudad de México, martes 9 de abril de 2024</p></body></html>");
  writeFileSync(path.join(cwd, "rico.rtf"), "{\\rtf1\\ansi Ciudad de México}");
  const result = runCli(["import", "--json", "texto.doc", "ansi.doc", "word97.doc", "pagina.doc", "rico.rtf"], cwd);
  assert.equal(result.code, 1);
  const records = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
  for (const record of records.slice(0, 2)) {
    assert.equal(record.number, "171/2024", record.source);
    assert.match(record.warnings.join(" | "), /el archivo se llama \.doc pero es texto sin formato: se importó como texto\. Revisa el resultado; para no ver este aviso, cámbiale la extensión a \.txt\./);
  }
  assert.match(records[1].warnings.join(" | "), /se leyó como Windows-1252/);
  for (const file of ["word97.doc", "pagina.doc", "rico.rtf"]) {
    assert.match(result.stderr, new RegExp(`${file.replace(".", "\\.")}: error: «\\.(doc|rtf)» no es un formato que se pueda importar; .* guárdalo como \\.docx`), file);
  }
});
