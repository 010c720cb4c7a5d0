import { buildSite } from "../build/build.ts";
import { displayPath } from "../model/load.ts";
import { folderOption, parseCommandArgs } from "./args.ts";
import { CONTENT_OPTIONS, DEFAULT_CACHE_DIR, prepareOptionsFrom, printProblems, WARNINGS_PER_KIND } from "./common.ts";
import { countOf, formatCount } from "../policy/numbers.ts";

export const usage = `boletines build [--content DIR] [--out DIR] [--public DIR] [--cache DIR] [--drafts] [--future] [--no-search]
  Genera el sitio de content/ en _site/, con su índice de búsqueda. Con --drafts incluye borradores;
  con --future, boletines programados; --no-search omite el índice de búsqueda (más rápido).
  Guarda en --cache (por omisión ${DEFAULT_CACHE_DIR}) lo ya procesado; borrarla solo hace más lenta la siguiente compilación.`;

export default async function build(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...CONTENT_OPTIONS,
    out: { type: "string" },
    cache: { type: "string" },
    quiet: { type: "boolean" },
    "no-search": { type: "boolean" },
  });
  const notes: string[] = [];
  const options = {
    ...prepareOptionsFrom(values, notes),
    outDir: folderOption(values.out, "--out", "_site"),
    cacheDir: folderOption(values.cache, "--cache", DEFAULT_CACHE_DIR),
    search: values["no-search"] !== true,
  };
  for (const note of notes) process.stderr.write(`${note}\n`);
  const result = await buildSite(options);
  printProblems(result.problems, "text", process.stderr, { warningsPerKind: WARNINGS_PER_KIND });
  if (!result.ok) {
    if (result.fatal) process.stderr.write(`${result.fatal}\n`);
    process.stderr.write(`No se generó el sitio; ${displayPath(options.outDir)} queda como estaba.\n`);
    return 1;
  }
  if (!values.quiet) {
    process.stdout.write(`Sitio generado en ${displayPath(options.outDir)}: ${countOf(result.published, "boletín", "boletines")}, ${filesLine(result.pagesWritten, result.rendered)} en ${result.seconds.toFixed(2)} s.\n`);
    if (result.search) {
      process.stdout.write(`${searchLine(result.search)}\n`);
    }
  }
  return 0;
}

/** How many bulletins the search indexes hold, in how many indexes (years, or parts of large years), and how many of those were made again. */
function searchLine({ pages, shards, rebuilt }: { pages: number; shards: number; rebuilt: number }): string {
  const bulletins = countOf(pages, "boletín", "boletines");
  const indexes = countOf(shards, "índice", "índices");
  const made = rebuilt === 0 ? "ninguno cambió: no se volvieron a generar" : rebuilt === shards ? "generados" : `${formatCount(rebuilt)} ${rebuilt === 1 ? "generado de nuevo" : "generados de nuevo"}`;
  return `Índice de búsqueda: ${bulletins} en ${indexes} (${made}).`;
}

/** How many files the site has, and how many of them this build had to write (the others it reused). */
function filesLine(files: number, written: number): string {
  if (written >= files) return `${formatCount(files)} archivos`;
  return written === 0 ? `${formatCount(files)} archivos (ninguno cambió)` : `${formatCount(files)} archivos (${formatCount(written)} ${written === 1 ? "nuevo o cambiado" : "nuevos o cambiados"})`;
}
