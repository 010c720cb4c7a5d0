import { formatCount } from "../policy/numbers.ts";

/**
 * Problems are values: collected across all files, formatted once.
 * Messages and hints are Spanish (editors read them); codes are stable English ids for tests and tools.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Stable identifier of the rule, e.g. `date-invalid`. */
  code: string;
  /** Path of the file, as the user should see it (relative to the working directory). */
  file: string;
  line?: number;
  column?: number;
  /** Front-matter field, when the problem is about one. */
  field?: string;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Another file involved (collisions). */
  otherFile?: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

/** What makes two problems the same one (the same file, place, rule and message). */
export function problemKey(p: Problem): string {
  return `${p.file}\n${p.line ?? ""}:${p.column ?? ""}\n${p.code}\n${p.message}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: "error", warning: "aviso" };

function location(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}`;
}

/** `content/a.md:3:7: error [date]: message\n    → hint` */
export function formatProblem(p: Problem): string {
  const field = p.field ? ` [${p.field}]` : "";
  const head = `${location(p)}: ${SEVERITY_LABEL[p.severity]}${field}: ${p.message}`;
  return p.hint ? `${head}\n    → ${p.hint}` : head;
}

/** GitHub Actions workflow commands; properties and data escaped as the runner expects. */
export function formatProblemGithub(p: Problem): string {
  const props = [`file=${escapeGithubProperty(p.file)}`];
  if (p.line) props.push(`line=${p.line}`, `col=${p.column ?? 1}`);
  props.push(`title=${escapeGithubProperty(p.field ? `boletines: ${p.field}` : "boletines")}`);
  const text = p.hint ? `${p.message} → ${p.hint}` : p.message;
  return `::${p.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeGithubData(text)}`;
}

function escapeGithubData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const files = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file)).size;
  const e = errors === 1 ? "1 error" : `${formatCount(errors)} errores`;
  const w = warnings === 1 ? "1 aviso" : `${formatCount(warnings)} avisos`;
  return errors ? `${e} en ${files === 1 ? "1 archivo" : `${formatCount(files)} archivos`}, ${w}.` : warnings ? `Sin errores, ${w}.` : "Sin errores ni avisos.";
}
