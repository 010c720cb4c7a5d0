import path from "node:path";
import { displayPath } from "../model/load.ts";
import type { Bulletin } from "../model/bulletin.ts";
import { hasErrors, type Problem } from "../model/problems.ts";
import type { SiteConfig } from "../site.ts";
import { withYear } from "./release-number.ts";
import { formatCalendarDay } from "./spanish-dates.ts";
import { stateOfficeOf } from "./state-office.ts";
import { yearFromDateWarning, type ReleaseParts } from "./text.ts";
import { bulletinRelPath, renderBulletinFile, validateBulletinFile } from "./write.ts";

/** The `--json` record: exactly these keys, in this order (other tools rely on the shape). */
export interface ImportRecord {
  source: string;
  title: string | null;
  date: string | null;
  number: string | null;
  city: string | null;
  highlights: string[];
  body: string;
  photos: string | null;
  video: string | null;
  audio: string | null;
  warnings: string[];
}

export interface ImportOptions {
  site: SiteConfig;
  /** Absolute content folder the file goes into. */
  outDir: string;
  /** `--date AAAA-MM-DD`: the date of a release whose text has none (or a correction). */
  date?: string;
  section?: string;
  /** Addresses to keep in the file's `redirect_from` (those of a file it replaces). */
  redirectFrom?: string[];
}

export const NO_TITLE = "No se encontró el título del boletín; no se escribió nada.";
const UNDATED_DRAFT = "Se importa como borrador (draft: true) sin fecha: agrega date: AAAA-MM-DD y quita draft, o vuelve a importar con --date AAAA-MM-DD --force (reemplaza este borrador).";

/**
 * The date and the number to use, and the warnings that go with them: `--date` stands for a dateline
 * the release lacks, and gives its year to a number written without one (`No. 175`).
 */
function resolveDate(parts: ReleaseParts, options: ImportOptions): { date?: string; number?: string; warnings: string[] } {
  const found = parts.date ? formatCalendarDay(parts.date) : undefined;
  let number = parts.number;
  const completed = !number && parts.yearless && options.date ? withYear(parts.yearless.serial, Number(options.date.slice(0, 4))) : undefined;
  const warnings = parts.warnings.filter((w) => !(options.date && w.startsWith("No se encontró la línea de fecha")) && !(completed && w === parts.yearless?.warning));
  if (completed && parts.yearless) {
    number = completed;
    warnings.push(yearFromDateWarning(parts.yearless.line, completed, Number(options.date!.slice(0, 4))));
  }
  if (options.date && found && found !== options.date) {
    warnings.push(`La línea de fecha dice ${found}; se usa --date ${options.date}.`);
  }
  const date = options.date ?? found;
  if (!date) warnings.push(UNDATED_DRAFT);
  return { ...(date ? { date } : {}), ...(number ? { number } : {}), warnings };
}

export function importRecord(source: string, parts: ReleaseParts, options: ImportOptions): ImportRecord {
  const { date, number, warnings } = resolveDate(parts, options);
  return {
    source,
    title: parts.title ?? null,
    date: date ?? null,
    number: number ?? null,
    city: parts.city ?? null,
    highlights: parts.highlights,
    body: parts.body,
    photos: parts.photos ?? null,
    video: parts.video ?? null,
    audio: parts.audio ?? null,
    warnings,
  };
}

export interface FilePlan {
  /** Absolute path of the bulletin file. */
  absPath: string;
  /** As shown to the user. */
  shownPath: string;
  content: string;
  draft: boolean;
  /** The release number (`171/2024`), which says that a file already in the content folder is the same release. */
  number?: string;
  /** For a dated release, where an import without a date put it (`borradores/<título>.md`): the same release. */
  undatedPath?: string;
  warnings: string[];
  /** From the build's validator; an error means nothing is written. */
  problems: Problem[];
  /** The bulletin the file makes, when it is valid. */
  bulletin?: Bulletin;
}

/** What would be written for one release, already validated. */
export function planBulletinFile(parts: ReleaseParts, options: ImportOptions): FilePlan | { error: string; warnings: string[] } {
  const { date, number, warnings } = resolveDate(parts, options);
  // Nothing is written: not even as a draft.
  if (!parts.title) return { error: NO_TITLE, warnings: warnings.filter((w) => w !== UNDATED_DRAFT) };
  const section = chooseSection(parts, options, warnings);
  const relPath = bulletinRelPath(date, parts.title);
  const absPath = path.join(options.outDir, ...relPath.split("/"));
  const shownPath = displayPath(absPath);
  const content = renderBulletinFile(
    {
      title: parts.title,
      ...(date ? { date } : {}),
      section,
      ...(number ? { number } : {}),
      ...(parts.city ? { city: parts.city } : {}),
      highlights: parts.highlights,
      ...(parts.photos ? { photos: parts.photos } : {}),
      ...(parts.video ? { video: parts.video } : {}),
      ...(parts.audio ? { audio: parts.audio } : {}),
      ...(options.redirectFrom?.length ? { redirect_from: options.redirectFrom } : {}),
      ...(date ? {} : { draft: true }),
    },
    parts.body,
  );
  const validation = validateBulletinFile(content, shownPath, relPath, options.site);
  const undatedPath = date ? path.join(options.outDir, ...bulletinRelPath(undefined, parts.title).split("/")) : undefined;
  return {
    absPath,
    shownPath,
    content,
    draft: !date,
    ...(number ? { number } : {}),
    ...(undatedPath ? { undatedPath } : {}),
    warnings,
    problems: validation.problems,
    ...(validation.bulletin ? { bulletin: validation.bulletin } : {}),
  };
}

/**
 * `--section`, or the state offices' section for a release of one (said, with how to choose another),
 * or the site's default section.
 */
function chooseSection(parts: ReleaseParts, options: ImportOptions, warnings: string[]): string {
  if (options.section !== undefined) return options.section;
  const office = stateOfficeOf(parts.title ?? "", parts.body.split(/\n\s*\n/, 1)[0]);
  if (!office) return options.site.defaultSection;
  warnings.push(`Sección «${options.site.stateOfficeSection}»: el comunicado es de la representación del IMSS en ${office}. Si es de otra sección, vuelve a importar con --section "…" --force o cambia section: en el archivo.`);
  return options.site.stateOfficeSection;
}

export function planFailed(plan: FilePlan | { error: string }): plan is { error: string; warnings: string[] } {
  return "error" in plan;
}

export function planHasErrors(plan: FilePlan): boolean {
  return hasErrors(plan.problems);
}
