import assert from "node:assert/strict";
import { test } from "node:test";
import { formatProblem, formatProblemGithub, sortProblems, summarizeProblems, type Problem } from "../../src/model/problems.ts";

const p: Problem = { severity: "error", code: "date-invalid", file: "content/a, b.md", line: 3, column: 1, field: "date", message: "Mal: 50%\nsegunda", hint: "Corrige" };

test("terminal format", () => {
  assert.equal(formatProblem(p), "content/a, b.md:3:1: error [date]: Mal: 50%\nsegunda\n    → Corrige");
  assert.equal(formatProblem({ ...p, severity: "warning", line: undefined, field: undefined, hint: undefined }), "content/a, b.md: aviso: Mal: 50%\nsegunda");
});

test("GitHub annotations escape data and properties", () => {
  assert.equal(formatProblemGithub(p), "::error file=content/a%2C b.md,line=3,col=1,title=boletines%3A date::Mal: 50%25%0Asegunda → Corrige");
});

test("sorting and summaries", () => {
  const list = sortProblems([{ ...p, file: "b.md" }, { ...p, line: 9 }, p, { ...p, severity: "warning", file: "a.md" }]);
  assert.deepEqual(list.map((x) => `${x.file}:${x.line}`), ["a.md:3", "b.md:3", "content/a, b.md:3", "content/a, b.md:9"]);
  assert.equal(summarizeProblems(list), "3 errores en 2 archivos, 1 aviso.");
  assert.equal(summarizeProblems([]), "Sin errores ni avisos.");
  // Large counts are grouped as es-MX writes them.
  const many: Problem[] = Array.from({ length: 1234 }, (_, i) => ({ ...p, severity: "warning", file: `content/${i}.md` }));
  assert.equal(summarizeProblems(many), "Sin errores, 1,234 avisos.");
  assert.equal(summarizeProblems(many.map((w) => ({ ...w, severity: "error" }))), "1,234 errores en 1,234 archivos, 0 avisos.");
});
