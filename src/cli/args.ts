import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

/** Strict option parsing: an unknown flag is a usage error, not silently ignored; said in Spanish. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as NodeJS.ErrnoException, Object.keys(options)));
  }
}

/** Node's parseArgs errors (English) as the editor should read them; anything else as it is. */
function usageMessage(error: NodeJS.ErrnoException, names: string[]): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  const valid = names.map((n) => `--${n}`).join(", ");
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `La opción ${option} no existe.${valid ? ` Opciones: ${valid}.` : ""}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/argument missing/.test(error.message)) return `Falta el valor de ${option} (por ejemplo ${option} valor).`;
      if (/does not take an argument/.test(error.message)) return `${option} no lleva valor: escribe solo ${option}.`;
      return error.message;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Sobra «${quoted}»: este comando no recibe argumentos sueltos (¿faltan comillas, o «--» delante de una opción?).`;
    default:
      return error.message;
  }
}
