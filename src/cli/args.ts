import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { displayPath } from "../model/load.ts";
import type { Problem } from "../model/problems.ts";

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

/** A folder option (`--content`, `--out`): never empty, and never a file (or a path under one). Returns it absolute. */
export function folderOption(value: string | undefined, option: string, fallback: string): string {
  if (value !== undefined && value.trim() === "") throw new UsageError(`${option} no puede estar vacío: escribe una carpeta (por ejemplo ${option} ${fallback}).`);
  const absolute = path.resolve(value ?? fallback);
  // The nearest part of the path that exists must be a folder (the rest is created).
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      // not there (or under a file): look at its parent
    }
    if (isDirectory === false) {
      throw new UsageError(dir === absolute ? `${option} «${value ?? fallback}» es un archivo, no una carpeta.` : `${option} «${value ?? fallback}»: ${displayPath(dir)} es un archivo, no una carpeta.`);
    }
    if (isDirectory || dir === path.dirname(dir)) return absolute;
  }
}

/** Problems the validator found in option values (see `optionValueProblems`), said as a usage mistake about each option. */
export function refuseOptionValues(problems: readonly Problem[], options: Record<string, string>): void {
  if (problems.length === 0) return;
  throw new UsageError(problems.map((p) => `${options[p.field!] ?? p.field}: ${p.message}${p.hint ? ` ${p.hint}` : ""}`).join("\n"));
}
