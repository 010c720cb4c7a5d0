// Only light modules here: the prefetch thread starts before the build's own modules load (see `build`).
import { limitInlining } from "../build/jit.ts";
import { prefetchFor } from "../build/prefetch.ts";
import { displayPath } from "../model/load.ts";
import { folderOption, parseCommandArgs } from "./args.ts";
import { CONTENT_OPTIONS, contentOptionsFrom, DEFAULT_CACHE_DIR } from "./content-options.ts";
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
  const folders = {
    ...contentOptionsFrom(values, notes),
    outDir: folderOption(values.out, "--out", "_site"),
    cacheDir: folderOption(values.cache, "--cache", DEFAULT_CACHE_DIR),
  };
  // On a rebuild the prefetch thread (build/prefetch.ts) lists content/, stats every file and parses
  // the edited ones; the cache waits for it. Started now, it works while this thread loads the
  // build's modules (~0.1 s) instead of after.
  limitInlining();
  const prefetch = prefetchFor(folders);
  try {
    const [{ buildSite }, { printProblems, WARNINGS_PER_KIND }, { resolveNow }] = await Promise.all([import("../build/build.ts"), import("./common.ts"), import("../policy/clock.ts")]);
    const options = { ...folders, now: resolveNow(), search: values["no-search"] !== true, startedPrefetch: prefetch };
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
  } finally {
    // Closed by the build; not if something failed before it started (a wrong clock setting).
    await prefetch?.close();
  }
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
