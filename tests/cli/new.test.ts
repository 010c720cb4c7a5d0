import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { validateBulletinFile } from "../../src/import/write.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { runCli } from "./run-cli.ts";

const cwd = mkdtempSync(path.join(tmpdir(), "boletines-new-"));
after(() => rmSync(cwd, { recursive: true, force: true }));

test("new: scaffold at the slug path with the current time in the site zone; never overwrites", () => {
  const env = { BOLETINES_NOW: "2024-04-10T03:15:42Z" }; // 21:15 the day before in Mexico City
  const result = runCli(["new", "Vacunación: «campaña» de invierno", "--section", "Chihuahua", "--tags", "salud, vacunas,"], cwd, env);
  assert.equal(result.code, 0, result.stderr);
  const rel = "content/2024/2024-04-09-vacunacion-campana-de-invierno.md";
  assert.equal(result.stdout, `${rel}\n`);
  const text = readFileSync(path.join(cwd, rel), "utf8");
  assert.match(text, /\ndate: 2024-04-09T21:15:42-06:00\n/);
  const { bulletin, problems } = validateBulletinFile(text, rel, rel.replace(/^content\//, ""), DEFAULT_SITE);
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  assert.equal(bulletin?.title, "Vacunación: «campaña» de invierno");
  assert.equal(bulletin?.section.label, "Chihuahua");
  assert.deepEqual(bulletin?.tags.map((t) => t.label), ["salud", "vacunas"]);
  assert.equal(bulletin?.draft, true);
  assert.equal(bulletin?.date?.hasTime, true);

  const again = runCli(["new", "Vacunación: «campaña» de invierno"], cwd, env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /ya existe; no se reemplaza/);
  assert.equal(readFileSync(path.join(cwd, rel), "utf8"), text);
});

test("new: --content DIR and usage errors", () => {
  const result = runCli(["new", "Otro boletín", "--content", "contenido"], cwd, { BOLETINES_NOW: "2023-12-31T23:59:59-06:00" });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, "contenido/2023/2023-12-31-otro-boletin.md\n");
  assert.equal(runCli(["new"], cwd).code, 2);
  assert.equal(runCli(["new", "T"], cwd, { BOLETINES_NOW: "ayer" }).code, 2);
});

test("new: the example body may stay in a draft, but a bulletin about to be published with it is refused", () => {
  const env = { BOLETINES_NOW: "2024-04-10T12:00:00-06:00" };
  const made = runCli(["new", "Campaña de vacunación", "--content", "ejemplo"], cwd, env);
  assert.equal(made.code, 0, made.stderr);
  const rel = made.stdout.trim();
  const draft = readFileSync(path.join(cwd, rel), "utf8");
  assert.equal(runCli(["check", "--content", "ejemplo"], cwd, env).code, 0, "a draft keeps it");
  writeFileSync(path.join(cwd, rel), draft.replace(/^draft: true\n/m, ""));
  const published = runCli(["check", "--content", "ejemplo"], cwd, env);
  assert.equal(published.code, 1);
  assert.match(published.stderr, new RegExp(`${rel.replace(/[.]/g, "\\.")}:\\d+:1: error: El texto conserva «Escribe aquí el texto del boletín\\.»`));
  assert.match(published.stderr, /Reemplázalo por el texto del boletín, o deja draft: true/);
});

test("new: an option value that cannot work (a section or tag without letters, 51 tags, an empty section, a file for --content) is a usage error about that option; nothing is written", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "boletines-new-options-"));
  try {
    writeFileSync(path.join(dir, "archivo"), "");
    const tooMany = Array.from({ length: 51 }, (_, i) => `tema ${i}`).join(",");
    const cases: Array<[string[], RegExp]> = [
      [["--section", "!!!"], /^--section: La sección «!!!» no tiene letras ni números\. Usa un nombre de sección como «Nacional»/],
      [["--section", " "], /^--section no puede estar vacío\./],
      [["--tags", "salud,!!!"], /^--tags: «!!!» no tiene letras ni números\. Escribe etiquetas con palabras/],
      [["--tags", tooMany], /^--tags: El boletín tiene 51 etiquetas; el máximo es 50\./],
      [["--content", "archivo"], /^--content «archivo» es un archivo, no una carpeta\./],
      [["--content", ""], /^--content no puede estar vacío/],
    ];
    for (const [options, message] of cases) {
      const result = runCli(["new", "Boletín de prueba", ...options], dir, { BOLETINES_NOW: "2024-04-10T12:00:00-06:00" });
      assert.equal(result.code, 2, options.join(" "));
      assert.match(result.stderr, message, options.join(" "));
      // Nothing points at a line of a file that was never written.
      assert.doesNotMatch(result.stderr, /\.md:\d+/, options.join(" "));
      assert.match(result.stderr, /boletines new "Título"/);
    }
    assert.deepEqual(readdirSync(dir), ["archivo"]);
    assert.equal(existsSync(path.join(dir, "content")), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("new: a title without letters or numbers (punctuation, only spaces, only emoji, symbols) is a usage error saying what to write; nothing is written", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "boletines-new-title-"));
  try {
    const env = { BOLETINES_NOW: "2024-04-10T12:00:00-06:00" };
    const cases: Array<[string, RegExp]> = [
      ["!!!", /^El título «!!!» no tiene letras ni números\. Escribe el título del boletín con palabras, entre comillas: boletines new "/],
      ["¿?", /^El título «¿\?» no tiene letras ni números\./],
      ["🎉🎉", /^El título «🎉🎉» no tiene letras ni números\./],
      ["— · —", /^El título «— · —» no tiene letras ni números\./],
      // Symbols the slug would spell out (%, $, &) are still not a title.
      ["%%% $$$", /^El título «%%% \$\$\$» no tiene letras ni números\./],
      ["", /^El título está vacío\. Escribe el título del boletín entre comillas: boletines new "/],
      ["   ", /^El título está vacío\. Escribe el título del boletín entre comillas: boletines new "/],
      // Letters, but none that an address can carry: its file and URL would have no name either.
      ["中文标题", /^El título «中文标题» no tiene letras del alfabeto latino ni números, de los que se hacen el nombre del archivo y la dirección del boletín\. Escribe el título en español/],
    ];
    for (const [title, message] of cases) {
      const result = runCli(["new", title], dir, env);
      assert.equal(result.code, 2, `«${title}»: ${result.stderr}`);
      assert.match(result.stderr, message, `«${title}»`);
      assert.match(result.stderr, /boletines new "Título"/, "the usage follows");
      assert.equal(result.stdout, "", `«${title}»`);
    }
    assert.deepEqual(readdirSync(dir), [], "nothing was written");
    // Emoji or punctuation beside words are fine: the words make the file's name.
    const made = runCli(["new", "🎉 ¡Arranca campaña! 2024"], dir, env);
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stdout, "content/2024/2024-04-10-arranca-campana-2024.md\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
