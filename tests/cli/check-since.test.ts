import assert from "node:assert/strict";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { git, tempDir } from "../build/helpers.ts";
import { runCli } from "./run-cli.ts";

/**
 * `check` against git: an edit that would take away an address readers could open (a title edit moving
 * a page, a deleted bulletin) is named, on a real repository with real commits.
 */
const NOW = { BOLETINES_NOW: "2024-06-01T12:00:00-06:00" };

const A = "content/2024/2024-04-09-vacunacion.md";
const A_TEXT = `---
title: "Arranca campaña de vacunación"
date: 2024-04-09T10:00:00-06:00
description: "Resumen."
redirect_from: /news/190812
---

Texto.
`;
const B = "content/2024/2024-04-10-clinica.md";
const B_TEXT = `---
title: "Inaugura IMSS clínica en Mérida"
date: 2024-04-10
description: "Resumen."
---

Texto.
`;

async function repository(): Promise<string> {
  const dir = await tempDir("boletines-since-");
  await mkdir(path.join(dir, "content/2024"), { recursive: true });
  await mkdir(path.join(dir, "public"));
  await writeFile(path.join(dir, A), A_TEXT);
  await writeFile(path.join(dir, B), B_TEXT);
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Dos boletines");
  return dir;
}

test("check names an uncommitted title edit that moves a published page, and the line that keeps the old address", async () => {
  const dir = await repository();
  const clean = runCli(["check"], dir, NOW);
  assert.equal(clean.code, 0, clean.stderr);
  assert.doesNotMatch(clean.stderr, /dirección/);

  await writeFile(path.join(dir, A), A_TEXT.replace("Arranca campaña", "Inicia campaña"));
  const moved = runCli(["check"], dir, NOW);
  assert.equal(moved.code, 0, moved.stderr);
  assert.match(moved.stderr, new RegExp(`${A}:2:1: aviso \\[title\\]: La dirección de este boletín cambió \\(cambió el título\\): era /boletines/2024/04/arranca-campana-de-vacunacion/, ahora es /boletines/2024/04/inicia-campana-de-vacunacion/`));
  assert.match(moved.stderr, /→ Agrega redirect_from: \/boletines\/2024\/04\/arranca-campana-de-vacunacion\/ para que sigan llegando aquí, o conserva la dirección anterior con slug: arranca-campana-de-vacunacion\./);
  assert.equal(runCli(["check", "--strict"], dir, NOW).code, 1);
  const github = runCli(["check", "--format", "github"], dir, NOW);
  assert.match(github.stdout, new RegExp(`::warning file=${A},line=2,col=1,title=[^:]*::La dirección de este boletín cambió`));
  // Named alone, the file shows it too; another file named alone does not.
  assert.match(runCli(["check", A], dir, NOW).stderr, /La dirección de este boletín cambió/);
  assert.doesNotMatch(runCli(["check", B], dir, NOW).stderr, /La dirección de este boletín cambió/);

  // Done as the hint says: nothing lost.
  await writeFile(path.join(dir, A), A_TEXT.replace("Arranca campaña", "Inicia campaña").replace("redirect_from: /news/190812", "redirect_from:\n  - /news/190812\n  - /boletines/2024/04/arranca-campana-de-vacunacion/"));
  const fixed = runCli(["check", "--strict"], dir, NOW);
  assert.equal(fixed.code, 0, fixed.stderr);
});

test("check --since REF compares with a branch or commit: what a pull request changes, committed", async () => {
  const dir = await repository();
  git(dir, "switch", "-q", "-c", "cambios");
  git(dir, "rm", "-q", B);
  const renamed = "content/2024/2024-04-09-campana.md";
  git(dir, "mv", A, renamed);
  await writeFile(path.join(dir, renamed), A_TEXT.replace("Arranca campaña", "Arranca la campaña"));
  git(dir, "commit", "-q", "-am", "Borra uno, renombra otro y corrige su título");
  // Against HEAD nothing is uncommitted; against main, the deleted bulletin is named on its old path, and
  // the renamed one on its new path, where the line to change is.
  assert.doesNotMatch(runCli(["check"], dir, NOW).stderr, /aviso/);
  const since = runCli(["check", "--since", "main"], dir, NOW);
  assert.equal(since.code, 0, since.stderr);
  assert.match(since.stderr, new RegExp(`${B}: aviso: Se borró este boletín, publicado en /boletines/2024/04/inaugura-imss-clinica-en-merida/: esa dirección ya no llevará a ninguna página`));
  assert.match(since.stderr, /→ Si otro boletín lo reemplaza, agrega en él redirect_from: \/boletines\/2024\/04\/inaugura-imss-clinica-en-merida\/\./);
  assert.match(since.stderr, new RegExp(`${renamed}:2:1: aviso \\[title\\]: La dirección de este boletín cambió \\(cambió el título\\): era /boletines/2024/04/arranca-campana-de-vacunacion/`));
  assert.doesNotMatch(since.stderr, new RegExp(`${A}: aviso`));
  assert.match(since.stdout + since.stderr, /Comparado con main \([0-9a-f]{7}\): 2 boletines cambiados, renombrados o borrados\./);
  const commit = git(dir, "rev-parse", "main").trim();
  assert.match(runCli(["check", "--since", commit], dir, NOW).stderr, /Se borró este boletín/);
});

test("check --since says what is wrong with a revision or a folder outside git; without it, no git is no problem", async () => {
  const dir = await repository();
  const bad = runCli(["check", "--since", "no-existe"], dir, NOW);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--since: «no-existe» no es una revisión de este repositorio/);
  const option = runCli(["check", "--since", "--strict"], dir, NOW);
  assert.equal(option.code, 2);

  const missing = runCli(["check", "--since", "main", "--content", "no-hay"], dir, NOW);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--since: no-hay no existe\./);

  await rm(path.join(dir, ".git"), { recursive: true });
  const outside = runCli(["check", "--since", "main"], dir, NOW);
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /--since: content no está en un repositorio de git/);
  const plain = runCli(["check"], dir, NOW);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(await readFile(path.join(dir, A), "utf8"), A_TEXT);
});

test("check --format github --since annotates the change: its files' problems and every error first, the untouched files' warnings counted", async () => {
  const dir = await repository();
  // An old bulletin with a warning of its own (no description), untouched by the change.
  const old = "content/2024/2024-04-11-antiguo.md";
  await writeFile(path.join(dir, old), '---\ntitle: "Boletín antiguo"\ndate: 2024-04-11\n---\n\nTexto.\n');
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Uno antiguo");
  git(dir, "switch", "-q", "-c", "cambios");
  await writeFile(path.join(dir, A), A_TEXT.replace("Arranca campaña", "Inicia campaña"));
  const added = "content/2024/2024-04-12-nuevo.md";
  await writeFile(path.join(dir, added), '---\ntitle: "Boletín nuevo"\ndate: 2024-04-12\n---\n\nTexto.\n');
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Cambia un título, agrega uno sin descripción");

  const change = runCli(["check", "--format", "github", "--since", "main"], dir, NOW);
  assert.equal(change.code, 0, change.stderr);
  const annotations = change.stdout.split("\n").filter((l) => l.startsWith("::"));
  assert.deepEqual(annotations.map((l) => /^::(\w+)(?: file=([^,:]+))?/.exec(l)!.slice(1, 3).join(" ").trim()), [`warning ${A}`, `warning ${added}`, "notice"]);
  assert.match(annotations[0]!, /La dirección de este boletín cambió/);
  assert.match(annotations[1]!, /no tiene descripción/);
  assert.equal(annotations[2], "::notice::1 aviso más en archivos que este cambio no toca: «boletines check» los lista todos.");
  // Without --since, every problem is annotated, as before.
  assert.match(runCli(["check", "--format", "github"], dir, NOW).stdout, new RegExp(`^::warning file=${old},`, "m"));

  // An error in a file the change does not touch is still annotated, after the change's own problems: it stops the build.
  git(dir, "switch", "-q", "main");
  await writeFile(path.join(dir, old), '---\ntitle: "Boletín antiguo"\ndate: 2024-02-30\n---\n\nTexto.\n');
  git(dir, "commit", "-q", "-am", "Una fecha imposible");
  git(dir, "switch", "-q", "-c", "otro");
  await writeFile(path.join(dir, added), '---\ntitle: "Boletín nuevo"\ndate: 2024-04-12\n---\n\nTexto.\n');
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Agrega uno");
  const broken = runCli(["check", "--format", "github", "--since", "main"], dir, NOW);
  assert.equal(broken.code, 1);
  const lines = broken.stdout.split("\n").filter((l) => l.startsWith("::"));
  // (The broken file's own warning, no description, is of a file the change does not touch: counted.)
  assert.deepEqual(lines.map((l) => /^::(\w+)(?: file=([^,:]+))?/.exec(l)!.slice(1, 3).join(" ").trim()), [`warning ${added}`, `error ${old}`, "notice"]);
});

test("by default check compares with what the branch last shared: commits not yet pushed count, others' fetched changes do not", async () => {
  const origin = await repository();
  const dir = path.join(await tempDir("boletines-since-clone-"), "clone");
  git(path.dirname(dir), "clone", "-q", origin, dir);
  // Committed here, not pushed: the title edit is still named.
  await writeFile(path.join(dir, A), A_TEXT.replace("Arranca campaña", "Inicia campaña"));
  git(dir, "commit", "-q", "-am", "Corrige el título");
  assert.match(runCli(["check"], dir, NOW).stderr, new RegExp(`${A}:2:1: aviso \\[title\\]: La dirección de este boletín cambió`));
  // Someone else moved B's page upstream; fetched, not merged: not this branch's change, not named here.
  await writeFile(path.join(origin, B), B_TEXT.replace("Inaugura IMSS", "Inaugura el IMSS"));
  git(origin, "commit", "-q", "-am", "Otro título");
  git(dir, "fetch", "-q");
  const after = runCli(["check"], dir, NOW);
  assert.doesNotMatch(after.stderr, new RegExp(`${B}.*La dirección`));
  assert.match(after.stderr, /La dirección de este boletín cambió \(cambió el título\): era \/boletines\/2024\/04\/arranca/);
  // Pushed: nothing left to say.
  git(dir, "pull", "-q", "--no-rebase", "--no-edit");
  git(dir, "push", "-q", "origin", "HEAD:refs/heads/otra");
  git(dir, "branch", "-q", "--set-upstream-to=origin/otra");
  assert.doesNotMatch(runCli(["check"], dir, NOW).stderr, /La dirección de este boletín cambió/);
});

test("a topic renamed on its only bulletin: check names its page and feed, and the one forward file it suggests keeps both", async () => {
  const dir = await repository();
  await writeFile(path.join(dir, A), A_TEXT.replace('description: "Resumen."', 'description: "Resumen."\ntags: [Vacunación]'));
  git(dir, "commit", "-q", "-am", "Un tema");
  await writeFile(path.join(dir, A), A_TEXT.replace('description: "Resumen."', 'description: "Resumen."\ntags: [Vacunas]'));
  const renamed = runCli(["check"], dir, NOW);
  assert.match(renamed.stderr, new RegExp(`${A}:5:1: aviso \\[tags\\]: Ya ningún boletín publicado tiene el tema «Vacunación»: su página \\(/temas/vacunacion/\\) y su feed \\(/temas/vacunacion/feed\\.xml\\) dejarían de existir`));
  // Done as the hint says: one file, whose forward of the page carries the feed.
  const hint = /→ Si cambió de nombre.*: (content\/redirecciones\/\S+) con redirect_to: (\S+) y redirect_from: (\S+) \(lleva también el feed/.exec(renamed.stderr);
  assert.ok(hint, renamed.stderr);
  await mkdir(path.join(dir, "content/redirecciones"));
  await writeFile(path.join(dir, hint[1]!), `---\ntitle: "Reenvío ${hint[3]}"\ndate: 2024-04-09\nredirect_to: ${hint[2]}\nredirect_from: ${hint[3]}\n---\n`);
  const kept = runCli(["check", "--strict"], dir, NOW);
  assert.equal(kept.code, 0, kept.stderr);
  assert.equal(runCli(["build", "--no-search"], dir, NOW).code, 0);
  const redirects = await readFile(path.join(dir, "_site/_redirects"), "utf8");
  assert.match(redirects, /^\/temas\/vacunacion\/ \/temas\/vacunas\/ 301$/m);
  assert.match(redirects, /^\/temas\/vacunacion\/feed\.xml \/temas\/vacunas\/feed\.xml 301$/m);
});
