import { UsageError } from "./args.ts";

/** `boletines <command>`: each command is a module loaded on demand, `export default (argv) => exit code`. */
const COMMANDS: Record<string, () => Promise<{ default: (argv: string[]) => Promise<number>; usage: string }>> = {
  build: () => import("./build.ts"),
  check: () => import("./check.ts"),
  serve: () => import("./serve.ts"),
  import: () => import("./import.ts"),
  new: () => import("./new.ts"),
};

const HELP = `Uso: boletines <comando> [opciones]

Comandos:
  build   Genera el sitio estático (content/ → _site/)
  check   Valida los boletines sin generar el sitio
  serve   Vista previa con recarga automática (incluye borradores)
  import  Convierte comunicados (.docx, .pdf, .txt) en boletines
  new     Crea un boletín nuevo (borrador) con la fecha de hoy

Ayuda de un comando: boletines <comando> --help`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Comando desconocido: «${name}».\n\n${HELP}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.default(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof Error && ["SiteConfigError", "ClockError"].includes(error.name)) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
