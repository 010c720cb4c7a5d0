import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { validateSite } from "../build/validate.ts";
import { displayPath } from "../model/load.ts";
import { hasErrors, summarizeProblems, type Problem } from "../model/problems.ts";
import { folderOption, parseCommandArgs, UsageError } from "./args.ts";
import { prepareOptionsFrom, printProblems } from "./common.ts";
import { DEFAULT_CACHE_DIR } from "./content-options.ts";
import { countOf } from "../policy/numbers.ts";
import { earlierRevision } from "./earlier-revision.ts";
import { ADDRESS_LOST } from "../model/kept-addresses.ts";

export const usage = `boletines check [ARCHIVO…] [--content DIR] [--format text|github] [--strict] [--since REV] [--cache DIR]
  Valida todos los boletines sin generar páginas. Sale con 1 si hay errores (o avisos, con --strict).
  Con archivos o carpetas de content/, muestra solo sus problemas (revisados con todo el sitio: enlaces,
  direcciones repetidas) y sale según ellos; dice cuántos errores hay en los demás.
  Avisa si un cambio quita una dirección que los lectores podían abrir (un título que mueve la página,
  un boletín borrado): compara con lo que la rama aún no ha subido (desde donde se separó de su rama
  remota, o el último commit), o con --since REV (una rama, etiqueta o commit).
  Usa la caché de build (por omisión ${DEFAULT_CACHE_DIR}): un archivo sin cambios no se vuelve a leer.`;

export default async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      content: { type: "string" },
      public: { type: "string" },
      format: { type: "string" },
      strict: { type: "boolean" },
      cache: { type: "string" },
      since: { type: "string" },
    },
    true,
  );
  const format = values.format ?? "text";
  if (format !== "text" && format !== "github") throw new UsageError(`--format debe ser text o github, no «${format}».`);
  const options = prepareOptionsFrom({ ...values, drafts: true, future: true });
  const only = positionals.length ? positionals.map((f) => contentArgument(f, options.contentDir)) : undefined;
  const named = (file: string) => only!.some((t) => (t.folder ? file.startsWith(t.path + path.sep) : file === t.path));
  // Everything is checked, drafts and embargoed bulletins included: they will be published one day.
  // Files named alone are checked with the whole site too (a link, a colliding address need it).
  const earlier = earlierRevision(values.since, options);
  const prepared = await validateSite({ ...options, cacheDir: folderOption(values.cache, "--cache", DEFAULT_CACHE_DIR), ...(earlier ? { earlier: earlier.bulletins } : {}) });
  const concerns = (p: Problem) => !only || named(path.resolve(p.file)) || (p.otherFile !== undefined && named(path.resolve(p.otherFile)));
  const problems = prepared.problems.filter(concerns);
  if (format === "github" && values.since !== undefined && earlier) printAnnotationsOfChange(problems, earlier.touched);
  else printProblems(problems, format, format === "github" ? process.stdout : process.stderr);
  const failed = hasErrors(problems) || (values.strict === true && problems.length > 0);
  if (format === "text") {
    const stream = failed ? process.stderr : process.stdout;
    const checked = only ? `${positionals.join(", ")}: revisado junto con el resto del sitio (${countOf(prepared.fileCount, "boletín", "boletines")}).` : `${countOf(prepared.fileCount, "boletín revisado", "boletines revisados")}.`;
    // With problems, their summary closes their list (printProblems); without, it is said here, on its own line too.
    stream.write(problems.length ? `${checked}\n` : `${checked}\n${summarizeProblems(problems)}\n`);
    if (values.since !== undefined && earlier) {
      const lost = prepared.problems.filter((p) => p.code === ADDRESS_LOST).length;
      stream.write(`Comparado con ${earlier.ref} (${earlier.commit.slice(0, 7)}): ${countOf(earlier.changed, "boletín cambiado, renombrado o borrado", "boletines cambiados, renombrados o borrados")}. ${lost ? `${countOf(lost, "aviso", "avisos")} de direcciones que se pierden.` : "Ninguna dirección publicada se pierde."}\n`);
    }
    const elsewhere = prepared.problems.filter((p) => p.severity === "error" && !concerns(p));
    if (elsewhere.length) {
      const files = new Set(elsewhere.map((p) => p.file)).size;
      stream.write(`Otros archivos tienen ${countOf(elsewhere.length, "error", "errores")} (${countOf(files, "archivo", "archivos")}): «boletines check» sin archivos los muestra; la compilación no se hará hasta corregirlos.\n`);
    }
  }
  return failed ? 1 : 0;
}

/**
 * Annotations for a change (`--format github --since`): GitHub shows only the first few warnings of a
 * step, so an archive's old warnings (hundreds of missing descriptions) would hide the ones of the
 * files the change touches. Those come first, with every error (any error stops the build); the
 * warnings of untouched files are counted in one notice.
 */
function printAnnotationsOfChange(problems: readonly Problem[], touched: readonly string[]): void {
  const files = new Set(touched);
  const ofChange = (p: Problem) => files.has(p.file) || (p.otherFile !== undefined && files.has(p.otherFile)) || p.code === ADDRESS_LOST;
  const shown = [...problems.filter(ofChange), ...problems.filter((p) => !ofChange(p) && p.severity === "error")];
  printProblems(shown, "github", process.stdout);
  const untouched = problems.length - shown.length;
  if (untouched) process.stdout.write(`::notice::${countOf(untouched, "aviso más", "avisos más")} en archivos que este cambio no toca: «boletines check» los lista todos.\n`);
}

/**
 * A file or folder named on the command line, as an absolute path: a markdown file or a folder inside
 * the content folder (or that folder itself), not one the loader skips (`.` or `_` at the start of a name).
 */
function contentArgument(file: string, contentDir: string): { path: string; folder: boolean } {
  const abs = path.resolve(file);
  const root = path.resolve(contentDir);
  if (abs !== root && !abs.startsWith(root + path.sep)) throw new UsageError(`«${file}» no está en la carpeta de contenido (${displayPath(root)}): check revisa boletines de esa carpeta (--content para otra).`);
  if (!existsSync(abs)) throw new UsageError(`«${file}» no existe.`);
  if (path.relative(root, abs).split(path.sep).some((part) => part.startsWith(".") || part.startsWith("_"))) {
    throw new UsageError(`«${file}» no se lee: los archivos y carpetas de contenido que empiezan con «.» o «_» se ignoran.`);
  }
  if (statSync(abs).isDirectory()) return { path: abs, folder: true };
  if (!/\.(md|markdown)$/i.test(abs)) throw new UsageError(`«${file}» no es un boletín: los boletines son archivos .md.`);
  return { path: abs, folder: false };
}
