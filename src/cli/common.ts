import { resolveNow } from "../policy/clock.ts";
import type { PrepareOptions } from "../build/prepare.ts";
import { fsErrorReason } from "../build/output.ts";
import { formatProblem, formatProblemGithub, summarizeProblems, type Problem } from "../model/problems.ts";
import { formatCount } from "../policy/numbers.ts";
import { contentOptionsFrom, type CommonFlags } from "./content-options.ts";

/** `notes`, when given, receives what the environment's settings were read as, when not as written (site.ts `resolveSiteConfig`). */
export function prepareOptionsFrom(flags: CommonFlags, notes?: string[]): PrepareOptions {
  return { ...contentOptionsFrom(flags, notes), now: resolveNow() };
}

/** Warnings of one kind `build` and `serve` print in full on every run (see `printProblems`). */
export const WARNINGS_PER_KIND = 3;

/**
 * Prints problems and, as text, their summary. With `warningsPerKind` (what `build` and `serve` print on
 * every run) every error is printed, but of the warnings of one kind (code and field) only the first
 * few: an archive of old bulletins can carry hundreds of the same warning, which would bury the errors
 * and the line that says what was built. The rest are counted, and `boletines check` lists them all.
 */
export function printProblems(
  problems: readonly Problem[],
  format: "text" | "github" = "text",
  stream: NodeJS.WritableStream = process.stderr,
  { warningsPerKind }: { warningsPerKind?: number } = {},
): void {
  const kindOf = (p: Problem) => `${p.code}\0${p.field ?? ""}`;
  const counts = new Map<string, number>();
  if (format === "text" && warningsPerKind !== undefined) for (const p of problems) if (p.severity === "warning") counts.set(kindOf(p), (counts.get(kindOf(p)) ?? 0) + 1);
  // Kinds shortened: those with more than a couple beyond the limit (a «2 more» line would save nothing).
  const shortened = new Map<string, { printed: number; field: string }>();
  for (const [kind, count] of counts) if (count > warningsPerKind! + 2) shortened.set(kind, { printed: 0, field: kind.split("\0")[1]! });
  for (const p of problems) {
    const short = p.severity === "warning" ? shortened.get(kindOf(p)) : undefined;
    if (short && short.printed++ >= warningsPerKind!) continue;
    stream.write(`${format === "github" ? formatProblemGithub(p) : formatProblem(p)}\n`);
  }
  for (const [kind, { field }] of shortened) {
    const more = counts.get(kind)! - warningsPerKind!;
    stream.write(`… y ${formatCount(more)} avisos más${field ? ` [${field}]` : ""} como ${warningsPerKind === 1 ? "el de arriba" : "los de arriba"}.\n`);
  }
  if (shortened.size > 0) stream.write("«boletines check» los lista todos.\n");
  if (format === "text" && problems.length) stream.write(`${summarizeProblems(problems)}\n`);
}

/** Why a file could not be written (or removed), in Spanish (the system's words only as a detail when the reason is unusual). */
export function writeFailure(error: unknown, action: "escribir" | "borrar" = "escribir"): string {
  const reason = fsErrorReason(error);
  if (reason) return `no se pudo ${action}: ${reason}.`;
  const { code, message } = error as NodeJS.ErrnoException;
  return `no se pudo ${action} (detalle técnico: ${code ?? ""} ${String(message ?? error).split("\n")[0]}).`;
}
