import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { htmlToReleaseText } from "../../src/import/docx.ts";
import { planBulletinFile, planFailed } from "../../src/import/plan.ts";
import { extractRelease } from "../../src/import/text.ts";
import { parseSource } from "../../src/model/load.ts";
import { normalizeBulletin } from "../../src/model/normalize.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

/**
 * The importer on arbitrary text: it returns release parts and a file plan (or a clear error),
 * never throws; and when the plan has no errors, the file it would write is one the build accepts
 * (parsed and normalized by the same loader). Fixed seed as in properties.test.ts.
 */
const SEED = Number(process.env["FC_SEED"] ?? 20261122);
const RUNS = Number(process.env["FC_RUNS"] ?? 1);
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.round(numRuns * RUNS) });
const OPTIONS = { site: DEFAULT_SITE, outDir: "/tmp/boletines-import-propiedades/content" };
let runs = 0;

// Lines of the kind press releases are made of, plus hostile and broken ones.
const releaseLine = fc.oneof(
  fc.constantFrom(
    "Ciudad de México, a 9 de abril de 2024",
    "Chihuahua, Chih., 13 de diciembre de 2021",
    "No. 171/2024",
    "Boletín de prensa",
    "COORDINACIÓN DE COMUNICACIÓN SOCIAL",
    "IMSS reconoce la labor de las asistentes médicas",
    "- Se realizaron 5 millones de acciones",
    "• Viñeta con «comillas» y 99%",
    "Fotos: https://example.org/fotos",
    "Video: https://youtu.be/abc",
    "---o0o---",
    "Página 1 de 2",
    "",
    "   ",
    "{{ 7777*7 }} {% raw %} ${x}",
    "<script>alert(1)</script>",
    "[enlace](javascript:alert(1))",
    "# título con * y _ y `",
    "---",
    "title: inyectado",
  ),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const release = fc.array(releaseLine, { maxLength: 25 }).map((lines) => lines.join("\n"));

/**
 * The importer's plan for `parts`: a clear error, problems in plain Spanish, and, when it has no
 * error, a file the build reads (same loader, same normalizer) without error, titled as the importer
 * found. Whether it was such a complete bulletin.
 */
function planAcceptedByBuild(parts: ReturnType<typeof extractRelease>, options: Parameters<typeof planBulletinFile>[1]): boolean {
  const plan = planBulletinFile(parts, options);
  if (planFailed(plan)) {
    assert.match(plan.error, /\S/);
    return false;
  }
  for (const p of plan.problems) assert.ok(p.message.length > 0 && !/\[object|undefined|TypeError/.test(p.message), p.message);
  if (plan.problems.some((p) => p.severity === "error")) return false;
  const loaded = parseSource(plan.content, plan.shownPath, "2024/x.md");
  assert.ok(loaded.ok, `the written file does not parse: ${!loaded.ok && loaded.problems[0]?.message}\n${plan.content}`);
  const normalized = normalizeBulletin(loaded.doc, { site: DEFAULT_SITE, imageExists: () => false });
  assert.ok(normalized.bulletin, `the written file is refused: ${normalized.problems.map((p) => p.message).join("; ")}\n${plan.content}`);
  assert.equal(normalized.bulletin.title, parts.title!.replace(/\s+/g, " ").trim().normalize("NFC"));
  return true;
}

test("importer: any text gives release parts and a plan or a clear error, never a throw; plans the build accepts", () => {
  let accepted = 0;
  fc.assert(
    fc.property(release, fc.option(fc.constantFrom("2024-04-09", "2021-12-13"), { nil: undefined }), (raw, date) => {
      runs++;
      const parts = extractRelease(raw);
      assert.ok(Array.isArray(parts.highlights) && typeof parts.body === "string" && Array.isArray(parts.warnings));
      if (planAcceptedByBuild(parts, { ...OPTIONS, ...(date ? { date } : {}) })) accepted++;
    }),
    params(1500),
  );
  assert.ok(accepted > 0, "some plans were complete bulletins");
  process.stdout.write(`# importer plans accepted by the build: ${accepted}\n`);
});

/**
 * Real press releases (the three seeds, and two texts from the other fixtures) with one to three lines
 * inserted or replaced: random text seldom gets past the dateline and the title, these reach every
 * step of the importer with one thing out of place. Same promises: no throw, a clear error or a file
 * the build accepts, with the title the importer found.
 */
const REAL_RELEASES = ["seeds/002-sin-fecha.txt", "seeds/003-salto-de-pagina.txt", "seeds/004-imagen-y-vinetas.txt", "guadalajara-crlf-bom.txt", "tabasco-pdftotext.txt"].map((f) =>
  readFileSync(new URL(`../fixtures/import/${f}`, import.meta.url), "utf8"),
);
const perturbedRelease = fc
  // Half the edits fall among the first lines: the letterhead, dateline, number, title and highlights.
  .tuple(fc.constantFrom(...REAL_RELEASES.keys()), fc.array(fc.tuple(fc.oneof(fc.nat({ max: 15 }), fc.nat()), fc.boolean(), releaseLine), { minLength: 1, maxLength: 3 }))
  .map(([k, edits]) => {
    const lines = REAL_RELEASES[k]!.split("\n");
    for (const [at, replace, line] of edits) lines.splice(at % (lines.length + 1), replace ? 1 : 0, line);
    return lines.join("\n");
  });

test("importer: real releases with a few lines inserted or replaced give a plan the build accepts or a clear error", () => {
  let accepted = 0;
  fc.assert(
    fc.property(perturbedRelease, (raw) => {
      const parts = extractRelease(raw);
      if (planAcceptedByBuild(parts, OPTIONS)) accepted++;
    }),
    params(600),
  );
  assert.ok(accepted > 0, "some perturbed releases were complete bulletins");
  process.stdout.write(`# perturbed releases accepted by the build: ${accepted} of ${Math.round(600 * RUNS)}\n`);
});

test("importer: any HTML (from a .docx) gives text, never a throw", () => {
  const html = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.array(fc.constantFrom("<p>", "</p>", "<strong>", "</strong>", "<em>", "<ul><li>", "</li></ul>", "<table><tr><td>", "<br>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:1\">", "</a>", "&amp;", "&#0;", "<script>", "texto", "{{ x }}", "\u0000"), { maxLength: 40 }).map((a) => a.join("")),
  );
  fc.assert(
    fc.property(html, (h) => {
      runs++;
      assert.equal(typeof htmlToReleaseText(h), "string");
    }),
    params(1500),
  );
  process.stdout.write(`# importer property runs: ${runs}\n`);
});
