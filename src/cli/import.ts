import { mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../model/load.ts";
import { loadAndNormalize } from "../model/corpus.ts";
import type { Bulletin } from "../model/bulletin.ts";
import { addressesToKeep } from "../model/kept-addresses.ts";
import { resolveNow } from "../policy/clock.ts";
import { formatProblem, type Problem } from "../model/problems.ts";
import { parseBulletinDate } from "../policy/dates.ts";
import { resolveSiteConfig } from "../site.ts";
import { ExistingReleases } from "../import/existing.ts";
import { importRecord, NO_TITLE, planBulletinFile, planFailed, planHasErrors, type ImportOptions, type ImportRecord } from "../import/plan.ts";
import { readReleaseSource, SourceError, type SourceText } from "../import/read-source.ts";
import { extractRelease } from "../import/text.ts";
import { optionValueProblems } from "../import/write.ts";
import { folderOption, parseCommandArgs, refuseOptionValues, UsageError } from "./args.ts";
import { writeFailure } from "./common.ts";

export const usage = `boletines import ARCHIVO… [--out DIR] [--date AAAA-MM-DD] [--section S] [--force] [--dry-run] [--json]
  Convierte comunicados de prensa (.docx, .pdf, o texto .txt/.md convertido de ellos) en boletines de content/.
  Extrae título, fecha, número, ciudad, puntos destacados, enlaces de fotos y video, y el texto.
  --out DIR      carpeta de contenido donde escribir (por omisión content/)
  --date FECHA   fecha AAAA-MM-DD para comunicados sin línea de fecha (si no, se importan como borrador)
  --section S    sección del boletín (por omisión la del sitio)
  --force        reemplaza el boletín de este comunicado que ya está en content/: el mismo archivo, o el que
                 tiene su número (No. 171/2024) o su borrador sin fecha, que se borra (sin --force nunca se
                 reemplaza ni se borra nada: se dice qué archivo es)
  --dry-run      muestra lo que se escribiría, sin escribir
  --json         imprime un objeto JSON por archivo (source, title, date, number, city, highlights, body, photos, video, warnings) y no escribe nada;
                 si un archivo no se puede importar, el primer elemento de warnings es el error («error: …»)
  Sale con 0 si todo se importó, 1 si algún archivo falló (los demás se importan igual), 2 si las opciones son incorrectas.`;

export default async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      out: { type: "string" },
      date: { type: "string" },
      section: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
    true,
  );
  if (positionals.length === 0) throw new UsageError("Falta el archivo que importar.");
  const site = resolveSiteConfig();
  if (values.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !parseBulletinDate(values.date, site.timeZone).ok)) {
    throw new UsageError(`--date «${values.date}» no es una fecha AAAA-MM-DD válida.`);
  }
  if (values.section !== undefined && values.section.trim() === "") throw new UsageError("--section no puede estar vacío.");
  // A section the build would refuse is the option's mistake, said before any file is read.
  if (values.section !== undefined) refuseOptionValues(optionValueProblems({ section: values.section.trim() }, site), { section: "--section" });
  const options: ImportOptions = {
    site,
    outDir: folderOption(values.out, "--out", "content"),
    ...(values.date ? { date: values.date } : {}),
    ...(values.section ? { section: values.section.trim() } : {}),
  };

  const flags: RunFlags = { json: !!values.json, dryRun: !!values["dry-run"], force: !!values.force };
  // What content/ already holds, by release number (--json writes nothing, so it needs none of it).
  const releases = flags.json ? ExistingReleases.none(options.outDir) : await ExistingReleases.scan(options.outDir);
  let failed = 0;
  for (const file of positionals) {
    if (!(await importOne(file, options, flags, releases))) failed++;
  }
  return failed > 0 ? 1 : 0;
}

interface RunFlags {
  json: boolean;
  dryRun: boolean;
  force: boolean;
}

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

/** One input, start to end. Returns whether it succeeded; its messages name the input. */
async function importOne(file: string, options: ImportOptions, flags: RunFlags, releases: ExistingReleases): Promise<boolean> {
  const shownSource = displayPath(path.resolve(file));
  let source: SourceText;
  try {
    source = await readReleaseSource(file);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    complain(`${shownSource}: error: ${error.message}`);
    if (error.hint) complain(`    → ${error.hint}`);
    if (error.detail) complain(`    (detalle técnico: ${error.detail})`);
    if (flags.json) say(JSON.stringify(emptyRecord(shownSource, `error: ${error.oneLine}`)));
    return false;
  }
  const parts = extractRelease(source.text);
  const notes = source.notes;
  if (flags.json) {
    const record = importRecord(shownSource, parts, options);
    record.warnings.push(...notes);
    // What the build's validator refuses (a title without letters or numbers) fails here too: said of the input.
    const failures = parts.title === undefined ? [NO_TITLE] : invalidPlanMessages(planBulletinFile(parts, options));
    // A failure is said in the record too, first, as «error: …» (the record keeps its agreed keys).
    record.warnings.unshift(...failures.map((f) => `error: ${f}`));
    say(JSON.stringify(record));
    for (const failure of failures) complain(`${shownSource}: error: ${failure}`);
    return failures.length === 0;
  }

  let plan = planBulletinFile(parts, options);
  for (const warning of [...plan.warnings, ...notes]) complain(`${shownSource}: aviso: ${warning}`);
  if (planFailed(plan)) {
    complain(`${shownSource}: error: ${plan.error}`);
    return false;
  }
  if (planHasErrors(plan)) {
    // Said of the input, not at a line of a file that is not written.
    const errors = plan.problems.filter((p) => p.severity === "error").map(saidOfRelease);
    for (const p of errors) complain(formatProblem({ ...p, file: shownSource }));
    // A file named after a title that is refused would be named after nothing: not shown.
    const unwritten = errors.some((p) => p.field === "title") ? "nada" : plan.shownPath;
    complain(`${shownSource}: error: el boletín resultante no es válido; no se escribió ${unwritten}.`);
    return false;
  }
  for (const problem of plan.problems) complain(formatProblem(problem));
  // The same release already in the content folder: the very file (same date and title), or another file
  // with its number (imported before with another date) or its undated draft. Never replaced without --force.
  const exists = existsSync(plan.absPath) || releases.isPlanned(plan.absPath);
  const others = releases.sameRelease(plan);
  const shownOthers = others.map((other) => displayPath(other));
  if (others.length > 1) {
    complain(`${shownSource}: error: este comunicado ya está en ${others.length} archivos: ${shownOthers.join(", ")}; no se reemplaza ninguno ni se escribe ${plan.shownPath}.`);
    complain(`    → Deja uno solo (borra o corrige a mano los demás) y vuelve a importar${flags.force ? "" : " con --force para reemplazarlo"}.`);
    return false;
  }
  const other = others[0];
  const shownOther = shownOthers[0];
  if (!flags.force && (exists || other)) {
    if (exists) complain(`${shownSource}: error: ${plan.shownPath} ya existe; no se reemplaza (usa --force para reemplazarlo).`);
    if (other) {
      const which = plan.number && other !== plan.undatedPath ? `el boletín ${plan.number}` : "el borrador sin fecha de este comunicado";
      complain(`${shownSource}: error: ${which} ya existe: ${shownOther}; no se reemplaza (usa --force para reemplazarlo por ${plan.shownPath}).`);
      complain(`    → Con --force se borra ${shownOther} y se pierde lo que se haya editado en él; para conservarlo, corrígelo a mano en vez de volver a importar.`);
    }
    return false;
  }
  // What the replaced files gave readers stays reachable: their addresses the new file would not have
  // (an earlier date's page, a redirect_from written by hand) go into its redirect_from.
  const replaced = [...(exists ? [plan.absPath] : []), ...(other ? [other] : [])];
  const replacedBulletins = await Promise.all(replaced.map((f) => bulletinIn(f, options)));
  const keep = plan.bulletin ? addressesToKeep(replacedBulletins.flat(), plan.bulletin, resolveNow()) : [];
  if (keep.length) {
    const kept = planBulletinFile(parts, { ...options, redirectFrom: keep });
    if (planFailed(kept) || planHasErrors(kept)) {
      complain(`${shownSource}: error: las direcciones de ${replaced.map((f) => displayPath(f)).join(" y ")} no caben en ${plan.shownPath} (redirect_from: ${keep.join(", ")}); no se reemplaza nada.`);
      if (!planFailed(kept)) for (const p of kept.problems.filter((q) => q.severity === "error")) complain(formatProblem(p));
      return false;
    }
    plan = kept;
    complain(`${shownSource}: aviso: ${plan.shownPath} conserva en redirect_from ${keep.length === 1 ? "la dirección" : "las direcciones"} que ya tenían los lectores: ${keep.join(", ")}.`);
  }
  releases.add(plan.absPath, plan.number);
  const what = plan.draft ? "borrador sin fecha" : "boletín";
  if (flags.dryRun) {
    const replaces = [...(exists ? [`reemplazaría ${plan.shownPath}`] : []), ...(other ? [`reemplazaría a ${shownOther}`] : [])];
    say(`${shownSource} → ${plan.shownPath} (${[what, ...replaces].join("; ")}; no se escribió: --dry-run)\n${plan.content}`);
    return true;
  }
  try {
    await mkdir(path.dirname(plan.absPath), { recursive: true });
    // `wx` refuses to replace a file that appeared since the check above.
    await writeFile(plan.absPath, plan.content, { flag: flags.force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") complain(`${shownSource}: error: ${plan.shownPath} ya existe; no se reemplaza (usa --force para reemplazarlo).`);
    else complain(`${shownSource}: error: ${plan.shownPath}: ${writeFailure(error)}`);
    return false;
  }
  if (other) {
    // Only after the new file is written: a failed write never leaves the release out of content/.
    try {
      await rm(other, { force: true });
    } catch (error) {
      complain(`${shownSource}: error: se escribió ${plan.shownPath}, pero ${shownOther}: ${writeFailure(error, "borrar")}`);
      complain(`    → Bórralo a mano: los dos tienen el mismo comunicado.`);
      return false;
    }
    releases.remove(other);
  }
  say(`${shownSource} → ${plan.shownPath}${exists ? " (reemplazado)" : ""} (${what}${other ? `; reemplaza a ${shownOther}, que se borró` : ""})`);
  return true;
}

/** The bulletin a content file holds, read with the build's loader, if it loads (a file this run only planned does not). */
async function bulletinIn(absPath: string, options: ImportOptions): Promise<Bulletin[]> {
  const file = { absPath, relPath: path.relative(options.outDir, absPath).split(path.sep).join("/") };
  const { bulletin } = await loadAndNormalize(file, { site: options.site, imageExists: () => false });
  return bulletin ? [bulletin] : [];
}

/** The build validator's errors about a planned file, as one line each (message and what to do). */
function invalidPlanMessages(plan: ReturnType<typeof planBulletinFile>): string[] {
  if (planFailed(plan)) return [plan.error];
  return plan.problems
    .filter((p) => p.severity === "error")
    .map(saidOfRelease)
    .map((p) => (p.hint ? `${p.message} ${p.hint}` : p.message));
}

/**
 * A problem of the bulletin an import would write, said of the press release it comes from: no line
 * of a file that is not written, and for what the release itself gives (its title line), what to fix
 * there instead of the front-matter field the validator names.
 */
function saidOfRelease(p: Problem): Problem {
  const said: Problem = { ...p, line: undefined, column: undefined };
  if (p.field === "title") said.hint = "Corrige el titular en el comunicado (la línea del título, después de la fecha y el número) y vuelve a importarlo.";
  return said;
}

/** The `--json` record of an input that could not be read. */
function emptyRecord(source: string, error: string): ImportRecord {
  return { source, title: null, date: null, number: null, city: null, highlights: [], body: "", photos: null, video: null, warnings: [error] };
}
