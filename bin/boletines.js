#!/usr/bin/env node
// Entry point of the `boletines` command: registers tsx so the TypeScript sources run as they are.
import { register } from "tsx/esm/api";

register();
try {
  const { main } = await import("../src/cli/index.ts");
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Content and usage errors are reported by the commands; this is the net for a bug of ours.
  process.stderr.write(`Error inesperado de boletines: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.BOLETINES_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  else process.stderr.write("Vuelve a ejecutarlo con BOLETINES_DEBUG=1 para ver el detalle y repórtalo al equipo.\n");
  process.exitCode = 70;
}
