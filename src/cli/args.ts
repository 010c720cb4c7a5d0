import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

/** Strict option parsing: an unknown flag is a usage error, not silently ignored. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
