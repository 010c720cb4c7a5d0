import { validateSite } from "../build/validate.ts";
import { hasErrors, summarizeProblems } from "../model/problems.ts";
import { folderOption, parseCommandArgs, UsageError } from "./args.ts";
import { DEFAULT_CACHE_DIR, prepareOptionsFrom, printProblems } from "./common.ts";
import { countOf } from "../policy/numbers.ts";

export const usage = `boletines check [--content DIR] [--format text|github] [--strict] [--cache DIR]
  Valida todos los boletines sin generar páginas. Sale con 1 si hay errores (o avisos, con --strict).
  Usa la caché de build (por omisión ${DEFAULT_CACHE_DIR}): un archivo sin cambios no se vuelve a leer.`;

export default async function check(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    content: { type: "string" },
    public: { type: "string" },
    format: { type: "string" },
    strict: { type: "boolean" },
    cache: { type: "string" },
  });
  const format = values.format ?? "text";
  if (format !== "text" && format !== "github") throw new UsageError(`--format debe ser text o github, no «${format}».`);
  // Everything is checked, drafts and embargoed bulletins included: they will be published one day.
  const prepared = await validateSite({ ...prepareOptionsFrom({ ...values, drafts: true, future: true }), cacheDir: folderOption(values.cache, "--cache", DEFAULT_CACHE_DIR) });
  const problems = prepared.problems;
  printProblems(problems, format, format === "github" ? process.stdout : process.stderr);
  const failed = hasErrors(problems) || (values.strict === true && problems.length > 0);
  if (format === "text") {
    const stream = failed ? process.stderr : process.stdout;
    const checked = `${countOf(prepared.fileCount, "boletín revisado", "boletines revisados")}.`;
    stream.write(problems.length ? `${checked}\n` : `${checked} ${summarizeProblems(problems)}\n`);
  }
  return failed ? 1 : 0;
}
