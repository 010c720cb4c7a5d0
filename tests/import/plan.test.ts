import assert from "node:assert/strict";
import { test } from "node:test";
import { importRecord, planBulletinFile, planFailed, type ImportOptions } from "../../src/import/plan.ts";
import { extractRelease } from "../../src/import/text.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

const options: ImportOptions = { site: DEFAULT_SITE, outDir: "/tmp/contenido" };
const dated = extractRelease("Ciudad de México, 9 de abril de 2024\nNo. 171/2024\n\nTítulo: con «comillas»\n\n- Uno\n\nTexto.");
const undated = extractRelease("Título sin fecha\n\nTexto.");

test("record: exactly the agreed keys, absent parts are null", () => {
  const record = importRecord("a.txt", undated, options);
  assert.deepEqual(Object.keys(record), ["source", "title", "date", "number", "city", "highlights", "body", "photos", "video", "audio", "warnings"]);
  assert.deepEqual([record.date, record.number, record.city, record.photos, record.video, record.audio], [null, null, null, null, null, null]);
  assert.ok(record.warnings.some((w) => w.includes("borrador")));
});

test("--date supplies a missing date and silences that warning; a different dateline is reported", () => {
  const record = importRecord("a.txt", undated, { ...options, date: "2024-05-01" });
  assert.equal(record.date, "2024-05-01");
  assert.ok(!record.warnings.some((w) => w.includes("línea de fecha") || w.includes("borrador")));
  const overridden = importRecord("b.txt", dated, { ...options, date: "2024-05-01" });
  assert.equal(overridden.date, "2024-05-01");
  assert.ok(overridden.warnings.some((w) => w.includes("dice 2024-04-09")));
});

test("plan: dated bulletin under AAAA/, undated draft under borradores/, both valid", () => {
  const a = planBulletinFile(dated, options);
  const b = planBulletinFile(undated, { ...options, section: "Chihuahua" });
  assert.ok(!planFailed(a) && !planFailed(b));
  assert.equal(a.absPath, "/tmp/contenido/2024/2024-04-09-titulo-con-comillas.md");
  assert.equal(a.draft, false);
  assert.match(a.content, /^---\ntitle: "Título: con «comillas»"\ndate: 2024-04-09\nsection: Nacional\nnumber: 171\/2024\ncity: Ciudad de México\nhighlights:\n  - Uno\n---\n\nTexto\.\n$/);
  assert.equal(b.absPath, "/tmp/contenido/borradores/titulo-sin-fecha.md");
  assert.equal(b.draft, true);
  assert.match(b.content, /\nsection: Chihuahua\ndraft: true\n---\n/);
  assert.deepEqual([...a.problems, ...b.problems].filter((p) => p.severity === "error"), []);
});

test("plan: no title, nothing to write", () => {
  const plan = planBulletinFile(extractRelease("\n\n"), options);
  assert.ok(planFailed(plan));
});

test("plan: an invalid section is caught by the build's validator before writing", () => {
  const plan = planBulletinFile(dated, { ...options, section: "¡¿?!" });
  assert.ok(!planFailed(plan));
  assert.ok(plan.problems.some((p) => p.severity === "error" && p.field === "section"));
});
