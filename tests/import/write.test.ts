import assert from "node:assert/strict";
import { test } from "node:test";
import { bulletinRelPath, renderBulletinFile, validateBulletinFile } from "../../src/import/write.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

/** Titles that break hand-made YAML: each must come back exactly through the build's loader. */
const titles = [
  "IMSS: «salud» para todos",
  'Dice "sí" al programa',
  "# no es comentario",
  "- no es lista",
  "*asterisco* y &ancla y !etiqueta",
  "--- tres guiones",
  "Termina en dos puntos:",
  "yes",
  "2024-04-09",
  "171/2024",
  "Con 'comillas' simples y \\ barra",
  "{llaves} [corchetes] | tubo > mayor % por ciento @ arroba `tilde`",
];
for (const title of titles) {
  test(`YAML round trip of title ${JSON.stringify(title)}`, () => {
    const text = renderBulletinFile({ title, date: "2024-04-09", section: "Nacional", highlights: [title], city: title }, "Texto.");
    const { bulletin, problems } = validateBulletinFile(text, "x.md", "2024/x.md", DEFAULT_SITE);
    assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
    assert.equal(bulletin?.title, title);
    assert.deepEqual(bulletin?.highlights, [title]);
    assert.equal(bulletin?.city, title);
  });
}

test("canonical file: fixed field order, bare date, body after the front matter", () => {
  const text = renderBulletinFile(
    { title: "T", date: "2024-04-09", section: "Nacional", number: "171/2024", city: "Ciudad de México", highlights: ["Uno"], photos: "https://a.mx/f", video: "https://a.mx/v" },
    "Texto.\n",
  );
  assert.equal(
    text,
    "---\ntitle: T\ndate: 2024-04-09\nsection: Nacional\nnumber: 171/2024\ncity: Ciudad de México\nhighlights:\n  - Uno\nphotos: https://a.mx/f\nvideo: https://a.mx/v\n---\n\nTexto.\n",
  );
  const { bulletin } = validateBulletinFile(text, "x.md", "2024/2024-04-09-t.md", DEFAULT_SITE);
  assert.equal(bulletin?.date?.iso, "2024-04-09T00:00:00-06:00");
  assert.equal(bulletin?.date?.hasTime, false);
  assert.equal(bulletin?.number, "171/2024");
});

test("undated draft", () => {
  const text = renderBulletinFile({ title: "T", section: "Nacional", draft: true }, "Texto.");
  const { bulletin, problems } = validateBulletinFile(text, "x.md", "borradores/t.md", DEFAULT_SITE);
  assert.equal(bulletin?.draft, true);
  assert.equal(bulletin?.date, undefined);
  assert.ok(problems.some((p) => p.code === "draft-undated"));
});

const paths: Array<[string | undefined, string, string]> = [
  ["2024-04-09", "IMSS-Bienestar se fortalece", "2024/2024-04-09-imss-bienestar-se-fortalece.md"],
  [undefined, "IMSS-Bienestar se fortalece", "borradores/imss-bienestar-se-fortalece.md"],
  ["2023-07-07", "../../etc/passwd", "2023/2023-07-07-etc-passwd.md"],
  ["2023-07-07", "¿?", "2023/2023-07-07-boletin.md"],
];
for (const [day, title, expected] of paths) test(`path for ${JSON.stringify(title)} ${day ?? "sin fecha"}`, () => assert.equal(bulletinRelPath(day, title), expected));
