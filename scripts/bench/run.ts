/**
 * `npm run bench [-- --sizes 1000,10000 --runs 3]`: times whole processes of `boletines build`
 * (cold, warm cache, no change, one edit), Hugo and plain Eleventy on the same generated corpus,
 * and writes the table to docs/benchmarks.md. A script, not a test: nothing here asserts a time.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BENCH_DIR = path.join(ROOT, ".bench");
const NOW = "2026-01-01T00:00:00-06:00";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,50000" },
    runs: { type: "string", default: "3" },
    /** Runs for sizes above 10,000 (a 50,000-bulletin build takes minutes). */
    "runs-large": { type: "string", default: "1" },
    /**
     * Runs of the rebuilds that take seconds (no change, one edit), at every size: their medians are
     * compared with a 1.5 s line on a machine whose timings vary by ±20 %.
     */
    "runs-quick": { type: "string", default: "7" },
    /** Largest size at which the incremental result is compared with a build from scratch. */
    "verify-max": { type: "string", default: "10000" },
    "eleventy-max": { type: "string", default: "10000" },
    /** Runs of plain Eleventy (default: as many as `--runs`, so each round has its own ratio). */
    "eleventy-runs": { type: "string" },
    "no-hugo": { type: "boolean", default: false },
    "no-eleventy": { type: "boolean", default: false },
    /** Only write the corpora (e.g. to build one by hand). */
    "generate-only": { type: "boolean", default: false },
    /** Only rewrite the table from docs/benchmarks.json (after editing scripts/bench/NOTES.md). */
    "render-only": { type: "boolean", default: false },
    out: { type: "string", default: path.join(ROOT, "docs/benchmarks.md") },
  },
});
const sizes = values.sizes!.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const baseRuns = Math.max(1, Number(values.runs));
const largeRuns = Math.max(1, Number(values["runs-large"]));
const verifyMax = Number(values["verify-max"]);
const runsFor = (n: number) => (n > 10000 ? largeRuns : baseRuns);
const quickRuns = Math.max(1, Number(values["runs-quick"]));
const eleventyMax = Number(values["eleventy-max"]);
const eleventyRunsGiven = values["eleventy-runs"] !== undefined ? Math.max(1, Number(values["eleventy-runs"])) : undefined;

interface Measure {
  /** Median wall seconds; the fastest and slowest run (absent in results stored before they were kept). */
  wall: number;
  min?: number;
  max?: number;
  /** Wall seconds of each run, in order (absent in older results). */
  walls?: number[];
  peakMiB: number;
  /** Median CPU seconds of the process and its children, all threads (user + system), and of it the system's (absent in older results). */
  cpu?: number;
  sys?: number;
  files: number;
  load: number;
  runs: number;
}

interface Row extends Measure {
  n: number;
  kind: string;
  note?: string;
}

function loadAvg(): number {
  return os.loadavg()[0]!;
}

/** What one run cost. */
interface RunCost {
  wall: number;
  peakMiB: number;
  cpu: number;
  sys: number;
}

/**
 * One whole process under GNU time: wall seconds (ours), peak RSS, user and system CPU seconds (the
 * kernel's, via wait4). CPU time tells a slower build from a slower moment of the machine: the same
 * build's system time here swings several-fold with the state of the disk.
 */
function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunCost {
  const report = path.join(BENCH_DIR, `time-${process.pid}.txt`);
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", report, cmd, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr.toString().split("\n").slice(-20).join("\n")}`);
  }
  const [kb, user, sys] = readFileSync(report, "utf8").trim().split("\n").pop()!.split(" ").map(Number) as [number, number, number];
  rmSync(report, { force: true });
  return { wall, peakMiB: kb / 1024, cpu: user + sys, sys };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}

/**
 * Outputs of earlier runs are moved aside, not deleted, until the bench ends: deleting tens of
 * thousands of files left this machine's disk slow for the next build, several times its own time in
 * system CPU, whichever tool it was (see `waitOutDeletions`).
 */
const TRASH_DIR = path.join(BENCH_DIR, "trash");
let trashed = 0;
function setAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(TRASH_DIR, { recursive: true });
  renameSync(dir, path.join(TRASH_DIR, `${process.pid}-${trashed++}`));
}
/** Deletes what was set aside, then waits for the disk to settle (timed runs also wait out the deletion: `waitOutDeletions`). */
function emptyTrash(): void {
  if (!existsSync(TRASH_DIR)) return;
  rmSync(TRASH_DIR, { recursive: true, force: true });
  noteDeletion();
  spawnSync("sync");
  waitForQuietDisk();
}

/**
 * On ext4 without a journal (this machine's disk: no /proc/fs/jbd2 entry for it), the kernel does not
 * give out again an inode freed less than 60 s ago, or 360 s while its inode-table block is not yet
 * written, and every new file or folder scans past each such inode of its block group before taking
 * one (fs/ext4/ialloc.c, `find_inode_bit` and `recently_deleted`; in `perf`, 50 % of the CPU of
 * creating folders went there). Creating 6,000 folders with a page each took 1.1 s, and 8.9 s right
 * after deleting 6,000 others (session 37). Every build timed here creates tens of thousands, so
 * after the bench deletes anything (the trash, a corpus made again) the next timed run waits until
 * 6 minutes have passed since. The time is kept in .bench/ for the next run of the bench.
 */
const DELETED_AT = path.join(BENCH_DIR, "deleted-at");
const DELETION_LINGERS_MS = 365_000;

function noteDeletion(): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(DELETED_AT, String(Date.now()));
}

function waitOutDeletions(): void {
  if (!existsSync(DELETED_AT) || !deletionsLinger(BENCH_DIR)) return;
  const wait = Number(readFileSync(DELETED_AT, "utf8")) + DELETION_LINGERS_MS - Date.now();
  if (!(wait > 0)) return;
  process.stderr.write(`Esperando ${Math.ceil(wait / 1000)} s: en este disco (ext4 sin diario) cada archivo nuevo recorre los inodos borrados en los últimos minutos.\n`);
  spawnSync("sleep", [String(Math.ceil(wait / 1000))]);
}

/** Whether `dir` is on ext4 without a journal, where deleted inodes slow down new files for minutes. */
function deletionsLinger(dir: string): boolean {
  let mount: { point: string; type: string; source: string } | undefined;
  try {
    const real = realpathSync(dir);
    for (const line of readFileSync("/proc/self/mountinfo", "utf8").split("\n")) {
      const [left, right] = line.split(" - ");
      if (!left || !right) continue;
      // Spaces and other characters in mount points are written as octal escapes.
      const point = (left.split(" ")[4] ?? "").replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
      const [type = "", source = ""] = right.split(" ");
      const inside = real === point || real.startsWith(point === "/" ? "/" : `${point}/`);
      if (inside && (!mount || point.length > mount.point.length)) mount = { point, type, source };
    }
  } catch {
    return false;
  }
  if (mount?.type !== "ext4") return false;
  const device = path.basename(mount.source);
  try {
    return !readdirSync("/proc/fs/jbd2").some((e) => e.startsWith(`${device}-`));
  } catch {
    // No journal anywhere on this machine.
    return true;
  }
}

/**
 * Waits until the disks are busy less than 5% of a second, twice in a row (at most three minutes):
 * the discards of a large deletion go on for a while after `rm` returns. (Session 28 blamed them for
 * a build that paid several times its system CPU after a left-over trash of 21 sites was deleted,
 * 10.06 s instead of 2.38, and Hugo likewise; session 37 found the larger cause:
 * `waitOutDeletions`.) Reads the kernel's busy time per disk (/proc/diskstats); where there is none,
 * pauses 5 s as before.
 */
function waitForQuietDisk(): void {
  const busyMs = (): number | undefined => {
    try {
      const disks = new Set(readdirSync("/sys/block").filter((d) => !/^(loop|ram|zram)/.test(d)));
      let total = 0;
      for (const line of readFileSync("/proc/diskstats", "utf8").split("\n")) {
        const parts = line.trim().split(/\s+/);
        if (disks.has(parts[2] ?? "")) total += Number(parts[12]);
      }
      return total;
    } catch {
      return undefined;
    }
  };
  let last = busyMs();
  if (last === undefined) {
    spawnSync("sleep", ["5"]);
    return;
  }
  let quiet = 0;
  for (let waited = 0; quiet < 2 && waited < 180; waited++) {
    spawnSync("sleep", ["1"]);
    const now = busyMs()!;
    quiet = now - last < 50 ? quiet + 1 : 0;
    last = now;
  }
}

/** A build to time: before each run `prepare`, then `run`; `out` is counted after the last run. */
interface Timing {
  times: number;
  prepare: (i: number) => void;
  run: () => RunCost;
  out: string;
}

/** Runs `prepare` then `run` `times` times; reports medians. */
function measure(times: number, prepare: (i: number) => void, run: () => RunCost, outDir: string): Measure {
  return measureInterleaved([{ times, prepare, run, out: outDir }])[0]!;
}

/**
 * Several builds timed in rounds, one run of each per round (A B C A B C…), so a slower moment of the
 * machine falls on all of them instead of on whichever was timed then: their ratios are compared.
 */
function measureInterleaved(timings: readonly Timing[]): Measure[] {
  const costs: RunCost[][] = timings.map(() => []);
  const loads: number[][] = timings.map(() => []);
  const rounds = Math.max(...timings.map((t) => t.times));
  for (let i = 0; i < rounds; i++) {
    timings.forEach((t, k) => {
      if (i >= t.times) return;
      t.prepare(i);
      spawnSync("sync");
      loads[k]!.push(loadAvg());
      costs[k]!.push(t.run());
    });
  }
  return timings.map((t, k) => {
    const walls = costs[k]!.map((c) => c.wall);
    return {
      wall: median(walls),
      min: Math.min(...walls),
      max: Math.max(...walls),
      walls,
      peakMiB: Math.max(...costs[k]!.map((c) => c.peakMiB)),
      cpu: median(costs[k]!.map((c) => c.cpu)),
      sys: median(costs[k]!.map((c) => c.sys)),
      files: countFiles(t.out),
      load: median(loads[k]!),
      runs: t.times,
    };
  });
}

function ensureCorpus(n: number): string {
  const dir = path.join(BENCH_DIR, `n${n}`);
  const generator = createHash("sha1").update(readFileSync(path.join(ROOT, "scripts/bench/corpus.ts"))).digest("hex");
  const marker = path.join(dir, ".generated");
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== generator) {
    process.stderr.write(`Generando ${n} boletines en ${path.relative(ROOT, dir)}…\n`);
    mkdirSync(dir, { recursive: true });
    const replacing = existsSync(path.join(dir, "content"));
    const stats = writeCorpus(dir, n);
    // writeCorpus deleted the trees of the earlier corpus.
    if (replacing) noteDeletion();
    writeFileSync(path.join(dir, "stats.json"), JSON.stringify(stats));
    writeFileSync(marker, generator);
  }
  return dir;
}

function ensureHugo(): boolean {
  if (spawnSync("hugo", ["version"]).status === 0) return true;
  process.stderr.write("Hugo no está instalado; se instala el paquete de Debian…\n");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const r = spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), "-o", "DPkg::Lock::Timeout=600", "install", "-y", "hugo"], { stdio: "inherit" });
  return r.status === 0 && spawnSync("hugo", ["version"]).status === 0;
}

function hugoVersion(): string {
  return spawnSync("hugo", ["version"]).stdout?.toString().split(" ")[1] ?? "?";
}

/** Two output trees byte for byte: same file list, same bytes. */
function sameTree(a: string, b: string): { same: boolean; detail: string } {
  const list = (d: string) =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(d, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
      .sort();
  const la = list(a);
  const lb = list(b);
  if (la.join("\n") !== lb.join("\n")) return { same: false, detail: `listas distintas (${la.length} vs ${lb.length} archivos)` };
  for (const f of la) {
    if (!readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))) return { same: false, detail: `difiere ${f}` };
  }
  return { same: true, detail: `${la.length} archivos idénticos` };
}

/** The two edits of the "one edit" rebuild: a body, and another bulletin's tags. Each run edits differently. */
function editFiles(contentDir: string): { apply: (i: number) => void; applyKnownWords: (i: number) => void; restore: () => void } {
  const files = readdirSync(contentDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const bodyFile = path.join(contentDir, files[Math.floor(files.length / 3)]!);
  const tagFile = path.join(contentDir, files[Math.floor((2 * files.length) / 3)]!);
  const originals = new Map([bodyFile, tagFile].map((f) => [f, readFileSync(f, "utf8")]));
  return {
    apply(i) {
      writeFileSync(bodyFile, `${originals.get(bodyFile)!.trimEnd()}\n\nNota de la redacción: se corrigió una cifra (edición ${i + 1}).\n`);
      writeFileSync(tagFile, originals.get(tagFile)!.replace("tags:\n", `tags:\n  - tema de prueba ${i + 1}\n`));
    },
    /** The body's last paragraph again, i + 1 times: a new page, no word the site did not have. */
    applyKnownWords(i) {
      const body = originals.get(bodyFile)!.trimEnd();
      const last = body.slice(body.lastIndexOf("\n\n") + 2);
      writeFileSync(bodyFile, `${body}\n\n${Array.from({ length: i + 1 }, () => last).join("\n\n")}\n`);
    },
    restore() {
      for (const [f, text] of originals) writeFileSync(f, text);
    },
  };
}

function ourBuild(content: string, out: string, cache: string, search = false): () => RunCost {
  return () =>
    timed(process.execPath, [path.join(ROOT, "bin/boletines.js"), "build", "--quiet", ...(search ? [] : ["--no-search"]), "--content", content, "--out", out, "--cache", cache], {
      env: { BOLETINES_NOW: NOW },
    });
}

if (values["generate-only"]) {
  for (const n of sizes) process.stdout.write(`${ensureCorpus(n)}\n`);
  process.exit(0);
}

// The CLI runs a compiled copy of src/ made on its first run after a change (bin/boletines.js): made
// now, so no timed run pays for it.
spawnSync(process.execPath, [path.join(ROOT, "bin/boletines.js"), "--help"], { stdio: "ignore" });

// Left by an interrupted run.
emptyTrash();

const rows: Row[] = [];
const checks: string[] = [];
const hasHugo = !values["no-hugo"] && (values["render-only"] || ensureHugo());

for (const n of values["render-only"] ? [] : sizes) {
  const runs = runsFor(n);
  const dir = ensureCorpus(n);
  waitOutDeletions();
  const content = path.join(dir, "content");
  const site = path.join(dir, "site");
  const cache = path.join(dir, "cache");
  const push = (kind: string, m: Measure, note?: string) => {
    rows.push({ n, kind, ...m, ...(note ? { note } : {}) });
    process.stderr.write(`N=${n} ${kind}: ${m.wall.toFixed(2)} s, ${m.peakMiB.toFixed(0)} MiB, ${m.files} archivos (carga ${m.load.toFixed(2)})\n`);
  };
  const clean = (...dirs: string[]) => () => dirs.forEach(setAside);

  // Hugo, plain Eleventy and our cold build, in rounds (measureInterleaved): their ratios are the
  // table's point, and this machine's speed drifts over minutes.
  const cold: Array<{ kind: string; timing: Timing }> = [];
  if (hasHugo) {
    const hugoDir = path.join(dir, "hugo");
    cpSync(path.join(ROOT, "scripts/bench/hugo-site"), hugoDir, { recursive: true });
    mkdirSync(path.join(hugoDir, "static"), { recursive: true });
    cpSync(path.join(ROOT, "public"), path.join(hugoDir, "static"), { recursive: true });
    const hugoOut = path.join(dir, "hugo-out");
    const args = ["--source", hugoDir, "--destination", hugoOut, "--quiet", "--cacheDir", path.join(dir, "hugo-cache")];
    cold.push({ kind: "Hugo, completa", timing: { times: runs, prepare: clean(hugoOut, path.join(dir, "hugo-cache")), run: () => timed("hugo", args), out: hugoOut } });
  }
  if (!values["no-eleventy"] && n <= eleventyMax) {
    const elOut = path.join(dir, "eleventy-out");
    // Run from inside the corpus folder: Eleventy skips paths listed in the project's .gitignore (.bench/).
    const run = () => timed(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=.", `--output=${elOut}`, "--quiet"], { cwd: path.join(dir, "eleventy") });
    cold.push({ kind: "Eleventy simple, completa", timing: { times: eleventyRunsGiven ?? runs, prepare: clean(elOut), run, out: elOut } });
  }

  const build = ourBuild(content, site, cache);
  // The output is a link to one of two generations kept beside it (src/build/generations.ts): "no
  // previous output" removes both.
  const store = path.join(dir, ".site.d");
  const ours = "boletines, completa (sin caché)";
  cold.push({ kind: ours, timing: { times: runs, prepare: clean(site, store, cache), run: build, out: site } });
  const measured = measureInterleaved(cold.map((c) => c.timing));
  cold.forEach((c, k) => push(c.kind, measured[k]!));
  // Each round's own ratio: both builds timed minutes apart at most.
  const oursWalls = measured[cold.length - 1]!.walls!;
  cold.slice(0, -1).forEach((c, k) => {
    const ratios = measured[k]!.walls!.map((w, i) => (oursWalls[i]! / w).toFixed(2));
    checks.push(`N=${n}: ${ours} / ${c.kind}, por ronda: ${ratios.join(", ")}.`);
  });
  push("boletines, completa (caché tibia, sin salida previa)", measure(runs, clean(site, store), build, site));
  // The first build after one without previous output fills the second generation (a hard link per
  // file): done untimed, so "no change" measures the steady state.
  build();
  push("boletines, sin cambios", measure(quickRuns, () => undefined, build, site));
  const edits = editFiles(content);
  try {
    push("boletines, un cuerpo y otras etiquetas editados", measure(quickRuns, (i) => edits.apply(i), build, site));
    // The incremental result must equal a from-scratch build of the same content.
    if (n <= verifyMax) {
      const fresh = path.join(dir, "site-fresh");
      const freshCache = path.join(dir, "cache-fresh");
      clean(fresh, freshCache)();
      ourBuild(content, fresh, freshCache)();
      const cmp = sameTree(site, fresh);
      checks.push(`N=${n}: salida incremental vs. completa desde cero: ${cmp.same ? "idéntica" : "DISTINTA"} (${cmp.detail}).`);
      clean(fresh, freshCache)();
    }
    // The search indexes, as `boletines build` makes them without --no-search (src/build/search-index.ts):
    // one per year (or part of a large year), made by Pagefind from its pages, and the words index
    // (one page per index with its words); an index whose pages did not change is linked from the
    // published site. Last:
    // Pagefind's memory and writes slowed the builds timed after it.
    const withSearch = ourBuild(content, site, cache, true);
    edits.restore();
    push("boletines con búsqueda, primera vez (Pagefind hace todos los índices)", measure(1, () => undefined, withSearch, site));
    push("boletines con búsqueda, sin cambios (índices reutilizados)", measure(quickRuns, () => undefined, withSearch, site));
    push("boletines con búsqueda, un cuerpo editado sin palabras nuevas (Pagefind rehace su índice)", measure(quickRuns, (i) => edits.applyKnownWords(i), withSearch, site));
    push("boletines con búsqueda, un cuerpo y otras etiquetas editados, con palabras nuevas (Pagefind rehace sus índices y el de palabras)", measure(1, (i) => edits.apply(quickRuns + i), withSearch, site));
  } finally {
    edits.restore();
  }
  // Untimed: the outputs set aside while measuring this size.
  emptyTrash();
}

// ---- results are kept per size in docs/benchmarks.json, committed with the table, so sizes measured by
// separate runs (a 50,000 run takes many minutes), on this checkout or an earlier one, end up in one
// table; each size says which command and when. (Until session 31 they lived in .bench/, which a new
// checkout does not have: a 10,000 run there dropped the other sizes' rows.)
interface SizeResult {
  rows: Row[];
  checks: string[];
  command: string;
  date: string;
}
const resultsFile = path.join(ROOT, "docs/benchmarks.json");
// A missing file starts an empty table; a damaged one stops here rather than drop the other sizes' rows.
const stored = (existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {}) as Record<string, SizeResult>;
const command = `npm run bench -- --sizes ${values.sizes} --runs ${baseRuns} --runs-large ${largeRuns} --runs-quick ${quickRuns}` + (eleventyMax !== 10000 ? ` --eleventy-max ${eleventyMax}` : "") + (eleventyRunsGiven !== undefined ? ` --eleventy-runs ${eleventyRunsGiven}` : "");
for (const n of values["render-only"] ? [] : sizes) {
  stored[String(n)] = { rows: rows.filter((r) => r.n === n), checks: checks.filter((c) => c.startsWith(`N=${n}:`)), command, date: new Date().toISOString() };
}
writeFileSync(resultsFile, JSON.stringify(stored, null, 2));
const allSizes = Object.keys(stored).map(Number).sort((a, b) => a - b);
const allRows = allSizes.flatMap((n) => stored[String(n)]!.rows);
const ref = (n: number, prefix: string) => allRows.find((r) => r.n === n && r.kind.startsWith(prefix));
const cpus = os.cpus();
const lines: string[] = [];
lines.push("# Mediciones de velocidad y memoria", "");
lines.push(
  "Tabla generada por `npm run bench` (scripts/bench/). Cada cifra es un proceso completo (arranque de Node, carga, escritura) " +
    "medido desde fuera: el tiempo es la mediana de las corridas indicadas; la memoria, el máximo RSS (GNU time) entre ellas. " +
    "El corpus se genera de forma determinista (scripts/bench/corpus.ts) con la forma de encabezado de los boletines heredados.",
  "",
);
lines.push(
  `Máquina: ${cpus.length} núcleos (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ` +
    `Hugo ${hasHugo ? hugoVersion() : "no disponible"}, Eleventy 3.1.8. ` +
    "Máquina compartida: la última columna es la carga media de 1 minuto al empezar cada medición (con 2 núcleos, más de ~1 significa que otros procesos competían por la CPU).",
  "",
);
lines.push("Comandos y fechas de cada tamaño:", "");
for (const n of allSizes) lines.push(`- N = ${n.toLocaleString("en")}: \`${stored[String(n)]!.command}\` (${stored[String(n)]!.date})`);
lines.push("");
lines.push("| N | Compilación | Tiempo s | Mín.–máx. s | CPU s (sistema) | Memoria MiB | Archivos escritos | Razón vs. Hugo | Razón vs. Eleventy simple | ms por boletín | Corridas | Carga |");
lines.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of allRows) {
  const hugo = ref(r.n, "Hugo");
  const el = ref(r.n, "Eleventy");
  const ratio = (base?: Row) => (base && r !== base ? (r.wall / base.wall).toFixed(2) : "");
  lines.push(
    `| ${r.n.toLocaleString("en")} | ${r.kind} | ${r.wall.toFixed(2)} | ${r.runs > 1 && r.min !== undefined && r.max !== undefined ? `${r.min.toFixed(2)}–${r.max.toFixed(2)}` : ""} | ${r.cpu !== undefined && r.sys !== undefined ? `${r.cpu.toFixed(2)} (${r.sys.toFixed(2)})` : ""} | ${r.peakMiB.toFixed(0)} | ${r.files.toLocaleString("en")} | ${ratio(hugo)} | ${ratio(el)} | ${((r.wall * 1000) / r.n).toFixed(2)} | ${r.runs} | ${r.load.toFixed(2)} |`,
  );
}
lines.push("", ...allSizes.flatMap((n) => stored[String(n)]!.checks).map((c) => `- ${c}`), "");
const notesFile = path.join(ROOT, "scripts/bench/NOTES.md");
if (existsSync(notesFile)) lines.push(readFileSync(notesFile, "utf8").trim(), "");
mkdirSync(path.dirname(values.out!), { recursive: true });
writeFileSync(values.out!, lines.join("\n"));
process.stdout.write(`${lines.join("\n")}\n`);

