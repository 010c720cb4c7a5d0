import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { planBulletinFile, planFailed, type ImportOptions } from "../../src/import/plan.ts";
import { stateOfficeOf } from "../../src/import/state-office.ts";
import { extractRelease } from "../../src/import/text.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

test("a state office is named by «IMSS <entidad>» in the title or «(IMSS) en <entidad>» in the lead, however the text spells it", () => {
  const cases: Array<[title: string, lead: string | undefined, office: string | undefined]> = [
    ["Reconoce IMSS Chihuahua labor de las asistentes médicas", undefined, "Chihuahua"],
    ["IMSS Nuevo León realiza Jornada de Salud Pública", undefined, "Nuevo León"],
    ["IMSS NUEVO LEON REALIZA JORNADA", undefined, "Nuevo León"],
    ["Atiende IMSS Baja California Sur a 3 mil pacientes", undefined, "Baja California Sur"],
    ["Atiende IMSS Baja California a 3 mil pacientes", undefined, "Baja California"],
    ["IMSS Estado de México Oriente inaugura guardería", undefined, "Estado de México Oriente"],
    ["IMSS CDMX Sur invita a vacunarse", undefined, "CDMX Sur"],
    ["IMSS Queretaro (sin acento) abre unidad", undefined, "Querétaro"],
    ["Capacita IMSS a personal", "El Instituto Mexicano del Seguro Social (IMSS) en Chihuahua cuenta mil 150 Asistentes Médicas.", "Chihuahua"],
    ["Capacita IMSS a personal", "Mérida, a 1 de junio de 2025.- El IMSS en Yucatán informó sobre la campaña.", "Yucatán"],
    ["Capacita IMSS a personal", "El IMSS en el Estado de México abrió una guardería.", "Estado de México"],
    // National releases: the IMSS alone, IMSS-Bienestar, a place that is not the office's name.
    ["IMSS fortalece recuperación de sus servicios médicos", "El Instituto Mexicano del Seguro Social (IMSS) avanza en la recuperación, en Atlixco, Puebla.", undefined],
    ["IMSS-Bienestar se fortalece con la llegada de médicos", undefined, undefined],
    ["IMSS Bienestar contrata médicos en Oaxaca", undefined, undefined],
    ["El IMSS inauguró en Puebla un hospital", "El IMSS inauguró en Puebla un hospital.", undefined],
    // The IMSS as a complement («del IMSS en Sonora»): the place where the national IMSS acts.
    ["Presidenta de México y Zoé Robledo inauguran Hospital del IMSS en Sonora", "El director general del Instituto Mexicano del Seguro Social (IMSS), Zoé Robledo, y la Presidenta inauguraron el Hospital.", undefined],
    ["Inauguran hospital", "La Presidenta inauguró el Hospital General del Instituto Mexicano del Seguro Social (IMSS) en Sonora.", undefined],
    ["Más de mil trabajadores se afilian al IMSS en Puebla", undefined, undefined],
    ["Clínica de IMSS en Jalisco amplía horario", undefined, undefined],
    // …while the office is still found where it is the subject, after a complement or before one.
    ["Hospital del IMSS en Sonora recibe a pacientes", "El IMSS en Sonora informó que el hospital del IMSS en Sonora abrió.", "Sonora"],
    ["Hospital del IMSS Sonora cumple 50 años", undefined, "Sonora"],
    // A longer word is not the entity («Colimán», «Sonorense»).
    ["IMSS Colimán no existe", undefined, undefined],
    ["IMSS Sonorense", undefined, undefined],
  ];
  for (const [title, lead, office] of cases) assert.equal(stateOfficeOf(title, lead), office, `${title} | ${lead ?? ""}`);
});

const options: ImportOptions = { site: DEFAULT_SITE, outDir: "/tmp/contenido" };

test("import: a state office's release gets the state offices' section and says so; --section still decides; a national one keeps the default", () => {
  const local = extractRelease("Monterrey, Nuevo León, a 1 de julio de 2024\n\nIMSS Nuevo León realiza Jornada de Salud Pública\n\nEl IMSS informó que realizó una jornada.");
  const plan = planBulletinFile(local, options);
  assert.ok(!planFailed(plan));
  assert.match(plan.content, /\nsection: Local\n/);
  assert.ok(plan.warnings.some((w) => w.startsWith("Sección «Local»: el comunicado es de la representación del IMSS en Nuevo León.") && w.includes("--section")), plan.warnings.join("\n"));
  const chosen = planBulletinFile(local, { ...options, section: "Salud pública" });
  assert.ok(!planFailed(chosen));
  assert.match(chosen.content, /\nsection: Salud pública\n/);
  assert.ok(!chosen.warnings.some((w) => w.startsWith("Sección")));
  const national = extractRelease("Ciudad de México, 9 de abril de 2024\nNo. 171/2024\n\nIMSS-Bienestar se fortalece\n\nEl IMSS informó.");
  const nationalPlan = planBulletinFile(national, options);
  assert.ok(!planFailed(nationalPlan));
  assert.match(nationalPlan.content, /\nsection: Nacional\n/);
  assert.ok(!nationalPlan.warnings.some((w) => w.startsWith("Sección")));
});

test("the seeds: the two legacy posts are the Chihuahua office's (their section is Local); the three converted releases are national", () => {
  const seeds = path.join(PROJECT_ROOT, "../shared/seeds");
  const legacy = (name: string) => {
    const text = readFileSync(path.join(seeds, name), "utf8");
    const title = /^title: "?(.*?)"? *$/m.exec(text)![1]!;
    const body = text.split(/^---$/m)[2]!.trim();
    assert.match(text, /^section: "?Local"?$/m);
    return stateOfficeOf(title, body.split(/\n\s*\n/, 1)[0]);
  };
  assert.equal(legacy("000_255065b21fa0da3c.txt"), "Chihuahua");
  assert.equal(legacy("001_b2c4723cf75cf401.txt"), "Chihuahua");
  for (const name of ["002_27f915b8b7b6356d.txt", "003_aafd1ed5760d9463.txt", "004_1796ee0fdedeea25.txt"]) {
    const parts = extractRelease(readFileSync(path.join(seeds, name), "utf8"));
    assert.equal(stateOfficeOf(parts.title!, parts.body.split(/\n\s*\n/, 1)[0]), undefined, name);
  }
});
