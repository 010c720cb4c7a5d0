import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanonicalSlug, MAX_SLUG_LENGTH, slugify, truncateSlug } from "../../src/policy/slug.ts";

const cases: Array<[string, string]> = [
  ["Reconoce IMSS Chihuahua labor de las asistentes médicas ", "reconoce-imss-chihuahua-labor-de-las-asistentes-medicas"],
  ["Vacunación", "vacunacion"],
  ["VACUNACIÓN", "vacunacion"],
  ["vacunacion", "vacunacion"],
  ["Salud & Bienestar", "salud-y-bienestar"],
  ["Niñas y niños", "ninas-y-ninos"],
  ["99% de avance", "99-por-ciento-de-avance"],
  ["IMSS-Bienestar se fortalece", "imss-bienestar-se-fortalece"],
  ["¿Qué es PrevenIMSS?", "que-es-prevenimss"],
  ["«Comillas» “curvas” y 'rectas'", "comillas-curvas-y-rectas"],
  ["  espacios   múltiples\t", "espacios-multiples"],
  ["UMAE No. 34", "umae-no-34"],
  ["1º de junio", "1o-de-junio"],
  ["Ñandú über Çedilla", "nandu-uber-cedilla"],
  ["---", ""],
  ["¡¿?!", ""],
  ["<script>alert(1)</script>", "menor-que-script-mayor-que-alert-1-menor-que-script-mayor-que"],
  ["../../etc/passwd", "etc-passwd"],
  ["{{ titulo }}", "titulo"],
];

for (const [input, expected] of cases) {
  test(`slugify(${JSON.stringify(input)}) = ${JSON.stringify(expected)}`, () => {
    assert.equal(slugify(input), expected);
  });
}

test("long slugs are cut at a word boundary and end with a hash of the whole title", () => {
  const long = "palabra ".repeat(100);
  const slug = slugify(long);
  assert.ok(slug.length <= MAX_SLUG_LENGTH, `${slug.length}`);
  assert.match(slug, /^(palabra-)*palabra-[0-9a-f]{6}$/);
  assert.equal(slugify(long), slug, "deterministic");
});

test("long titles that differ only at the end keep different slugs", () => {
  const common = "El IMSS reconoce la labor de las enfermeras y enfermeros de las unidades médicas de";
  const a = slugify(`${common} Chihuahua`);
  const b = slugify(`${common} Sonora`);
  assert.notEqual(a, b);
  assert.ok(a.length <= MAX_SLUG_LENGTH && b.length <= MAX_SLUG_LENGTH);
  assert.equal(a.split("-").slice(0, -1).join("-"), b.split("-").slice(0, -1).join("-"), "same readable head");
});

test("truncation of a single long word cuts at the limit", () => {
  assert.match(truncateSlug("a".repeat(200), 10), /^aaa-[0-9a-f]{6}$/);
  assert.equal(truncateSlug("abc", 10), "abc");
});

test("canonical slugs", () => {
  assert.ok(isCanonicalSlug("mi-boletin-2024"));
  for (const bad of ["Mi-Boletin", "mi--boletin", "-x", "x-", "a/b", "ñ", "", "a b"]) assert.ok(!isCanonicalSlug(bad), bad);
});
