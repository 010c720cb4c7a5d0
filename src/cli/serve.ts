import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { prepareSite } from "../build/prepare.ts";
import { ELEVENTY_CONFIG_FILE, ELEVENTY_DIRS } from "../eleventy/configure.ts";
import { provideEleventyHandoff, type EleventyInputs } from "../eleventy/inputs.ts";
import { summarizeProblems } from "../model/problems.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { buildSiteData } from "../render/site-data.ts";
import { parseCommandArgs, UsageError } from "./args.ts";
import { prepareOptionsFrom, printProblems } from "./common.ts";

export const usage = `boletines serve [--content DIR] [--port N] [--out DIR]
  Vista previa con recarga automática en http://localhost:8080/. Muestra borradores («Borrador»)
  y boletines programados («Programado»). Un error en un boletín se muestra aquí y el servidor sigue.`;

/** Where the preview is written: never the production `_site/`, so drafts cannot be published by mistake. */
const PREVIEW_OUT = ".cache/preview";

export default async function serve(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { content: { type: "string" }, public: { type: "string" }, port: { type: "string" }, out: { type: "string" } });
  const port = Number(values.port ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port debe ser un número de puerto, no «${values.port}».`);
  const options = prepareOptionsFrom({ ...values, drafts: true, future: true });

  let lastGood: EleventyInputs | undefined;
  const load = async (): Promise<EleventyInputs> => {
    const prepared = await prepareSite(options);
    printProblems(prepared.problems);
    if (prepared.ok) {
      lastGood = prepared.inputs;
      process.stderr.write(`${new Date().toLocaleTimeString("es-MX")} · ${prepared.bulletinCount} boletines. ${summarizeProblems(prepared.problems)}\n`);
      return prepared.inputs;
    }
    // A content error must not stop the preview: keep showing the last good version.
    process.stderr.write("La vista previa sigue mostrando la última versión sin errores. Corrige el archivo y guarda.\n");
    return lastGood ?? { site: options.site, data: buildSiteData([], { site: options.site, now: options.now }), preview: true };
  };

  let builds = 0;
  provideEleventyHandoff({
    inputs: load,
    publicDir: options.publicDir,
    watch: [options.contentDir, options.publicDir],
    // Editors (and the tests) learn here that the preview now shows their last save.
    afterBuild: () => {
      builds += 1;
      if (builds > 1) process.stdout.write(`Vista previa actualizada (${builds}).\n`);
    },
  });
  const eleventy = new Eleventy(path.join(PROJECT_ROOT, ELEVENTY_DIRS.input), path.resolve(values.out ?? PREVIEW_OUT), {
    configPath: ELEVENTY_CONFIG_FILE,
    quietMode: true,
    runMode: "serve",
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  process.stdout.write(`Vista previa en http://localhost:${port}/ (Ctrl+C para salir)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await eleventy.stopWatch();
  return 0;
}
