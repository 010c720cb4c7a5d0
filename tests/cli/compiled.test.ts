import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { generateBulletins } from "../../scripts/bench/corpus.ts";
import { WORKER_THRESHOLD } from "../../src/build/cache.ts";
import { freePort, ROOT, tempDir } from "../build/helpers.ts";

/**
 * bin/boletines.js runs a JavaScript copy of src/ compiled into .cache/js/<key>/ when it can, and the
 * TypeScript sources through tsx otherwise. Both must make the same site; a copy must never outlive
 * the sources it was made from. BOLETINES_DEBUG=1 makes the launcher say which code it runs.
 */
const NOW = { BOLETINES_NOW: "2026-01-01T00:00:00-06:00" };

function run(root: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/boletines.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...NOW, BOLETINES_DEBUG: "1", ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(root: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/boletines.js"), ...args], { cwd: root, env: { ...process.env, BOLETINES_DEBUG: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A copy of the project (sources, layouts, public/) in a temporary folder, its node_modules made of
 * links to the real packages minus `without` (as after `npm ci --omit=dev`, which leaves out TypeScript).
 */
async function projectCopy(without: string[] = []): Promise<string> {
  const dir = await tempDir("boletines-compiled-");
  for (const entry of ["src", "bin", "layouts", "public", "package.json", ".gitignore", ".eleventy.ts", "tsconfig.json"]) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  mkdirSync(path.join(dir, "node_modules"));
  for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
    if (!without.includes(name)) symlinkSync(path.join(ROOT, "node_modules", name), path.join(dir, "node_modules", name));
  }
  return dir;
}

/** Compiled copies (not work folders nor failure notes) under a project's .cache/js/. */
function copies(root: string): string[] {
  const dir = path.join(root, ".cache/js");
  return existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(".") && !n.endsWith(".failed")) : [];
}

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return files;
}

const COMPILED = /boletines: (src\/ compilado en |código compilado: )\.cache\/js\/(\w+)/;
const VIA_TSX = /boletines: (BOLETINES_NO_COMPILE: )?se ejecuta src\/ con tsx/;

test("compiled copy and forced tsx build byte-identical sites, worker threads included", async () => {
  const work = await tempDir("boletines-compiled-site-");
  // More files than the cache processes on the main thread: the build starts worker threads.
  const bulletins = generateBulletins(WORKER_THRESHOLD + 6);
  for (const b of bulletins) {
    mkdirSync(path.join(work, "content", path.dirname(b.relPath)), { recursive: true });
    writeFileSync(path.join(work, "content", b.relPath), b.text);
  }
  const args = (name: string) => ["build", "--no-search", "--quiet", "--content", "content", "--public", path.join(ROOT, "public"), "--cache", `cache-${name}`, "--out", `${name}/_site`];

  const compiled = run(ROOT, args("compiled"), work);
  assert.equal(compiled.code, 0, compiled.stderr);
  assert.match(compiled.stderr, COMPILED);
  assert.doesNotMatch(compiled.stderr, VIA_TSX);
  const viaTsx = run(ROOT, args("tsx"), work, { BOLETINES_NO_COMPILE: "1" });
  assert.equal(viaTsx.code, 0, viaTsx.stderr);
  assert.match(viaTsx.stderr, /BOLETINES_NO_COMPILE: se ejecuta src\/ con tsx/);
  assert.doesNotMatch(viaTsx.stderr, COMPILED);

  const a = tree(path.join(work, "compiled/_site"));
  const b = tree(path.join(work, "tsx/_site"));
  assert.ok(a.size > bulletins.length, `${a.size} files`);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [file, bytes] of a) assert.ok(bytes.equals(b.get(file)!), `${file} differs`);
});

test("a copy is made once, atomically, per version of the sources; an edited source is compiled again", async () => {
  const root = await projectCopy();
  // Three processes find no copy at once: each compiles, one rename wins, none runs a partial copy or falls back.
  const first = await Promise.all([1, 2, 3].map(() => runAsync(root, ["--help"])));
  for (const r of first) {
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Uso: boletines <comando>/);
    assert.match(r.stderr, COMPILED);
  }
  assert.equal(copies(root).length, 1);
  assert.deepEqual(
    readdirSync(path.join(root, ".cache/js")).filter((n) => n.startsWith(".")),
    [],
    "no work folder left",
  );
  const [key] = copies(root);

  const again = run(root, ["--help"], root);
  assert.match(again.stderr, new RegExp(`código compilado: \\.cache/js/${key}`));
  assert.doesNotMatch(again.stderr, /compilado en/);

  const index = path.join(root, "src/cli/index.ts");
  writeFileSync(index, readFileSync(index, "utf8").replace("Uso: boletines <comando>", "Uso (editado): boletines <comando>"));
  const edited = run(root, ["--help"], root);
  assert.equal(edited.code, 0, edited.stderr);
  assert.match(edited.stdout, /^Uso \(editado\): boletines/);
  const [, , newKey] = COMPILED.exec(edited.stderr) ?? [];
  assert.ok(newKey && newKey !== key, edited.stderr);
  assert.match(edited.stderr, /src\/ compilado en/);
  // The copy of the previous sources stays: another process may still be running it.
  assert.deepEqual(copies(root).sort(), [key, newKey].sort());

  // Exit codes and messages are the launcher's in both ways of running: an unexpected error is 70.
  const newCommand = path.join(root, "src/cli/new.ts");
  writeFileSync(newCommand, `throw new Error("falla de prueba");\n${readFileSync(newCommand, "utf8")}`);
  for (const env of [{}, { BOLETINES_NO_COMPILE: "1" }] as Array<Record<string, string>>) {
    const crash = run(root, ["new", "Título"], root, env);
    assert.equal(crash.code, 70, crash.stderr);
    assert.match(crash.stderr, /^Error inesperado de boletines: falla de prueba$/m);
  }
});

test("sources esbuild cannot bundle run through tsx, and are not bundled again on every run", async () => {
  const root = await projectCopy();
  // A syntax error in a command --help does not load: esbuild rejects the sources, tsx runs what it needs.
  const newCommand = path.join(root, "src/cli/new.ts");
  writeFileSync(newCommand, `${readFileSync(newCommand, "utf8")}\nexport const = ;\n`);
  const broken = run(root, ["--help"], root);
  assert.equal(broken.code, 0, broken.stderr);
  assert.match(broken.stdout, /^Uso: boletines/);
  assert.match(broken.stderr, /esbuild falló:\nsrc\/cli\/new\.ts:\d+:\d+: /);
  assert.match(broken.stderr, VIA_TSX);
  assert.deepEqual(copies(root), []);

  const again = run(root, ["--help"], root);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /la compilación de estas fuentes ya falló/);
  assert.doesNotMatch(again.stderr, /esbuild falló/);
});

test("without TypeScript installed (npm ci --omit=dev) the copy is bundled all the same", async () => {
  const root = await projectCopy(["typescript"]);
  const r = run(root, ["check", "--content", path.join(ROOT, "content")], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, COMPILED);
  assert.doesNotMatch(r.stderr, VIA_TSX);
  assert.equal(copies(root).length, 1);
});

test("the compiled copy needs no TypeScript loader: build, and serve with Eleventy's compiled page definitions", async () => {
  // The copy has the project's .gitignore, which lists .cache/, and runs from the project folder.
  const root = await projectCopy(["tsx"]);
  const content = path.join(ROOT, "content");
  const built = run(root, ["build", "--no-search", "--quiet", "--content", content, "--out", "_site"], root);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stderr, COMPILED);
  assert.ok(existsSync(path.join(root, "_site/index.html")));

  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "bin/boletines.js"), "serve", "--content", content, "--port", String(port)], {
    cwd: root,
    env: { ...process.env, ...NOW, BOLETINES_DEBUG: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += String(d)));
  child.stderr.on("data", (d) => (log += String(d)));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    while (!/Vista previa en http/.test(log)) {
      assert.ok(Date.now() < deadline && child.exitCode === null, `serve did not start; log:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(log, COMPILED);
    for (const page of ["/", "/boletines/2021/08/reconoce-imss-chihuahua-labor-de-las-asistentes-medicas/"]) {
      const response = await fetch(`http://127.0.0.1:${port}${page}`);
      assert.equal(response.status, 200, `${page}; log:\n${log}`);
      assert.match(await response.text(), /<title>[^<]*IMSS/);
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
});

