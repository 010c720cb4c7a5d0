import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { copyDir, listFiles, pngHeader, ROOT, tempDir } from "../build/helpers.ts";

const BIN = path.join(ROOT, "bin/boletines.js");

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, BOLETINES_NOW: "2026-01-01T00:00:00-06:00", ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function project(fixture: string): Promise<string> {
  const dir = await tempDir("boletines-cli-");
  await copyDir(path.join(ROOT, fixture), path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  return dir;
}

test("build with defaults: content/ → _site/, then a broken file leaves _site untouched", async () => {
  const dir = await project("content");
  const ok = run(["build"], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Sitio generado en _site: 4 boletines/);
  const before = await listFiles(path.join(dir, "_site"));
  const home = await readFile(path.join(dir, "_site/index.html"), "utf8");

  await writeFile(path.join(dir, "content/2021/roto.md"), '---\ntitle: "Roto"\ndate: 2021-02-30\n---\nx\n');
  await writeFile(path.join(dir, "content/2021/roto2.md"), "---\ntitle: [\n---\n");
  const bad = run(["build"], dir);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /content\/2021\/roto\.md:3:1: error \[date\]: «2021-02-30» no es una fecha válida: el día 30 no existe en febrero de 2021/);
  // `title: [` and the end of the front matter: said where the list opens, on the title's line.
  assert.match(bad.stderr, /content\/2021\/roto2\.md:2:8: error \[title\]: El encabezado YAML no se puede leer: la lista «\[…\]» que abre aquí no se cierra/);
  assert.match(bad.stderr, /2 errores en 2 archivos/);
  assert.match(bad.stderr, /No se generó el sitio; _site queda como estaba/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
  assert.deepEqual(await listFiles(path.join(dir, "_site")), before);
  assert.equal(await readFile(path.join(dir, "_site/index.html"), "utf8"), home);
  // The build cache (.cache/) and the site's two generations (._site.d/, src/build/generations.ts)
  // are meant to stay; no work folder, link or lock may.
  const siblings = (await listFiles(dir)).filter((f) => f.startsWith(".") && !f.startsWith(".cache/") && !/^\._site\.d\/(a|b)(\/|\.json$)/.test(f));
  assert.deepEqual(siblings, [], "no work folder or lock left behind");
});

test("a title without letters or numbers is an error for build and check: file, line of title:, what to write; _site stays as it was", async () => {
  const dir = await project("content");
  const ok = run(["build"], dir);
  assert.equal(ok.code, 0, ok.stderr);
  const before = await listFiles(path.join(dir, "_site"));
  const home = await readFile(path.join(dir, "_site/index.html"), "utf8");

  await mkdir(path.join(dir, "content/2024"), { recursive: true });
  await writeFile(path.join(dir, "content/2024/2024-04-09-signos.md"), '---\ntitle: "!!!"\ndate: 2024-04-09\ndescription: "d"\n---\n\nTexto.\n');
  await writeFile(path.join(dir, "content/2024/2024-04-10-emoji.md"), '---\ndate: 2024-04-10\ndescription: "d"\ntitle: "🎉🎉 ¿?"\n---\n\nTexto.\n');
  const hint = '\n    → Escribe el título del boletín con palabras, por ejemplo title: "IMSS inaugura clínica en Mérida".';
  for (const command of ["build", "check"]) {
    const bad = run([command], dir);
    assert.equal(bad.code, 1, `${command}: ${bad.stderr}`);
    assert.ok(bad.stderr.includes(`content/2024/2024-04-09-signos.md:2:1: error [title]: El título «!!!» no tiene letras ni números.${hint}`), `${command}: ${bad.stderr}`);
    assert.ok(bad.stderr.includes(`content/2024/2024-04-10-emoji.md:4:1: error [title]: El título «🎉🎉 ¿?» no tiene letras ni números.${hint}`), `${command}: ${bad.stderr}`);
    assert.match(bad.stderr, /2 errores en 2 archivos/);
    if (command === "build") assert.match(bad.stderr, /No se generó el sitio; _site queda como estaba/);
  }
  assert.deepEqual(await listFiles(path.join(dir, "_site")), before);
  assert.equal(await readFile(path.join(dir, "_site/index.html"), "utf8"), home);
});

test("build --content --out, and adding a file shows up after a rebuild", async () => {
  const dir = await project("content");
  const out = path.join(dir, "publicado");
  assert.equal(run(["build", "--content", "content", "--out", "publicado"], dir).code, 0);
  await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Nuevo boletín"\ndate: 2024-04-09\ndescription: "d"\n---\nHola.\n');
  assert.equal(run(["build", "--content", "content", "--out", "publicado"], dir).code, 0);
  const files = await listFiles(out);
  assert.ok(files.includes("boletines/2024/04/nuevo-boletin/index.html"));
});

test("check: all errors with file:line:column, exit 1; warnings exit 0 unless --strict", async () => {
  const broken = run(["check", "--content", path.join(ROOT, "tests/fixtures/broken")], ROOT);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /tests\/fixtures\/broken\/a-fecha\.md:3:1: error \[date\]/);
  // An unclosed quote is said where it opens (not at the closing ---), with the line closed.
  assert.match(broken.stderr, /tests\/fixtures\/broken\/b-yaml\.md:2:8: error \[title\]: .*abre comillas .* en la línea 2 y no las cierra.*\n    → Cierra las comillas al final del valor: title: "Comillas sin cerrar"/);
  assert.match(broken.stderr, /tests\/fixtures\/broken\/d-colision\.md:2:1: error \[title\]: La URL \/boletines\/2024\/01\/correcto\/ de este boletín ya es la URL de tests\/fixtures\/broken\/c-ok\.md/);
  assert.match(broken.stderr, /→ Cambia la dirección de uno de los dos: en tests\/fixtures\/broken\/c-ok\.md, agrega slug: con otro valor .*; o en tests\/fixtures\/broken\/d-colision\.md, agrega slug: con otro valor/);

  const seeds = run(["check"], ROOT);
  assert.equal(seeds.code, 0, seeds.stderr);
  assert.match(seeds.stderr, /aviso \[image\]/);
  const strict = run(["check", "--strict"], ROOT);
  assert.equal(strict.code, 1);
});

test("check FILE: only that file's problems, found with the whole site (a collision names it); exit by them; the others' errors counted", async () => {
  const dir = await project("tests/fixtures/broken");
  // c-ok.md is valid, but d-colision.md took its URL: the collision concerns both.
  const ok = run(["check", "content/c-ok.md"], dir);
  assert.equal(ok.code, 1, ok.stderr);
  assert.match(ok.stderr, /d-colision\.md:2:1: error \[title\]: La URL \/boletines\/2024\/01\/correcto\/ de este boletín ya es la URL de content\/c-ok\.md/);
  assert.doesNotMatch(ok.stderr, /a-fecha\.md|b-yaml\.md/, "other files' problems are not shown");
  assert.match(ok.stderr, /content\/c-ok\.md: revisado junto con el resto del sitio \(4 boletines\)\./);
  assert.match(ok.stderr, /Otros archivos tienen \d+ errores \(2 archivos\): «boletines check» sin archivos los muestra/);
  const date = run(["check", path.join(dir, "content/a-fecha.md")], dir);
  assert.equal(date.code, 1);
  assert.match(date.stderr, /a-fecha\.md:3:1: error \[date\]/);
  assert.doesNotMatch(date.stderr, /b-yaml\.md:|d-colision\.md:/);
  // A valid file alone: exit 0, even though others are broken.
  await writeFile(path.join(dir, "content", "e-bien.md"), '---\ntitle: "Bien"\ndate: 2024-02-01\ndescription: "d"\n---\n\nTexto.\n');
  const fine = run(["check", "content/e-bien.md"], dir);
  assert.equal(fine.code, 0, fine.stderr);
  assert.match(fine.stdout, /content\/e-bien\.md: revisado junto con el resto del sitio \(5 boletines\)\.\nSin errores ni avisos\.\n/);
  // A folder: the files in it (the content folder itself: all of them).
  const all = run(["check", "content/"], dir);
  assert.equal(all.code, 1);
  for (const f of ["a-fecha", "b-yaml", "d-colision"]) assert.match(all.stderr, new RegExp(`${f}\\.md:\\d+:\\d+: error`));
  assert.doesNotMatch(all.stderr, /Otros archivos/);
  await writeFile(path.join(dir, "content", "notas.txt"), "x");
  for (const [arg, message] of [
    ["/etc/passwd", /no está en la carpeta de contenido/],
    ["content/no-existe.md", /no existe/],
    ["content/notas.txt", /no es un boletín/],
  ] as const) {
    const r = run(["check", arg], dir);
    assert.equal(r.code, 2, `${arg}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  await mkdir(path.join(dir, "content", "_borradores"));
  await writeFile(path.join(dir, "content", "_borradores", "x.md"), "---\ntitle: x\n---\n");
  assert.match(run(["check", "content/_borradores/x.md"], dir).stderr, /empiezan con «\.» o «_» se ignoran/);
});

test("check --format github prints workflow annotations", () => {
  const r = run(["check", "--format", "github", "--content", path.join(ROOT, "tests/fixtures/broken")], ROOT);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error file=tests\/fixtures\/broken\/a-fecha\.md,line=3,col=1,title=boletines%3A date::«31\/02\/2023» no es una fecha válida/m);
});

test("usage errors exit 2 with help", () => {
  const dir = ROOT;
  const unknown = run(["publicar"], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Comando desconocido: «publicar»/);
  const flag = run(["build", "--no-such-flag"], dir);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /boletines build \[--content DIR\]/);
  assert.equal(run(["check", "--format", "xml"], dir).code, 2);
  assert.equal(run([], dir).code, 2);
  assert.equal(run(["--help"], dir).code, 0);
  const badNow = run(["check"], dir, { BOLETINES_NOW: "ayer" });
  assert.equal(badNow.code, 2);
  assert.match(badNow.stderr, /BOLETINES_NOW/);
});

test("a build whose prefetch thread started before its modules loaded still ends at once on a setting or folder error", async () => {
  const dir = await project("content");
  // An index this large makes the command start the prefetch thread (build/prefetch.ts); unreadable, it is then discarded.
  await mkdir(path.join(dir, ".cache/boletines"), { recursive: true });
  await writeFile(path.join(dir, ".cache/boletines/index.json"), "x".repeat(3 * 1024 * 1024));
  const started = Date.now();
  const badNow = run(["build", "--no-search"], dir, { BOLETINES_NOW: "ayer" });
  assert.equal(badNow.code, 2, badNow.stderr);
  assert.match(badNow.stderr, /BOLETINES_NOW=«ayer» no es una fecha ISO 8601 válida/);
  const around = run(["build", "--no-search", "--out", "."], dir);
  assert.equal(around.code, 1, around.stderr);
  assert.match(around.stderr, /La carpeta de salida \S+ contiene la carpeta de contenido/);
  // A thread left running keeps a process alive: both exit well before `run`'s time limit.
  assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  const built = run(["build", "--no-search", "--quiet"], dir);
  assert.equal(built.code, 0, built.stderr);
});

test("a missing content folder is a clear error", async () => {
  const dir = await tempDir();
  const r = run(["build", "--content", "no-existe"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no-existe: error: La carpeta de contenido no existe/);
});

test("a redirect onto a file of public/ is an error; a missing public/ is a warning", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "content"));
  await mkdir(path.join(dir, "public/css"), { recursive: true });
  await writeFile(path.join(dir, "public/css/site.css"), "body{}\n");
  await writeFile(path.join(dir, "content/a.md"), '---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\nredirect_from: /css/site.css\n---\nx\n');
  const r = run(["check"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /content\/a\.md:5:1: error \[redirect_from\]: La redirección \/css\/site\.css coincide con el archivo public\/css\/site\.css/);
  await writeFile(path.join(dir, "content/a.md"), '---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\n---\nx\n');
  const other = await tempDir("boletines-cli-");
  const w = run(["check", "--content", path.join(dir, "content")], other);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stderr, /public: aviso: La carpeta de archivos estáticos no existe/);
});

test("build prints every error but only the first warnings of each kind; check lists them all", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "public"));
  await mkdir(path.join(dir, "content"));
  // Nine bulletins without a description (one kind of warning), one with an image it cannot find (another).
  for (let i = 1; i <= 9; i++) await writeFile(path.join(dir, `content/b${i}.md`), `---\ntitle: "Boletín ${i}"\ndate: 2024-04-0${i}\n---\nTexto ${i}.\n`);
  await writeFile(path.join(dir, "content/foto.md"), '---\ntitle: "Con foto"\ndate: 2024-04-10\ndescription: "d"\nimage: /uploads/no-esta.jpg\n---\nTexto.\n');
  const built = run(["build", "--no-search"], dir);
  assert.equal(built.code, 0, built.stderr);
  const shown = (out: string) => out.split("\n").filter((l) => /aviso \[description\]/.test(l)).length;
  assert.equal(shown(built.stderr), 3);
  assert.match(built.stderr, /… y 6 avisos más \[description\] como los de arriba\.\n«boletines check» los lista todos\./);
  assert.match(built.stderr, /content\/foto\.md:\d+:\d+: aviso \[image\]/, "a kind with few warnings is printed whole");
  assert.match(built.stderr, /Sin errores, 10 avisos\./);
  const checked = run(["check"], dir);
  assert.equal(checked.code, 0, checked.stderr);
  assert.equal(shown(checked.stderr), 9);
  assert.doesNotMatch(checked.stderr, /avisos más/);

  // An error is printed with the warnings shortened around it, and the build stops.
  await writeFile(path.join(dir, "content/roto.md"), '---\ntitle: "Roto"\ndate: 2024-02-30\ndescription: "d"\n---\nx\n');
  const broken = run(["build", "--no-search"], dir);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /content\/roto\.md:3:1: error \[date\]/);
  assert.equal(shown(broken.stderr), 3);
  assert.match(broken.stderr, /1 error en 1 archivo, 10 avisos\./);
});

test("usage mistakes are said in Spanish, with exit code 2", () => {
  const unknown = run(["check", "--bogus"], ROOT);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^La opción --bogus no existe\. Opciones: --content, --public, --format, --strict, --cache, --since\./m);
  const missing = run(["build", "--out"], ROOT);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^Falta el valor de --out \(por ejemplo --out valor\)\./m);
  const extra = run(["build", "sobra"], ROOT);
  assert.equal(extra.code, 2);
  assert.match(extra.stderr, /^Sobra «sobra»: este comando no recibe argumentos sueltos/m);
  for (const r of [unknown, missing, extra]) assert.doesNotMatch(r.stderr, /Unknown option|argument missing|Unexpected argument/);
  // An empty folder would be the working folder: the project itself, as the output replaced whole.
  for (const [command, option] of [["build", "--out"], ["build", "--content"], ["check", "--content"], ["check", "--cache"], ["serve", "--out"]] as const) {
    const empty = run([command, option, ""], ROOT);
    assert.equal(empty.code, 2, `${command} ${option} ""`);
    assert.match(empty.stderr, new RegExp(`^${option} no puede estar vacío`, "m"), `${command} ${option} ""`);
  }
});

test("a picture whose file cannot be converted: check and build say which and why, and the build still makes the site", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "public/uploads"), { recursive: true });
  await mkdir(path.join(dir, "content"));
  // A document saved as .jpg, and a photo of more pixels than the converter takes (its header is enough to say so).
  await writeFile(path.join(dir, "public/uploads/roto.jpg"), "Esto no es una foto.\n");
  await writeFile(path.join(dir, "public/uploads/enorme.png"), pngHeader(40_000, 40_000));
  await writeFile(path.join(dir, "content/foto.md"), '---\ntitle: "Con foto"\ndate: 2024-04-10\ndescription: "d"\nimage: /uploads/roto.jpg\nalt: "Foto"\n---\nTexto.\n\n![Plano](/uploads/enorme.png)\n');
  const checked = run(["check"], dir);
  assert.equal(checked.code, 0, checked.stderr);
  assert.match(checked.stderr, /content\/foto\.md:5:1: aviso \[image\]: La imagen \/uploads\/roto\.jpg no se puede leer como imagen/);
  assert.match(checked.stderr, /content\/foto\.md:10:1: aviso: La imagen del texto \/uploads\/enorme\.png mide 40,000 × 40,000 píxeles/);
  assert.equal(run(["check", "--strict"], dir).code, 1);
  // Before, the build stopped with sharp's «Input image exceeds pixel limit», naming no file.
  const built = run(["build", "--no-search"], dir);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stderr, /roto\.jpg no se puede leer como imagen/);
  assert.match(built.stderr, /enorme\.png mide 40,000 × 40,000/);
  const page = await readFile(path.join(dir, "_site/boletines/2024/04/con-foto/index.html"), "utf8");
  assert.doesNotMatch(page, /<picture/);
  assert.match(page, /<img src="\/uploads\/enorme\.png" alt="Plano"/);
});

test("check: an error in a file does not hide its collision with another file, in the first run or from the cache", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  await writeFile(path.join(dir, "content/a.md"), '---\ntitle: "Mismo título"\ndate: 2024-04-09\ndescription: "d"\n---\nTexto.\n');
  await writeFile(path.join(dir, "content/b.md"), '---\ntitle: "Mismo título"\ndate: 2024-04-20\ndescription: "d"\nfront: quizás\n---\nTexto.\n');
  for (const round of ["first", "cached"]) {
    const r = run(["check"], dir);
    assert.equal(r.code, 1, round);
    assert.match(r.stderr, /content\/b\.md:5:1: error \[front\]: «front» debe ser true o false/, round);
    assert.match(r.stderr, /content\/b\.md:2:1: error \[title\]: La URL \/boletines\/2024\/04\/mismo-titulo\/ de este boletín ya es la URL de content\/a\.md/, round);
  }
  // Named alone, the valid file is told of the collision too.
  assert.match(run(["check", "content/a.md"], dir).stderr, /content\/b\.md:2:1: error \[title\]: La URL .* ya es la URL de content\/a\.md/);
});

test("check: two forward files that lead to each other are refused, naming both; a chain of forwards is a warning", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  await writeFile(path.join(dir, "content/a.md"), '---\ntitle: "A"\ndate: 2024-04-09\nredirect_to: /boletines/2024/04/b/\n---\n');
  await writeFile(path.join(dir, "content/b.md"), '---\ntitle: "B"\ndate: 2024-04-09\nredirect_to: /boletines/2024/04/a/\n---\n');
  const loop = run(["check"], dir);
  assert.equal(loop.code, 1, loop.stderr);
  assert.match(loop.stderr, /content\/a\.md:4:1: error \[redirect_to\]: redirect_to: \/boletines\/2024\/04\/b\/ lleva a otro reenvío, y los reenvíos dan vueltas/);
  assert.match(loop.stderr, /content\/b\.md:4:1: error \[redirect_to\]: .* content\/b\.md → \/boletines\/2024\/04\/a\/, content\/a\.md → \/boletines\/2024\/04\/b\/, de vuelta a content\/b\.md/);
  assert.equal(run(["build"], dir).code, 1, "nor is it built");
  await writeFile(path.join(dir, "content/b.md"), '---\ntitle: "B"\ndate: 2024-04-09\nredirect_to: https://www.gob.mx/imss\n---\n');
  const chain = run(["check"], dir);
  assert.equal(chain.code, 0, chain.stderr);
  assert.match(chain.stderr, /content\/a\.md:4:1: aviso \[redirect_to\]: .*pasan por 2 redirecciones .*\n    → Escribe redirect_to: https:\/\/www\.gob\.mx\/imss para llevarlos en una sola\./);
  assert.equal(run(["check", "--strict"], dir).code, 1);
});

test("check and build warn of what was published worse than written: a footnote's call in a field, a label notes cannot take, a note's paragraph left out of it, a pasted paragraph as title, labels in capitals; exit 0, from the cache too", async () => {
  const dir = await tempDir("boletines-cli-");
  await mkdir(path.join(dir, "public"));
  await mkdir(path.join(dir, "content/2024"), { recursive: true });
  const write = (name: string, text: string) => writeFile(path.join(dir, "content/2024", name), text);
  await write("a-campo.md", '---\ntitle: "Casos de dengue[^1] en Yucatán"\ndate: 2024-04-09\ndescription: "d"\nhighlights:\n  - "Dos[^2]"\n---\n\nTexto con nota[^1].\n\n[^1]: Fuente: IMSS.\n');
  await write("b-nombre.md", '---\ntitle: "Nombre de nota"\ndate: 2024-04-10\ndescription: "d"\n---\n\nCifras preliminares[^nota 1].\n\n[^nota 1]: Fuente: IMSS, 2024.\n');
  await write("c-parrafo.md", '---\ntitle: "Nota de dos párrafos"\ndate: 2024-04-11\ndescription: "d"\n---\n\nTexto[^1].\n\n[^1]: Primer párrafo de la nota.\n\nSegundo párrafo, sin sangría.\n');
  const paragraph = "El Instituto Mexicano del Seguro Social informa que amplía el horario de atención en sus Unidades de Medicina Familiar de todo el país. ".repeat(3).trim();
  await write("d-titulo.md", `---\ndate: 2024-04-12\ndescription: "d"\ntitle: "${paragraph}"\n---\n\nTexto.\n`);
  await write("e-mayusculas.md", '---\ntitle: "Salud en mayúsculas"\ndate: 2024-04-13\ndescription: "d"\nsection: LOCAL\ntags:\n  - SALUD\n  - IMSS\n  - COVID-19\n---\n\nTexto.\n');
  await write("f-minusculas.md", '---\ntitle: "Salud en minúsculas"\ndate: 2024-04-14\ndescription: "d"\ntags: [salud]\n---\n\nTexto.\n');
  const expected = [
    /content\/2024\/a-campo\.md:2:24: aviso \[title\]: «\[\^1\]» se publica tal cual, con sus corchetes: title es texto, y las notas al pie solo existen en el texto del boletín\.\n    → El texto ya tiene la nota \[\^1\]: .*Escribe title: "Casos de dengue en Yucatán"/,
    /content\/2024\/a-campo\.md:6:9: aviso \[highlights\]: «\[\^2\]» se publica tal cual/,
    /content\/2024\/b-nombre\.md:7:20: aviso: «\[\^nota 1\]» no es una nota al pie: el nombre de una nota no puede tener espacios\. Se publica tal cual, con sus corchetes \(2 veces\)\.\n    → .*\[\^nota-1\] en el texto y \[\^nota-1\]: … al final\./,
    /content\/2024\/c-parrafo\.md:11:1: aviso: El párrafo «Segundo párrafo, sin sangría\.» va después de la nota \[\^1\], sin sangría: no es parte de la nota.*\n    → Si es otro párrafo de la nota, escríbelo con cuatro espacios/,
    /content\/2024\/d-titulo\.md:4:1: aviso \[title\]: El título tiene 407 caracteres: parece un párrafo.*\n    → Deja en title solo el titular .*La primera oración podría ser el título: title: "El Instituto Mexicano del Seguro Social informa que amplía el horario de atención en sus Unidades de Medicina Familiar de todo el país"/,
    /content\/2024\/e-mayusculas\.md:5:10: aviso \[section\]: La sección «LOCAL» está escrita toda en mayúsculas, y así se muestra .*\n    → Escribe «Local»/,
    /content\/2024\/e-mayusculas\.md:7:5: aviso \[tags\]: La etiqueta «SALUD» está escrita toda en mayúsculas; el sitio muestra «salud», como la escriben otros boletines\.\n    → Escribe «salud»/,
  ];
  for (const round of ["first", "cached"]) {
    const checked = run(["check"], dir);
    assert.equal(checked.code, 0, `${round}: ${checked.stderr}`);
    for (const re of expected) assert.match(checked.stderr, re, round);
    assert.doesNotMatch(checked.stderr, /«IMSS»|«COVID-19»|f-minusculas\.md/, "acronyms and a label in small letters say nothing");
    assert.match(checked.stderr, /Sin errores, 7 avisos\./, round);
  }
  assert.equal(run(["check", "--strict"], dir).code, 1);
  // A file alone: its own warnings, with their lines.
  const one = run(["check", "content/2024/c-parrafo.md"], dir);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stderr, /^content\/2024\/c-parrafo\.md:11:1: aviso: El párrafo «Segundo párrafo, sin sangría\.»/m);
  assert.doesNotMatch(one.stderr, /a-campo|b-nombre|d-titulo|e-mayusculas/);
  assert.match(run(["check", "content/2024/e-mayusculas.md"], dir).stderr, /e-mayusculas\.md:7:5: aviso \[tags\]: La etiqueta «SALUD»/);
  // Warnings do not stop the build, from scratch or from its cache; the topic's page shows the spelling not in capitals.
  for (const round of ["first", "cached"]) {
    const built = run(["build", "--no-search"], dir);
    assert.equal(built.code, 0, `${round}: ${built.stderr}`);
    assert.match(built.stderr, /c-parrafo\.md:11:1: aviso: El párrafo/, round);
    assert.match(built.stderr, /d-titulo\.md:4:1: aviso \[title\]: El título tiene 407 caracteres/, round);
    assert.match(built.stderr, /e-mayusculas\.md:7:5: aviso \[tags\]: La etiqueta «SALUD»/, round);
    assert.match(built.stderr, /Sin errores, 7 avisos\./, round);
  }
  const topic = await readFile(path.join(dir, "_site/temas/salud/index.html"), "utf8");
  assert.match(topic, /<h1[^>]*>[^<]*salud/);
  assert.doesNotMatch(topic, /SALUD/);
  // Nothing is rewritten: the title is published as written.
  const page = await readFile(path.join(dir, "_site/boletines/2024/04/casos-de-dengue-1-en-yucatan/index.html"), "utf8");
  assert.match(page, /<h1[^>]*>Casos de dengue\[\^1\] en Yucatán<\/h1>/);
});
