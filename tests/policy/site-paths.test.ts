import assert from "node:assert/strict";
import { test } from "node:test";
import { hasHtmlStub, normalizeSitePath } from "../../src/policy/site-paths.ts";

const ok: Array<[string, string]> = [
  ["/news/190812", "/news/190812/"],
  ["/news/190812/", "/news/190812/"],
  ["  /news/190812  ", "/news/190812/"],
  ["/prensa/archivo/202404/171", "/prensa/archivo/202404/171/"],
  ["/old/page.html", "/old/page.html"],
  ["/old/page.php", "/old/page.php"],
  ["/Noticias/Boletin_2019", "/Noticias/Boletin_2019/"],
  ["/a%20b", "/a%20b/"],
];
for (const [input, expected] of ok) {
  test(`site path ${JSON.stringify(input)} → ${expected}`, () => {
    const r = normalizeSitePath(input, { field: "redirect_from" });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.path, expected);
  });
}

const bad: Array<[string, RegExp]> = [
  ["https://evil.example/x", /externa/],
  ["http://www.imss.gob.mx/news/1", /externa/],
  ["//evil.example/x", /externa/],
  ["javascript:alert(1)", /externa/],
  ["data:text/html,<script>", /externa/],
  ["news/190812", /empezar con «\/»/],
  ["/news/../../etc/passwd", /«\.\.»/],
  ["/news/%2e%2e/x", /«\.\.»/],
  ["/%2e/", /«\.»/],
  ["/boletines/%2E/x/", /«\.»/],
  ["/news/%2e", /«\.»/],
  ["/news/./x", /«\.\.»/],
  ["/news?id=190812", /parámetros/],
  ["/news#x", /anclas/],
  ["/news//x", /«\/\/»/],
  ["/", /portada/],
  ["/a\\b", /«\\»/],
  ["/a b", /caracteres no permitidos/],
  ["/<script>", /caracteres no permitidos/],
  ["/{{x}}", /caracteres no permitidos/],
  ["/%zz", /codificación/],
  ["/%2F..%2Fx", /peligrosos/],
  ["/news/a%2Fb", /codifica caracteres peligrosos en «a%2Fb»/],
  ["/news/a%2fb/", /peligrosos/],
  ["/news/a%5Cb", /peligrosos/],
  ["/news/a%00b", /peligrosos/],
  ["/news/a%0Ab", /peligrosos/],
  ["/news/a%7F", /peligrosos/],
  [`/${"a".repeat(250)}`, /demasiado largo/],
];
for (const [input, message] of bad) {
  test(`bad site path ${JSON.stringify(input.slice(0, 40))}`, () => {
    const r = normalizeSitePath(input, { field: "redirect_from" });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, message);
      // A whole address is answered with its own path; anything else with an example.
      assert.match(r.hint, /^https?:/.test(input) ? /escribe solo su ruta, sin dominio: \/\S+$/ : /\/news\/190812/);
    }
  });
}

test("a whole address of the site is answered with the path to write instead", () => {
  const r = normalizeSitePath("https://www.imss.gob.mx/prensa/archivo/201908/190812?x=1", { field: "redirect_from" });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.hint, "Si es una dirección de este sitio, escribe solo su ruta, sin dominio: /prensa/archivo/201908/190812");
});

test("html stubs are written only for directory-style or .html paths", () => {
  assert.ok(hasHtmlStub("/news/1/"));
  assert.ok(hasHtmlStub("/a.html"));
  assert.ok(hasHtmlStub("/a.HTM"));
  assert.ok(!hasHtmlStub("/a.php"));
});

test("letters outside ASCII are answered with the same path percent-encoded, as it travels in a URL", () => {
  for (const [input, encoded] of [
    ["/noticias/vacunación/", "/noticias/vacunaci%C3%B3n/"],
    ["/news/ñandú", "/news/%C3%B1and%C3%BA"],
    ["/Niños/año 2019", undefined],
  ] as const) {
    const r = normalizeSitePath(input, { field: "redirect_from" });
    assert.equal(r.ok, false);
    if (r.ok) continue;
    if (encoded) {
      assert.equal(r.hint, `Escribe las letras con acento (o fuera del alfabeto inglés) codificadas con %, como viajan en una dirección: ${encoded}`);
      assert.ok(normalizeSitePath(encoded, { field: "redirect_from" }).ok, "the path suggested is accepted");
    } else assert.match(r.hint, /\/news\/190812/, "a path that stays invalid encoded (a space) gets the general hint");
  }
});

test("a Jekyll permalink pattern is refused with the path written out, when every placeholder is known", () => {
  const placeholders = () => ({ year: "2024", month: "04", day: "09", title: "vacunacion-en-merida", categories: "local", output_ext: ".html" });
  const pattern = normalizeSitePath("/noticias/:categories/:year/:month/:day/:title:output_ext", { field: "permalink", placeholders });
  assert.equal(pattern.ok, false);
  assert.ok(!pattern.ok && /usa marcadores de Jekyll \(:categories, :year, :month, :day, :title, :output_ext\)/.test(pattern.message), JSON.stringify(pattern));
  assert.ok(!pattern.ok && pattern.hint === "Escribe permalink: /noticias/local/2024/04/09/vacunacion-en-merida.html", JSON.stringify(pattern));
  // A placeholder not known for this bulletin (an undated draft has no :year): no suggestion, the usual hint.
  const undated = normalizeSitePath("/news/:year/:title", { field: "redirect_from", placeholders: () => ({ title: "x" }) });
  assert.ok(!undated.ok && /marcadores de Jekyll/.test(undated.message) && /por ejemplo \/news\/190812/.test(undated.hint), JSON.stringify(undated));
  // A colon that is no Jekyll placeholder is just a character not allowed.
  const colon = normalizeSitePath("/x/:otra/", { field: "redirect_from", placeholders });
  assert.ok(!colon.ok && /caracteres no permitidos en «:otra»/.test(colon.message), JSON.stringify(colon));
});
