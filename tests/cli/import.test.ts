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
    assert.deepEqual(Object.keys(record), ["source", "title", "date", "number", "city", "highlights", "body", "photos", "video", "warnings"]);
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
  writeFileSync(path.join(cwd, "sin-titulo.txt"), "\n\n");
  writeFileSync(path.join(cwd, "latin1.txt"), Buffer.from("T\xedtulo\n\nTexto", "latin1"));
  writeFileSync(path.join(cwd, "hoja.xlsx"), "x");
  writeFileSync(path.join(cwd, "roto.docx"), "no es un zip");
  writeFileSync(path.join(cwd, "ya-es-boletin.md"), "---\ntitle: Hola\ndate: 2024-04-09\n---\n\nTexto.\n");
  const result = runCli(["import", "sin-titulo.txt", "no-existe.txt", "latin1.txt", "hoja.xlsx", "roto.docx", "ya-es-boletin.md", SEEDS[2]!], cwd);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /sin-titulo\.txt: error: No se encontró el título/);
  assert.match(result.stderr, /no-existe\.txt: error: no se encontró/);
  assert.match(result.stderr, /latin1\.txt: error: no es UTF-8 válido/);
  assert.match(result.stderr, /hoja\.xlsx: error: «\.xlsx» no es un formato/);
  assert.match(result.stderr, /roto\.docx: error: no se pudo leer como Word/);
  assert.match(result.stderr, /ya-es-boletin\.md: error: ya es un boletín con encabezado/);
  assert.deepEqual(listFiles(path.join(cwd, "content")), [SEED_FILES[1]]);
});

test("usage errors exit 2", () => {
  const cwd = tempDir();
  // Each case is a process start (slow on a shared machine): the two kinds of usage error, not every variant.
  for (const args of [["import"], ["import", "--date", "2024-02-30", SEEDS[0]!]]) {
    const result = runCli(args, cwd);
    assert.equal(result.code, 2, args.join(" "));
    assert.match(result.stderr, /Uso|boletines import/);
  }
  assert.equal(existsSync(path.join(cwd, "content")), false);
});
