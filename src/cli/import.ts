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
import { importRecord, NO_TITLE, planBulletinFile, planFailed, planHasErrors, type FilePlan, type ImportOptions, type ImportRecord } from "../import/plan.ts";
import { readReleaseSource, SourceError, type SourceText } from "../import/read-source.ts";
import { formatCalendarDay } from "../import/spanish-dates.ts";
import { splitReleases, type ReleaseSlice } from "../import/split.ts";
import { extractRelease, type ReleaseParts } from "../import/text.ts";
import { optionValueProblems } from "../import/write.ts";
import { folderOption, parseCommandArgs, refuseOptionValues, UsageError } from "./args.ts";
import { writeFailure } from "./common.ts";

export const usage = `boletines import ARCHIVO… [--out DIR] [--date AAAA-MM-DD] [--section S] [--force] [--dry-run] [--json]
  Convierte comunicados de prensa (.docx, .pdf, o texto .txt/.md convertido de ellos) en boletines de content/.
  Extrae título, fecha, número, ciudad, puntos destacados, enlaces de fotos, video y audio, y el texto.
  --out DIR      carpeta de contenido donde escribir (por omisión content/)
  --date FECHA   fecha AAAA-MM-DD para comunicados sin línea de fecha (si no, se importan como borrador)
  --section S    sección del boletín (por omisión la del sitio)
  --force        reemplaza el boletín de este comunicado que ya está en content/: el mismo archivo, o el que
                 tiene su número (No. 171/2024) o su borrador sin fecha, que se borra (sin --force nunca se
                 reemplaza ni se borra nada: se dice qué archivo es)
  --dry-run      muestra lo que se escribiría, sin escribir
  --json         imprime un objeto JSON por comunicado (source, title, date, number, city, highlights, body, photos, video, audio, warnings) y no escribe nada;
                 si un archivo no se puede importar, el primer elemento de warnings es el error («error: …»)
  Un archivo con varios comunicados seguidos (cada uno con su fecha y su número, o separados por ---o0o---)
  da un boletín por comunicado; si no se sabe dónde empieza el segundo, no se importa y se dice la línea.
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
  // A file may hold several releases one after the other: each one is a bulletin of its own.
  const split = splitReleases(source.text);
  if ("ambiguous" in split) {
    const { line, text, why } = split.ambiguous;
    const where = source.format === "text" ? `en la línea ${line} («${text}»)` : `en «${text}»`;
    const error = `no se sabe si el archivo trae uno o dos comunicados: ${where} ${why}. No se escribió nada.`;
    const hint = "Si es otro comunicado, pásalo a un archivo aparte (o escribe la marca ---o0o--- al final del anterior y su número, No. NNN/AAAA, debajo de su fecha) y vuelve a importar; si es parte del texto, únela al párrafo de al lado.";
    complain(`${shownSource}: error: ${error}`);
    complain(`    → ${hint}`);
    if (flags.json) say(JSON.stringify(emptyRecord(shownSource, `error: ${error} ${hint}`)));
    return false;
  }
  const several = split.releases.length > 1;
  const releaseParts = split.releases.map((slice) => extractRelease(slice.text));
  const labels = releaseParts.map((_, k) => (several ? `${shownSource} (comunicado ${k + 1} de ${releaseParts.length})` : shownSource));
  // --date stands for a dateline a release lacks: in a file of several, only for those without their own.
  const optionsFor = releaseParts.map((parts) => (several && parts.date && options.date ? { ...options, date: undefined } : options));
  // What each release's editor is told besides its own warnings: --date left unused, and what splitting the
  // file found to check in it (a footnote whose call is in no release, or in several).
  const releaseNotes = releaseParts.map((parts, k) => [
    ...(several && parts.date && options.date ? [`--date ${options.date} no se usa en este comunicado: tiene su propia línea de fecha (${formatCalendarDay(parts.date)}). Si está mal, corrígela en el archivo.`] : []),
    ...split.releases[k]!.warnings,
  ]);
  const announcement = several ? severalReleasesNote(split.releases, releaseParts, source.format) : undefined;
  const notes = source.notes;
  if (flags.json) {
    let ok = true;
    releaseParts.forEach((parts, k) => {
      const partOptions = optionsFor[k]!;
      const record = importRecord(shownSource, parts, partOptions);
      record.warnings.push(...(announcement ? [`${announcement} Este es el ${k + 1}.º.`] : []), ...releaseNotes[k]!, ...notes);
      // What the build's validator refuses (a title without letters or numbers) fails here too: said of the input.
      const failures = parts.title === undefined ? [NO_TITLE] : invalidPlanMessages(planBulletinFile(parts, partOptions));
      // A failure is said in the record too, first, as «error: …» (the record keeps its agreed keys).
      record.warnings.unshift(...failures.map((f) => `error: ${f}`));
      say(JSON.stringify(record));
      for (const failure of failures) complain(`${labels[k]}: error: ${failure}`);
      if (failures.length) ok = false;
    });
    return ok;
  }

  if (announcement) complain(`${shownSource}: aviso: ${announcement}`);
  // Every release of the file is checked before any is written: a file is imported whole or not at all.
  const prepared: Prepared[] = [];
  let failed = false;
  for (const [k, parts] of releaseParts.entries()) {
    const result = await prepare(parts, labels[k]!, optionsFor[k]!, flags, releases, [...releaseNotes[k]!, ...(k === 0 ? notes : [])]);
    for (const line of result.messages) complain(line);
    if (!("plan" in result)) {
      failed = true;
      continue;
    }
    // Two releases of one file that would be the same bulletin file (same date and title).
    const twin = prepared.find((p) => p.plan.absPath === result.plan.absPath);
    if (twin) {
      complain(`${labels[k]}: error: daría el mismo archivo que ${twin.label}: ${result.plan.shownPath} (misma fecha y mismo título).`);
      complain("    → Revisa el título y la fecha de cada comunicado en el archivo, o impórtalos por separado.");
      failed = true;
      continue;
    }
    prepared.push(result);
  }
  if (failed) {
    if (several) complain(`${shownSource}: error: no se escribió ninguno de los ${releaseParts.length} comunicados del archivo; corrige lo que se dice arriba y vuelve a importarlo.`);
    return false;
  }
  for (const ready of prepared) {
    if (!(await commit(ready, flags, releases))) return false;
  }
  return true;
}

/** «El archivo trae 2 comunicados: No. 250/2024 «…» (línea 1) y No. 251/2024 «…» (línea 18)…». */
function severalReleasesNote(slices: ReleaseSlice[], parts: ReleaseParts[], format: SourceText["format"]): string {
  const said = slices.map((slice, k) => {
    const p = parts[k]!;
    const name = [p.number ? `No. ${p.number}` : undefined, p.title ? `«${p.title}»` : undefined].filter(Boolean).join(" ") || "sin título ni número";
    return format === "text" ? `${name} (desde la línea ${slice.firstLine})` : name;
  });
  const list = said.length === 2 ? `${said[0]} y ${said[1]}` : `${said.slice(0, -1).join(", ")} y ${said[said.length - 1]}`;
  return `El archivo trae ${slices.length} comunicados: ${list}; cada uno se importa en su propio boletín.`;
}

/** A release ready to be written: its file, and what it replaces. */
interface Prepared {
  label: string;
  plan: FilePlan;
  exists: boolean;
  other?: string;
  /** Warnings to say (already said by the caller when it gets them). */
  messages: string[];
}

/**
 * What one release would write, checked against the content folder. Messages are said by the caller;
 * when the release cannot be written because its bulletin already exists, only that is said (the warnings
 * about a file that is not written are noise).
 */
async function prepare(parts: ReleaseParts, label: string, options: ImportOptions, flags: RunFlags, releases: ExistingReleases, notes: string[]): Promise<Prepared | { messages: string[] }> {
  const messages: string[] = [];
  let plan = planBulletinFile(parts, options);
  const warnings = [...plan.warnings, ...notes].map((warning) => `${label}: aviso: ${warning}`);
  if (planFailed(plan)) return { messages: [...warnings, `${label}: error: ${plan.error}`] };
  if (planHasErrors(plan)) {
    // Said of the input, not at a line of a file that is not written.
    const errors = plan.problems.filter((p) => p.severity === "error").map(saidOfRelease);
    // A file named after a title that is refused would be named after nothing: not shown.
    const unwritten = errors.some((p) => p.field === "title") ? "nada" : plan.shownPath;
    return { messages: [...warnings, ...errors.map((p) => formatProblem({ ...p, file: label })), `${label}: error: el boletín resultante no es válido; no se escribió ${unwritten}.`] };
  }
  // The same release already in the content folder: the very file (same date and title), or another file
  // with its number (imported before with another date) or its undated draft. Never replaced without --force.
  const exists = existsSync(plan.absPath) || releases.isPlanned(plan.absPath);
  const others = releases.sameRelease(plan);
  const shownOthers = others.map((other) => displayPath(other));
  if (others.length > 1) {
    return {
      messages: [
        `${label}: error: este comunicado ya está en ${others.length} archivos: ${shownOthers.join(", ")}; no se reemplaza ninguno ni se escribe ${plan.shownPath}.`,
        `    → Deja uno solo (borra o corrige a mano los demás) y vuelve a importar${flags.force ? "" : " con --force para reemplazarlo"}.`,
      ],
    };
  }
  const other = others[0];
  const shownOther = shownOthers[0];
  if (!flags.force && (exists || other)) {
    if (exists) messages.push(`${label}: error: ${plan.shownPath} ya existe; no se reemplaza (usa --force para reemplazarlo).`);
    if (other) {
      const which = plan.number && other !== plan.undatedPath ? `el boletín ${plan.number}` : "el borrador sin fecha de este comunicado";
      messages.push(`${label}: error: ${which} ya existe: ${shownOther}; no se reemplaza (usa --force para reemplazarlo por ${plan.shownPath}).`);
      messages.push(`    → Con --force se borra ${shownOther} y se pierde lo que se haya editado en él; para conservarlo, corrígelo a mano en vez de volver a importar.`);
    }
    return { messages };
  }
  messages.push(...warnings, ...plan.problems.map((problem) => formatProblem(problem)));
  // What the replaced files gave readers stays reachable: their addresses the new file would not have
  // (an earlier date's page, a redirect_from written by hand) go into its redirect_from.
  const replaced = [...(exists ? [plan.absPath] : []), ...(other ? [other] : [])];
  const replacedBulletins = await Promise.all(replaced.map((f) => bulletinIn(f, options)));
  const keep = plan.bulletin ? addressesToKeep(replacedBulletins.flat(), plan.bulletin, resolveNow()) : [];
  if (keep.length) {
    const kept = planBulletinFile(parts, { ...options, redirectFrom: keep });
    if (planFailed(kept) || planHasErrors(kept)) {
      messages.push(`${label}: error: las direcciones de ${replaced.map((f) => displayPath(f)).join(" y ")} no caben en ${plan.shownPath} (redirect_from: ${keep.join(", ")}); no se reemplaza nada.`);
      if (!planFailed(kept)) for (const p of kept.problems.filter((q) => q.severity === "error")) messages.push(formatProblem(p));
      return { messages };
    }
    plan = kept;
    messages.push(`${label}: aviso: ${plan.shownPath} conserva en redirect_from ${keep.length === 1 ? "la dirección" : "las direcciones"} que ya tenían los lectores: ${keep.join(", ")}.`);
  }
  return { label, plan, exists, ...(other ? { other } : {}), messages };
}

/** Writes a prepared release (or, with --dry-run, shows it) and removes the file it replaces. */
async function commit(ready: Prepared, flags: RunFlags, releases: ExistingReleases): Promise<boolean> {
  const { label, plan, exists, other } = ready;
  const shownOther = other ? displayPath(other) : undefined;
  releases.add(plan.absPath, plan.number);
  const what = plan.draft ? "borrador sin fecha" : "boletín";
  if (flags.dryRun) {
    const replaces = [...(exists ? [`reemplazaría ${plan.shownPath}`] : []), ...(other ? [`reemplazaría a ${shownOther}`] : [])];
    say(`${label} → ${plan.shownPath} (${[what, ...replaces].join("; ")}; no se escribió: --dry-run)\n${plan.content}`);
    return true;
  }
  try {
    await mkdir(path.dirname(plan.absPath), { recursive: true });
    // `wx` refuses to replace a file that appeared since the check above.
    await writeFile(plan.absPath, plan.content, { flag: flags.force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") complain(`${label}: error: ${plan.shownPath} ya existe; no se reemplaza (usa --force para reemplazarlo).`);
    else complain(`${label}: error: ${plan.shownPath}: ${writeFailure(error)}`);
    return false;
  }
  if (other) {
    // Only after the new file is written: a failed write never leaves the release out of content/.
    try {
      await rm(other, { force: true });
    } catch (error) {
      complain(`${label}: error: se escribió ${plan.shownPath}, pero ${shownOther}: ${writeFailure(error, "borrar")}`);
      complain(`    → Bórralo a mano: los dos tienen el mismo comunicado.`);
      return false;
    }
    releases.remove(other);
  }
  say(`${label} → ${plan.shownPath}${exists ? " (reemplazado)" : ""} (${what}${other ? `; reemplaza a ${shownOther}, que se borró` : ""})`);
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
  return { source, title: null, date: null, number: null, city: null, highlights: [], body: "", photos: null, video: null, audio: null, warnings: [error] };
}
