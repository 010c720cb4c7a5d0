import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { BODY_PLACEHOLDER } from "../model/bulletin.ts";
import { displayPath } from "../model/load.ts";
import { hasErrors } from "../model/problems.ts";
import { resolveNow } from "../policy/clock.ts";
import { toBulletinDate } from "../policy/dates.ts";
import { cleanLabel, labelSlug } from "../policy/labels.ts";
import { titleFault } from "../policy/titles.ts";
import { resolveSiteConfig } from "../site.ts";
import { bulletinRelPath, optionValueProblems, renderBulletinFile, validateBulletinFile } from "../import/write.ts";
import { folderOption, parseCommandArgs, refuseOptionValues, UsageError } from "./args.ts";
import { writeFailure } from "./common.ts";

export const usage = `boletines new "Título" [--section S] [--tags a,b] [--content DIR]
  Crea el archivo de un boletín nuevo con la fecha y hora actuales (zona del sitio) como borrador,
  y escribe su ruta. Nunca reemplaza un archivo existente.`;

const TITLE_EXAMPLE = 'boletines new "IMSS inaugura clínica en Mérida"';

/**
 * A title the file's name and the bulletin's address can be made of: words (policy/titles.ts, the rule
 * the build's validator applies too). Anything else is a usage error: the file would be named and
 * published under a made-up «boletin».
 */
function refuseWordlessTitle(title: string): void {
  const fault = titleFault(title);
  if (fault === "blank") throw new UsageError(`El título está vacío. Escribe el título del boletín entre comillas: ${TITLE_EXAMPLE}.`);
  if (fault === "no-words") {
    throw new UsageError(`El título «${title}» no tiene letras ni números. Escribe el título del boletín con palabras, entre comillas: ${TITLE_EXAMPLE}.`);
  }
  if (fault === "no-latin") {
    throw new UsageError(
      `El título «${title}» no tiene letras del alfabeto latino ni números, de los que se hacen el nombre del archivo y la dirección del boletín. Escribe el título en español, entre comillas: ${TITLE_EXAMPLE}.`,
    );
  }
}

export default async function newCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { section: { type: "string" }, tags: { type: "string" }, content: { type: "string" } }, true);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `Falta el título del boletín. Escríbelo entre comillas: ${TITLE_EXAMPLE}.` : 'Escribe el título entre comillas: boletines new "Mi título".');
  const title = positionals[0]!.replace(/\s+/g, " ").trim();
  refuseWordlessTitle(title);
  const site = resolveSiteConfig();
  if (values.section !== undefined && values.section.trim() === "") throw new UsageError("--section no puede estar vacío.");
  const section = values.section?.trim() || site.defaultSection;
  const tags = (values.tags ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  const wordless = tags.filter((tag) => !labelSlug(cleanLabel(tag)));
  if (wordless.length) {
    const which = wordless.map((tag) => `«${tag}»`).join(", ");
    throw new UsageError(`--tags: ${which} no ${wordless.length === 1 ? "tiene" : "tienen"} letras ni números. Escribe etiquetas con palabras, separadas por comas (por ejemplo --tags salud,vacunación).`);
  }
  // Any other value the build would refuse is the option's mistake too, said before anything is written.
  refuseOptionValues(optionValueProblems({ ...(values.section !== undefined ? { section } : {}), ...(tags.length ? { tags } : {}) }, site), { section: "--section", tags: "--tags" });
  const contentDir = folderOption(values.content, "--content", "content");
  // The date policy formats it: ISO with the zone's offset that day, seconds, no milliseconds.
  const now = toBulletinDate(resolveNow().setZone(site.timeZone).startOf("second"), true);
  const date = now.iso;
  const relPath = bulletinRelPath(now.day, title);
  const absPath = path.join(contentDir, ...relPath.split("/"));
  const shown = displayPath(absPath);
  const content = renderBulletinFile({ title, date, description: "", section, tags, draft: true }, BODY_PLACEHOLDER);
  const validation = validateBulletinFile(content, shown, relPath, site);
  if (hasErrors(validation.problems)) {
    // Not at a line: the file was not written.
    for (const p of validation.problems.filter((p) => p.severity === "error")) {
      process.stderr.write(`error${p.field ? ` [${p.field}]` : ""}: ${p.message}${p.hint ? `\n    → ${p.hint}` : ""}\n`);
    }
    process.stderr.write(`No se escribió ${shown}.\n`);
    return 1;
  }
  try {
    await mkdir(path.dirname(absPath), { recursive: true });
    await writeFile(absPath, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      process.stderr.write(`${shown}: error: ${writeFailure(error)}\n`);
      return 1;
    }
    process.stderr.write(`${shown} ya existe; no se reemplaza. Edítalo, o elige otro título.\n`);
    return 1;
  }
  process.stdout.write(`${shown}\n`);
  process.stderr.write(`Es un borrador (draft: true): escribe el texto y la descripción, y quita draft cuando esté listo.\n`);
  return 0;
}
