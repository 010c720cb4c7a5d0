import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { BODY_PLACEHOLDER } from "../model/bulletin.ts";
import { displayPath } from "../model/load.ts";
import { formatProblem, hasErrors } from "../model/problems.ts";
import { resolveNow } from "../policy/clock.ts";
import { toBulletinDate } from "../policy/dates.ts";
import { resolveSiteConfig } from "../site.ts";
import { bulletinRelPath, renderBulletinFile, validateBulletinFile } from "../import/write.ts";
import { parseCommandArgs, UsageError } from "./args.ts";

export const usage = `boletines new "Título" [--section S] [--tags a,b] [--content DIR]
  Crea el archivo de un boletín nuevo con la fecha y hora actuales (zona del sitio) como borrador,
  y escribe su ruta. Nunca reemplaza un archivo existente.`;


export default async function newCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { section: { type: "string" }, tags: { type: "string" }, content: { type: "string" } }, true);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Falta el título del boletín." : 'Escribe el título entre comillas: boletines new "Mi título".');
  const title = positionals[0]!.replace(/\s+/g, " ").trim();
  if (!title) throw new UsageError("El título está vacío.");
  const site = resolveSiteConfig();
  // The date policy formats it: ISO with the zone's offset that day, seconds, no milliseconds.
  const now = toBulletinDate(resolveNow().setZone(site.timeZone).startOf("second"), true);
  const date = now.iso;
  const tags = (values.tags ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  const contentDir = path.resolve(values.content ?? "content");
  const relPath = bulletinRelPath(now.day, title);
  const absPath = path.join(contentDir, ...relPath.split("/"));
  const shown = displayPath(absPath);
  const content = renderBulletinFile(
    { title, date, description: "", section: values.section?.trim() || site.defaultSection, tags, draft: true },
    BODY_PLACEHOLDER,
  );
  const validation = validateBulletinFile(content, shown, relPath, site);
  if (hasErrors(validation.problems)) {
    for (const p of validation.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  await mkdir(path.dirname(absPath), { recursive: true });
  try {
    await writeFile(absPath, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    process.stderr.write(`${shown} ya existe; no se reemplaza. Edítalo, o elige otro título.\n`);
    return 1;
  }
  process.stdout.write(`${shown}\n`);
  process.stderr.write(`Es un borrador (draft: true): escribe el texto y la descripción, y quita draft cuando esté listo.\n`);
  return 0;
}
