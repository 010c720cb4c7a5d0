import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { normalizeBulletinNumber } from "../../src/model/normalize.ts";
import { fm, normalizeText } from "./helpers.ts";

const BASE = 'title: "Boletín de prueba"\ndate: 2024-04-09T10:00:00-06:00\ndescription: "Resumen"';

test("legacy seed 000 normalizes with its Jekyll quirks", () => {
  const text = readFileSync(new URL("../../content/2021/2021-08-19-reconoce-imss-chihuahua-labor-de-las-asistentes-medicas.md", import.meta.url), "utf8");
  const r = normalizeText(text, { file: "content/2021/2021-08-19-reconoce.md", images: ["/uploads/2021/images-Foto_4069-1.jpg"] });
  const b = r.bulletin!;
  assert.ok(b, JSON.stringify(r.problems));
  assert.equal(b.title, "Reconoce IMSS Chihuahua labor de las asistentes médicas");
  assert.equal(b.date?.iso, "2021-08-19T18:08:00-06:00");
  assert.equal(b.date?.text, "jueves 19 de agosto de 2021");
  assert.deepEqual(b.tags, [
    { slug: "asistencias-medicas", label: "asistencias medicas" },
    { slug: "chihuahua", label: "chihuahua" },
  ]);
  assert.equal(b.author, undefined, "author: nil is absent");
  assert.equal(b.video, undefined);
  assert.equal(b.audio, undefined);
  assert.deepEqual(b.section, { slug: "local", label: "Local" });
  assert.equal(b.featured, false);
  assert.deepEqual(b.image, { src: "/uploads/2021/images-Foto_4069-1.jpg", alt: "Reconoce IMSS Chihuahua labor de las asistentes médicas" });
  assert.equal(b.url, "/boletines/2021/08/reconoce-imss-chihuahua-labor-de-las-asistentes-medicas/");
  assert.deepEqual(r.problems, []);
});

test("legacy seed 001: redirect_from and quoted section", () => {
  const text = readFileSync(new URL("../../content/2021/2021-12-13-realiza-imss-chihuahua-mas-de-5-millones-de-acciones.md", import.meta.url), "utf8");
  const b = normalizeText(text).bulletin!;
  assert.deepEqual(b.redirectFrom, ["/news/190812/"]);
  assert.equal(b.section.label, "Local");
  assert.equal(b.url.startsWith("/boletines/2021/12/"), true);
});

/** [front matter, field, code, message pattern] for every error the normalizer reports. */
const errors: Array<[string, string | undefined, string, RegExp]> = [
  ['date: 2024-04-09\ndescription: "x"', "title", "title-missing", /Falta el título/],
  ['title: nil\ndate: 2024-04-09', "title", "title-missing", /Falta el título/],
  ['title: ""\ndate: 2024-04-09', "title", "title-missing", /Falta el título/],
  ["title: [a, b]\ndate: 2024-04-09", "title", "field-type", /debe ser un texto/],
  ['title: "x"', "date", "date-missing", /Falta la fecha/],
  ['title: "x"\ndate: nil', "date", "date-missing", /Falta la fecha/],
  ['title: "x"\ndate: 2023-14-40', "date", "date-invalid", /mes 14/],
  ['title: "x"\ndate: 31/02/2023', "date", "date-invalid", /día 31/],
  ['title: "x"\ndate: mañana', "date", "date-invalid", /no es una fecha reconocible/],
  [`${BASE}\nupdated: 2024-13-01`, "updated", "date-invalid", /mes 13/],
  [`${BASE}\nfront: quizás`, "front", "field-type", /true o false/],
  [`${BASE}\ndraft: 3`, "draft", "field-type", /true o false/],
  [`${BASE}\nsection: [Nacional, Local]`, "section", "field-type", /un solo nombre/],
  [`${BASE}\nsection: "¿?"`, "section", "section-invalid", /no tiene letras/],
  [`${BASE}\ntags:\n  - a: 1`, "tags", "field-type", /no es un texto/],
  [`${BASE}\nvideo: javascript:alert(1)`, "video", "link-invalid", /enlace http/],
  [`${BASE}\nphotos: ftp://x`, "photos", "link-invalid", /enlace http/],
  [`${BASE}\nimage: /uploads/../../etc/passwd.jpg`, "image", "image-invalid", /no es la ruta de una imagen/],
  [`${BASE}\nimage: /uploads/doc.pdf`, "image", "image-invalid", /no es la ruta de una imagen/],
  [`${BASE}\nslug: Mi Boletín`, "slug", "slug-invalid", /«Mi Boletín» no es un slug válido/],
  [`${BASE}\nslug: ../../x`, "slug", "slug-invalid", /no es un slug válido/],
  [`${BASE}\npermalink: https://evil.example/`, "permalink", "permalink-invalid", /externa/],
  [`${BASE}\npermalink: /../../etc/`, "permalink", "permalink-invalid", /«\.\.»/],
  [`${BASE}\npermalink: /x/page.php`, "permalink", "permalink-invalid", /terminar en/],
  [`${BASE}\npermalink: /temas/salud/`, "permalink", "permalink-reserved", /reservada/],
  [`${BASE}\nredirect_from: https://old.example/news/1`, "redirect_from", "redirect-invalid", /externa/],
  [`${BASE}\nredirect_from:\n  - /ok/\n  - /news?id=3`, "redirect_from", "redirect-invalid", /parámetros/],
  [`${BASE}\nredirect_from: /a/../b`, "redirect_from", "redirect-invalid", /«\.\.»/],
  [`${BASE}\nredirect_to: javascript:alert(1)`, "redirect_to", "redirect-invalid", /http\(s\) o una ruta del sitio/],
  [`${BASE}\nredirect_to:\n  - https://a.example/\n  - https://b.example/`, "redirect_to", "redirect-invalid", /2 direcciones/],
  [`${BASE}\nredirect_to: /a/../b/`, "redirect_to", "redirect-invalid", /«\.\.»/],
  [`${BASE}\nredirect_to: /boletines/2024/04/boletin-de-prueba/`, "redirect_to", "redirect-invalid", /este mismo archivo/],
  [`${BASE}\nredirect_from: /news/1\nredirect_to: /news/1/`, "redirect_to", "redirect-invalid", /este mismo archivo/],
  [`${BASE}\nnumber: "abc"`, "number", "number-invalid", /no es un número/],
  [`${BASE}\nauthor: [Ana, Luis]`, "author", "field-type", /«author» debe ser un texto, no una lista/],
  [`${BASE}\ntags: [${Array.from({ length: 60 }, (_, i) => `t${i}`).join(", ")}]`, "tags", "tags-too-many", /60 etiquetas/],
];

for (const [fields, field, code, message] of errors) {
  test(`error ${code} for ${JSON.stringify(fields.split("\n").pop())}`, () => {
    const r = normalizeText(fm(fields));
    assert.equal(r.bulletin, undefined, "no bulletin when there is an error");
    const p = r.problems.find((x) => x.code === code);
    assert.ok(p, `expected ${code}, got ${JSON.stringify(r.problems)}`);
    assert.equal(p.severity, "error");
    assert.equal(p.field, field);
    assert.match(p.message, message);
    assert.ok(p.hint && p.hint.length > 10, "every error says what to do");
    if (field && fields.includes(`${field}:`)) assert.ok(p.line && p.line >= 2, "points at the line of the field");
  });
}

test("a title read as a YAML list is reported once, with how to quote it", () => {
  // `title: [Video] IMSS…` does not parse at all (tests/model/load.test.ts); this one parses as a list.
  const errors = normalizeText(fm("title: [Video, IMSS inaugura clínica]\ndate: 2024-04-09")).problems.filter((x) => x.severity === "error");
  assert.deepEqual(errors.map((x) => x.code), ["field-type"]);
  assert.match(errors[0]!.hint ?? "", /entre comillas si empieza con «\[»/);
});

test("an invalid slug suggests the canonical one", () => {
  const p = normalizeText(fm(`${BASE}\nslug: Mi Boletín`)).problems.find((x) => x.code === "slug-invalid")!;
  assert.equal(p.hint, "Escribe slug: mi-boletin");
});

test("every bad file reports all its errors, not the first", () => {
  const r = normalizeText(fm('title: ""\ndate: 2023-02-30\nvideo: nope\nslug: A B\nauthor: [Ana, Luis]'));
  assert.deepEqual(r.problems.filter((p) => p.severity === "error").map((p) => p.code).sort(), ["date-invalid", "field-type", "link-invalid", "slug-invalid", "title-missing"]);
});

test("line numbers point at the field", () => {
  const r = normalizeText(fm('title: "x"\ndescription: "y"\n\ndate: 2023-02-30'));
  const p = r.problems.find((x) => x.code === "date-invalid")!;
  assert.equal(p.line, 5);
  assert.equal(p.column, 1);
});

test("«updated» earlier the same day is told with the times, else the two messages would name one date", () => {
  const sameDay = normalizeText(fm(`${BASE}\nupdated: 2024-04-09T08:00:00-06:00`)).problems.find((x) => x.code === "updated-before-date");
  assert.equal(sameDay?.message, "«updated» (2024-04-09 08:00) es anterior a la fecha de publicación (2024-04-09 10:00).");
  const earlier = normalizeText(fm(`${BASE}\nupdated: 2024-01-01`)).problems.find((x) => x.code === "updated-before-date");
  assert.equal(earlier?.message, "«updated» (2024-01-01) es anterior a la fecha de publicación (2024-04-09).");
});

const warnings: Array<[string, string]> = [
  ['title: "x"\ndate: 2024-04-09', "description-missing"],
  [`${BASE}\nimage: /uploads/no-existe.jpg`, "image-missing"],
  [`${BASE}\nimage: https://cdn.example/a.jpg`, "image-external"],
  [`${BASE}\nautor: Ana`, "field-unknown"],
  [`${BASE}\nlayout: page`, "layout-ignored"],
  [`${BASE}\nupdated: 2024-01-01`, "updated-before-date"],
  [`${BASE}\nnumber: 12/2023`, "number-year"],
  [`${BASE}\ntags: ["¿?", salud]`, "tag-empty-slug"],
  ['title: "x"\ndraft: true', "draft-undated"],
  ['title: "x"\ndate: 2021-04-04 02:30\ndescription: "d"', "date-dst-gap"],
  ['title: "x"\ndate: 2021-10-31 01:30\ndescription: "d"', "date-dst-ambiguous"],
];
for (const [fields, code] of warnings) {
  test(`warning ${code}`, () => {
    const r = normalizeText(fm(fields));
    assert.ok(r.bulletin, JSON.stringify(r.problems));
    const p = r.problems.find((x) => x.code === code);
    assert.ok(p, `expected ${code}, got ${JSON.stringify(r.problems)}`);
    assert.equal(p.severity, "warning");
  });
}

test("unknown fields suggest the field meant", () => {
  const r = normalizeText(fm(`${BASE}\nfecha: 2024-01-01\netiquetas: [a]`));
  const hints = r.problems.filter((p) => p.code === "field-unknown").map((p) => p.hint);
  assert.deepEqual(hints, ["¿Quisiste escribir «date:»?", "¿Quisiste escribir «tags:»?"]);
});

test("absent values in every field: nil, ~, null, blank", () => {
  for (const empty of ["nil", "~", "null", '""', "'  '", ""]) {
    const r = normalizeText(
      fm(`${BASE}\nauthor: ${empty}\nvideo: ${empty}\naudio: ${empty}\nphotos: ${empty}\nimage: ${empty}\nalt: ${empty}\nsection: ${empty}\ntags: ${empty}\nslug: ${empty}\npermalink: ${empty}\nredirect_from: ${empty}\nnumber: ${empty}\ncity: ${empty}\nupdated: ${empty}\nfront: ${empty}\ndraft: ${empty}`),
    );
    const b = r.bulletin;
    assert.ok(b, `${empty}: ${JSON.stringify(r.problems)}`);
    assert.deepEqual(r.problems, [], empty);
    for (const key of ["author", "video", "audio", "photos", "image", "number", "city", "updated"] as const) assert.equal(b[key], undefined, `${key} with ${empty}`);
    assert.equal(b.section.label, "Nacional");
    assert.deepEqual(b.tags, []);
    assert.deepEqual(b.redirectFrom, []);
    assert.equal(b.featured, false);
    assert.equal(b.draft, false);
    assert.equal(b.url, "/boletines/2024/04/boletin-de-prueba/");
    assert.ok(!JSON.stringify(b).match(/\b(nil|null|undefined|NaN|Invalid Date)\b/), "no absent word reaches the model");
  }
});

test("tags: list with blank entries, comma string, duplicates by slug, trailing spaces", () => {
  const list = normalizeText(fm(`${BASE}\ntags:\n  \n  - "Vacunación "\n  \n  - nil\n  - vacunacion\n  - VACUNACIÓN\n  - Salud mental\n  - 2024`)).bulletin!;
  assert.deepEqual(list.tags, [
    { slug: "vacunacion", label: "Vacunación" },
    { slug: "salud-mental", label: "Salud mental" },
    { slug: "2024", label: "2024" },
  ]);
  const csv = normalizeText(fm(`${BASE}\ntags: "salud, vacunación ,, IMSS"`)).bulletin!;
  assert.deepEqual(csv.tags.map((t) => t.slug), ["salud", "vacunacion", "imss"]);
});

test("sections: identity by slug and the configured default", () => {
  assert.deepEqual(normalizeText(fm(`${BASE}\nsection: nacional`)).bulletin!.section, { slug: "nacional", label: "nacional" });
  assert.deepEqual(normalizeText(fm(`${BASE}\nsection: [Chihuahua]`)).bulletin!.section, { slug: "chihuahua", label: "Chihuahua" });
  assert.equal(normalizeText(fm(BASE)).bulletin!.section.slug, "nacional");
});

test("booleans accept YAML 1.1 spellings", () => {
  assert.equal(normalizeText(fm(`${BASE}\nfront: yes`)).bulletin!.featured, true);
  assert.equal(normalizeText(fm(`${BASE}\nfront: "true"`)).bulletin!.featured, true);
  assert.equal(normalizeText(fm(`${BASE}\nfront: no`)).bulletin!.featured, false);
});

test("slug and permalink", () => {
  assert.equal(normalizeText(fm(`${BASE}\nslug: vacunacion-2024`)).bulletin!.url, "/boletines/2024/04/vacunacion-2024/");
  const p = normalizeText(fm(`${BASE}\npermalink: /especiales/vacunacion`)).bulletin!;
  assert.equal(p.url, "/especiales/vacunacion/");
  assert.equal(p.hasPermalink, true);
  assert.equal(normalizeText(fm(`${BASE}\npermalink: /especiales/v.html`)).bulletin!.url, "/especiales/v.html");
});

test("a title without letters or numbers is an error at the title's line that says what to write", () => {
  const cases: Array<[string, RegExp]> = [
    ['"!!!"', /^El título «!!!» no tiene letras ni números\.$/],
    ['"¡¿?!"', /^El título «¡¿\?!» no tiene letras ni números\.$/],
    ['"🎉🎉 🎊"', /^El título «🎉🎉 🎊» no tiene letras ni números\.$/],
    ['"— · — %%% $$$"', /^El título «— · — %%% \$\$\$» no tiene letras ni números\.$/],
    // Blank once trimmed: a zero-width space and a word joiner are not a title either.
    ['"\u200b \u2060"', /^El título no tiene letras ni números: solo espacios o caracteres invisibles\.$/],
  ];
  for (const [value, message] of cases) {
    const r = normalizeText(fm(`date: 2024-04-09\ndescription: "d"\ntitle: ${value}`), { file: "content/2024/2024-04-09-aviso-importante.md" });
    assert.equal(r.bulletin, undefined, value);
    const errors = r.problems.filter((p) => p.severity === "error");
    assert.equal(errors.length, 1, JSON.stringify(errors));
    const p = errors[0]!;
    assert.equal(p.code, "title-wordless");
    assert.equal(p.file, "content/2024/2024-04-09-aviso-importante.md");
    assert.equal(p.field, "title");
    assert.equal(p.line, 4, "the line of title:");
    assert.match(p.message, message);
    assert.equal(p.hint, 'Escribe el título del boletín con palabras, por ejemplo title: "IMSS inaugura clínica en Mérida".');
  }
  // Symbols and emoji beside words are a title.
  assert.equal(normalizeText(fm('title: "🎉 ¡100%!"\ndate: 2024-04-09\ndescription: "d"')).bulletin?.slug, "100-por-ciento");
});

test("a title only in another alphabet is a title: its address comes from the file's name", () => {
  const b = normalizeText(fm('title: "中文标题"\ndate: 2024-04-09\ndescription: "d"'), { file: "content/2024/2024-04-09-aviso-importante.md" }).bulletin!;
  assert.equal(b.title, "中文标题");
  assert.equal(b.slug, "aviso-importante");
});

test("very long titles give URLs whose segments stay short", () => {
  const title = "Palabra ".repeat(200).trim();
  const b = normalizeText(fm(`title: "${title}"\ndate: 2024-04-09\ndescription: "d"`)).bulletin!;
  for (const segment of b.url.split("/")) assert.ok(Buffer.byteLength(segment) <= 120, segment);
});

test("template syntax in fields is kept literally in the model", () => {
  const b = normalizeText(fm('title: "{{ 7*7 }} y {% raw %}"\ndate: 2024-04-09\ndescription: "${x}"')).bulletin!;
  assert.equal(b.title, "{{ 7*7 }} y {% raw %}");
  assert.equal(b.description, "${x}");
});

test("undated drafts get a preview URL and a warning, not an error", () => {
  const r = normalizeText(fm('title: "Borrador"\ndraft: true'));
  assert.equal(r.bulletin?.url, "/borradores/borrador/");
  assert.equal(r.bulletin?.date, undefined);
});

test("bulletin numbers", () => {
  const table: Array<[string, string | undefined]> = [
    ["171/2024", "171/2024"],
    ["No. 171/2024", "171/2024"],
    ["No.88/2023", "88/2023"],
    ["Núm. 45/2023", "45/2023"],
    ["No. 154 /2022", "154/2022"],
    ["007/2024", "7/2024"],
    ["171", undefined],
    ["171/24", undefined],
    ["abc/2024", undefined],
  ];
  for (const [input, expected] of table) assert.equal(normalizeBulletinNumber(input), expected, input);
  const b = normalizeText(fm(`${BASE}\nnumber: "No. 171 / 2024"\ncity: Ciudad de México\nhighlights:\n  - Uno\n  - nil\n  - Dos`)).bulletin!;
  assert.equal(b.number, "171/2024");
  assert.equal(b.city, "Ciudad de México");
  assert.deepEqual(b.highlights, ["Uno", "Dos"]);
});

test("text after « #» in a value (a hashtag) is reported, never silently lost, with the line that keeps it", () => {
  const r = normalizeText(
    fm(
      [
        "title: Arranca campaña #VacúnateYa en Chihuahua",
        "date: 2024-04-09",
        'description: "Únete" # nota del editor',
        "tags:",
        "  - salud #prevención",
        "  - C# y tema#1",
        "highlights: |",
        "  Un texto # que es texto",
        "# una nota en su propia línea",
        "section: Local",
      ].join("\n"),
    ),
  );
  const b = r.bulletin!;
  assert.ok(b, JSON.stringify(r.problems));
  // YAML's reading is kept (the editor is told, not second-guessed).
  assert.equal(b.title, "Arranca campaña");
  const comments = r.problems.filter((p) => p.code === "yaml-comment");
  assert.deepEqual(
    comments.map((p) => [p.field, p.line, p.column, p.severity]),
    [
      ["title", 2, 24, "warning"],
      ["description", 4, 22, "warning"],
      ["tags", 6, 11, "warning"],
    ],
  );
  assert.match(comments[0]!.message, /«#VacúnateYa en Chihuahua» no se publica/);
  assert.match(comments[0]!.hint!, /escribe la línea entre comillas: title: "Arranca campaña #VacúnateYa en Chihuahua"/);
  // After a quoted value the editor's intent is unclear: no rewritten line.
  assert.doesNotMatch(comments[1]!.hint!, /title:|description:/);
  assert.match(comments[2]!.hint!, /- "salud #prevención"/);
  // The suggested line parses back to the whole text.
  const fixed = normalizeText(fm('title: "Arranca campaña #VacúnateYa en Chihuahua"\ndate: 2024-04-09\ndescription: "d"'));
  assert.equal(fixed.bulletin?.title, "Arranca campaña #VacúnateYa en Chihuahua");
  assert.deepEqual(fixed.problems.filter((p) => p.code === "yaml-comment"), []);
});

test("a title that is only a hashtag is reported as a comment as well as a missing title", () => {
  const r = normalizeText(fm("title: #VacúnateYa\ndate: 2024-04-09\ndescription: \"d\""));
  assert.equal(r.bulletin, undefined);
  assert.ok(r.problems.some((p) => p.code === "yaml-comment" && p.field === "title" && /title: "#VacúnateYa"/.test(p.hint ?? "")));
  assert.ok(r.problems.some((p) => p.severity === "error" && p.field === "title"));
});

test("a date written as a list is one error, not also a missing date", () => {
  const r = normalizeText(fm('title: "T"\ndate: [2021-08-19]\ndescription: "d"'));
  const dateProblems = r.problems.filter((p) => p.field === "date");
  assert.deepEqual(dateProblems.map((p) => [p.severity, p.code]), [["error", "field-type"]]);
  assert.match(dateProblems[0]!.message, /«date» debe ser un texto, no una lista/);
});

test("invisible characters no page can carry are said, with where, and published as spaces", () => {
  const r = normalizeText(fm('title: "Salto\\vmanual \\x01"\ndate: 2024-04-09\ndescription: "d"\ntags: ["tema\\x03", "bien"]\nhighlights: ["punto\\x05"]') + "Primera línea.\nSegunda con\vsalto y \u0001 y \uFFFE.\n");
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  const warned = r.problems.filter((p) => p.code === "invisible-characters");
  assert.deepEqual(
    warned.map((p) => [p.field, p.line, p.column]),
    [["title", 2, 1], ["tags", 5, 1], ["highlights", 6, 1], [undefined, 11, 12]],
  );
  assert.match(warned[0]!.message, /«title» tiene caracteres invisibles que una página web no admite: U\+000B \(salto de línea manual de Word\), U\+0001\. Se publican como espacios\./);
  assert.match(warned[3]!.message, /El texto tiene 3 caracteres invisibles que una página web no admite, el primero aquí: U\+000B \(salto de línea manual de Word\), U\+0001, U\+FFFE\./);
  assert.equal(r.bulletin.title, "Salto manual");
  assert.deepEqual(r.bulletin.tags.map((t) => t.label), ["tema", "bien"]);
  assert.deepEqual(r.bulletin.highlights, ["punto"]);
  assert.ok(r.bulletin.body.endsWith("Primera línea.\nSegunda con salto y   y  .\n"), JSON.stringify(r.bulletin.body));
});

test("emoji are characters like any other: published as written, with no warning", () => {
  const r = normalizeText(fm('title: "IMSS 🏥 💉 vacuna"\ndate: 2024-04-09\ndescription: "Protégete 💉"\ntags: ["salud 🏥", "bien"]\nhighlights: ["punto 👍🏽"]') + "Texto 🇲🇽.\n");
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  assert.deepEqual(r.problems, []);
  assert.equal(r.bulletin.title, "IMSS 🏥 💉 vacuna");
  assert.equal(r.bulletin.description, "Protégete 💉");
  assert.deepEqual(r.bulletin.highlights, ["punto 👍🏽"]);
});

test("a Jekyll permalink or redirect pattern: an error whose hint is this bulletin's path written out (:title from the file name, as Jekyll)", () => {
  const r = normalizeText(fm('title: "Vacunación en Mérida"\ndate: 2024-04-09\ndescription: "d"\nsection: Local\npermalink: /:categories/:year/:month/:day/:title.html\nredirect_from: /news/:i_month/:slug'), { file: "content/2024/2024-04-09-vacunacion-merida.md" });
  assert.equal(r.bulletin, undefined);
  assert.deepEqual(r.problems.filter((p) => p.severity === "error").map((p) => [p.field, p.hint]), [
    ["permalink", "Escribe permalink: /local/2024/04/09/vacunacion-merida.html"],
    ["redirect_from", "Escribe redirect_from: /news/4/vacunacion-en-merida/"],
  ]);
});

test("Jekyll's published: false keeps a legacy post off the site (a draft); published: true changes nothing", () => {
  const hidden = normalizeText(fm('title: "Oculto"\ndate: 2021-08-19\ndescription: "d"\npublished: false'));
  assert.equal(hidden.bulletin?.draft, true);
  assert.deepEqual(hidden.problems, []);
  assert.equal(normalizeText(fm('title: "Visible"\ndate: 2021-08-19\ndescription: "d"\npublished: true')).bulletin?.draft, false);
  assert.equal(normalizeText(fm('title: "Visible"\ndate: 2021-08-19\ndescription: "d"\npublished: nil')).bulletin?.draft, false);
  const wrong = normalizeText(fm('title: "X"\ndate: 2021-08-19\ndescription: "d"\npublished: quizá'));
  assert.ok(wrong.problems.some((p) => p.severity === "error" && p.field === "published"), JSON.stringify(wrong.problems));
});

test("no date: the file name's, as Jekyll did, said as a warning; an impossible one in the name is still a missing date", () => {
  const named = normalizeText(fm('title: "Legado"\ndescription: "d"'), { file: "content/2021/2021-08-19-legado.md" });
  assert.equal(named.bulletin?.date?.day, "2021-08-19");
  assert.equal(named.bulletin?.url, "/boletines/2021/08/legado/");
  assert.deepEqual(named.problems.map((p) => [p.severity, p.code, p.hint]), [["warning", "date-from-file-name", "Agrega date: 2021-08-19 (y la hora, si se conoce), para que la fecha no dependa del nombre del archivo."]]);
  // A draft waits for its date to be written, whatever its file is called.
  const draft = normalizeText(fm('title: "Legado"\ndraft: true'), { file: "content/2021/2021-08-19-legado.md" });
  assert.equal(draft.bulletin?.date, undefined);
  assert.deepEqual(draft.problems.map((p) => p.code), ["draft-undated"]);
  const impossible = normalizeText(fm('title: "Legado"\ndescription: "d"'), { file: "content/2021/2021-02-30-legado.md" });
  assert.ok(impossible.problems.some((p) => p.code === "date-missing"), JSON.stringify(impossible.problems));
});

test("Jekyll's own fields are said with what to do here (sitemap, categories); excerpt/summary mean description", () => {
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"\nsitemap: false\ncategories: [Salud, Chihuahua]\nexcerpt: "Resumen"'));
  const hints = Object.fromEntries(r.problems.map((p) => [p.field, p.hint]));
  assert.match(hints["sitemap"]!, /mapa del sitio/);
  assert.match(hints["categories"]!, /una sola sección por boletín: escribe section:/);
  assert.equal(hints["excerpt"], "¿Quisiste escribir «description:»?");
  assert.ok(r.problems.every((p) => p.severity === "warning" && p.code === "field-unknown"), JSON.stringify(r.problems));
});

test("Jekyll's redirect_to: the file forwards its addresses (an http(s) address or a site path), with nothing of a page to check", () => {
  const legacy = 'layout: post\ntitle: "Se trasladó"\ndate: 2021-08-19T18:08:00.000-06:00\nredirect_from: /news/190812';
  const out = normalizeText(fm(`${legacy}\nredirect_to: https://www.gob.mx/imss/prensa/190?a=1&b=2`, ""));
  assert.equal(out.bulletin?.redirectTo, "https://www.gob.mx/imss/prensa/190?a=1&b=2");
  // No description, no text, no links: nothing to say about a page that is not made.
  assert.deepEqual(out.problems, []);
  const inside = normalizeText(fm(`${legacy}\nredirect_to:\n  - /boletines/2024/03/otro`, "[x](javascript:y)\n"));
  assert.equal(inside.bulletin?.redirectTo, "/boletines/2024/03/otro/", "a list of one is that address, in canonical form");
  // Its text is not checked as a page's would be, but that it is not published is said.
  assert.deepEqual(inside.problems.map((p) => [p.code, p.field, p.severity]), [["forward-body-unused", "redirect_to", "warning"]]);
  assert.match(inside.problems[0]!.message, /no se publica: redirect_to lleva sus direcciones a \/boletines\/2024\/03\/otro\//);
  assert.equal(normalizeText(fm(`${legacy}\nredirect_to: nil`)).bulletin?.redirectTo, undefined);
  // A full address of the site itself is its path (so it is checked, and a loop is caught); with a query it is an address.
  assert.equal(normalizeText(fm(`${legacy}\nredirect_to: http://www.imss.gob.mx/boletines/2024/03/otro`)).bulletin?.redirectTo, "/boletines/2024/03/otro/");
  assert.equal(normalizeText(fm(`${legacy}\nredirect_to: https://www.imss.gob.mx/prensa?id=3`)).bulletin?.redirectTo, "https://www.imss.gob.mx/prensa?id=3");
  const loop = normalizeText(fm(`${legacy}\nredirect_to: https://www.imss.gob.mx/news/190812/`));
  assert.deepEqual(loop.problems.filter((p) => p.severity === "error").map((p) => p.code), ["redirect-invalid"]);
});

test("a text field keeps what the editor wrote: YAML numbers, booleans and null-like words are not rewritten", () => {
  const kept: Array<[string, string]> = [
    ["1.50", "1.50"],
    ["007", "007"],
    ["1e3", "1e3"],
    ["0x1A", "0x1A"],
    [".5", ".5"],
    ["no", "no"],
    ["yes", "yes"],
    ["True", "True"],
    ["FALSE", "FALSE"],
    ["off", "off"],
    [".inf", ".inf"],
    [".NaN", ".NaN"],
    ["+12", "+12"],
    ["0o17", "0o17"],
  ];
  for (const [written, text] of kept) {
    const r = normalizeText(fm(`title: ${written}\ndate: 2024-04-09\ndescription: ${written}\nauthor: ${written}\ncity: ${written}\nalt: ${written}\ntags: [${written}, b]\nhighlights:\n  - ${written}`));
    const b = r.bulletin;
    assert.ok(b, `${written}: ${JSON.stringify(r.problems)}`);
    assert.equal(b.title, text, `title: ${written}`);
    assert.equal(b.description, text, `description: ${written}`);
    assert.equal(b.author, text, `author: ${written}`);
    assert.equal(b.city, text, `city: ${written}`);
    assert.deepEqual(b.highlights, [text], `highlights: ${written}`);
    assert.equal(b.tags[0]!.label, text, `tags: ${written}`);
  }
  // The legacy words for «no value» still mean it (nil, ~, null, in any case), and are said when the title is missing.
  for (const empty of ["nil", "~", "null", "Null", "NULL"]) {
    const r = normalizeText(fm(`title: ${empty}\ndate: 2024-04-09\ndescription: d\nauthor: ${empty}`));
    assert.deepEqual(r.problems.map((p) => p.code), ["title-missing"], empty);
  }
  // Flags still read true/false in their YAML 1.1 spellings and cases.
  assert.equal(normalizeText(fm(`${BASE}\nfront: True\ndraft: NO`)).bulletin!.featured, true);
  assert.equal(normalizeText(fm(`${BASE}\nfront: True\ndraft: NO`)).bulletin!.draft, false);
  // A number field keeps its zeros to be read as written.
  assert.equal(normalizeText(fm(`${BASE}\nnumber: 007/2024`)).bulletin!.number, "7/2024");
});

test("an unknown key that differs from a field by case, accents or a slip of the keyboard suggests that field", () => {
  const cases: Array<[string, string]> = [
    ["Title", "title"],
    ["Date", "date"],
    ["Tags", "tags"],
    ["TÍTULO", "title"],
    ["Descripción", "description"],
    ["Redirect-From", "redirect_from"],
    ["redirectfrom", "redirect_from"],
    ["tittle", "title"],
    ["descripton", "description"],
    ["secion", "section"],
    ["Fecha", "date"],
    ["highlight", "highlights"],
  ];
  for (const [key, meant] of cases) {
    const r = normalizeText(fm(`${BASE}\n${key}: x`));
    const p = r.problems.find((q) => q.code === "field-unknown");
    assert.ok(p, key);
    assert.equal(p.field, key);
    assert.match(p.hint!, new RegExp(`^¿Quisiste escribir «${meant}:»\\?`), key);
  }
  assert.match(normalizeText(fm(`${BASE}\nTitle: x`)).problems[0]!.hint!, /van en minúsculas/);
  // Jekyll's own fields keep their advice in any case; a key like no field gets the list of fields.
  assert.match(normalizeText(fm(`${BASE}\nCategories: [a]`)).problems[0]!.hint!, /una sola sección por boletín/);
  assert.match(normalizeText(fm(`${BASE}\nzzz: x`)).problems[0]!.hint!, /^Campos válidos: title, date/);
  assert.match(normalizeText(fm(`${BASE}\nconstructor: x`)).problems[0]!.hint!, /^Campos válidos/);
});

test("a link written <https://…> is the address inside; a «>» or «<» at one end only is kept and said, never cut", () => {
  const link = (v: string) => normalizeText(fm(`${BASE}\nvideo: "${v}"`));
  assert.equal(link("<https://youtu.be/abc>").bulletin!.video, "https://youtu.be/abc");
  assert.deepEqual(link("<https://youtu.be/abc>").problems, []);
  const trailing = link("https://youtu.be/abc>");
  assert.equal(trailing.bulletin!.video, "https://youtu.be/abc>", "the «>» is not cut silently");
  assert.deepEqual(trailing.problems.map((p) => [p.code, p.field, p.severity]), [["link-angle", "video", "warning"]]);
  assert.match(trailing.problems[0]!.hint!, /quítala: video: https:\/\/youtu\.be\/abc;/);
  const leading = link("<https://youtu.be/abc");
  assert.equal(leading.bulletin, undefined);
  assert.deepEqual(leading.problems.map((p) => p.code), ["link-invalid"]);
  assert.match(leading.problems[0]!.hint!, /Cierra la dirección con «>» o quita «<»: video: https:\/\/youtu\.be\/abc$/);
  // redirect_to: the same rule (a lone «>» is part of the path, and refused there).
  assert.equal(normalizeText(fm(`${BASE}\nredirect_to: <https://www.gob.mx/imss>`)).bulletin!.redirectTo, "https://www.gob.mx/imss");
  assert.deepEqual(normalizeText(fm(`${BASE}\nredirect_to: /boletines/2024/03/otro/>`)).problems.map((p) => p.code), ["redirect-invalid"]);
});

test("a picture not found in public/ names the file it most likely meant: /public/ written in, other capitals, .jpeg for .jpg", () => {
  const hintFor = (image: string, images: string[]) => {
    const r = normalizeText(fm(`title: "Foto"\ndate: 2024-04-09\ndescription: "d"\nalt: "Una foto"\nimage: ${image}`), { images });
    return r.problems.find((p) => p.code === "image-missing")?.hint;
  };
  assert.equal(hintFor("/public/uploads/2024/foto.jpg", ["/uploads/2024/foto.jpg"]), "Quita /public del principio: image: /uploads/2024/foto.jpg (lo que está en public/ se publica desde la raíz del sitio).");
  assert.equal(hintFor("/uploads/2024/Foto.JPG", ["/uploads/2024/foto.jpg"]), "¿Quisiste decir image: /uploads/2024/foto.jpg? Las rutas distinguen mayúsculas y minúsculas, y .jpg de .jpeg.");
  assert.match(hintFor("/uploads/2024/IMG_01.jpg", ["/uploads/2024/IMG_01.JPG"])!, /image: \/uploads\/2024\/IMG_01\.JPG\?/);
  assert.match(hintFor("/uploads/2024/foto.jpg", ["/uploads/2024/foto.jpeg"])!, /image: \/uploads\/2024\/foto\.jpeg\?/);
  assert.equal(hintFor("/uploads/2024/otra.jpg", ["/uploads/2024/foto.jpg"]), "Copia el archivo a public/uploads/2024/otra.jpg o corrige la ruta.");
  assert.equal(hintFor("/public/uploads/2024/otra.jpg", []), "Copia el archivo a public/uploads/2024/otra.jpg y escribe image: /uploads/2024/otra.jpg, sin /public (lo que está en public/ se publica desde la raíz del sitio).");
});

test("a title longer than any real one (a pasted paragraph) is a warning with its length, its first sentence and where the rest goes; real titles say nothing", () => {
  const paragraph =
    "El Instituto Mexicano del Seguro Social (IMSS) en Yucatán informa que a partir del lunes 15 de abril amplía el horario de atención en sus Unidades de Medicina Familiar. La medida busca acercar los servicios de salud a las personas trabajadoras que no pueden acudir por la mañana, y se suma a las jornadas de fin de semana.";
  const r = normalizeText(fm(`title: "${paragraph}"\ndate: 2024-04-09`));
  assert.ok(r.bulletin, "a warning: the bulletin is published as written");
  assert.equal(r.bulletin.title, paragraph);
  const long = r.problems.filter((p) => p.code === "title-too-long");
  assert.deepEqual(long.map((p) => [p.severity, p.field, p.line, p.column]), [["warning", "title", 2, 1]]);
  assert.equal(long[0]!.message, "El título tiene 322 caracteres: parece un párrafo, y se publica entero como el encabezado de la página, en las tarjetas, en los feeds y en la pestaña del navegador.");
  assert.equal(
    long[0]!.hint,
    'Deja en title solo el titular (los del IMSS caben en unos 160 caracteres) y pasa el resto a description (el resumen que acompaña al título en las tarjetas y en los buscadores). La primera oración podría ser el título: title: "El Instituto Mexicano del Seguro Social (IMSS) en Yucatán informa que a partir del lunes 15 de abril amplía el horario de atención en sus Unidades de Medicina Familiar"',
  );
  // With a description already, and without a sentence that could be the title; counted in characters, not bytes.
  const words = normalizeText(fm(`title: "${"Atención médica en clínicas del IMSS ".repeat(8).trim()}"\ndate: 2024-04-09\ndescription: "Resumen"`)).problems.filter((p) => p.code === "title-too-long");
  assert.match(words[0]!.message, /^El título tiene 295 caracteres: parece un párrafo/);
  assert.match(words[0]!.hint!, /pasa el resto a description o al texto del boletín\.$/);
  // The longest titles of the seeds and content/, and one of 250 characters (the limit) say nothing.
  for (const title of [
    "IMSS-Bienestar se fortalece con La Clínica es Nuestra, contratación de médicos y Sistema de Abasto Institucional",
    "IMSS fortalece recuperación de sus servicios médicos ante reducción de casos y hospitalizaciones por COVID-19",
    "Ñ".repeat(250),
  ]) {
    assert.deepEqual(normalizeText(fm(`title: "${title}"\ndate: 2024-04-09\ndescription: "d"`)).problems, [], title);
  }
});

test("a problem about one item of a list names the item's line and column: block and flow lists, the item not the key, never a later field; else the field's line", () => {
  const r = normalizeText(
    fm(
      [
        'title: "Tags"',
        "date: 2024-04-09",
        'description: "d"',
        "section: CHIHUAHUA",
        "tags:",
        "  - salud",
        "",
        "  - SALUD MENTAL   ",
        '  - "!!"',
        "  - \"NUTRICI\\u00d3N\"",
        "redirect_from: [/news/190812, /noticias/ ver]",
        "photos: https://example.org/SALUD",
      ].join("\n"),
    ),
  );
  // The invalid redirect is an error: the file is read as far as it could be.
  const read = r.partial;
  assert.ok(read, JSON.stringify(r.problems));
  // Line 1 is the opening ---: section is line 5, tags line 6.
  assert.deepEqual(read.shouted, [
    { field: "section", label: "CHIHUAHUA", line: 5, column: 10 },
    { field: "tags", label: "SALUD MENTAL", line: 9, column: 5 },
    // Written with an escape: not found as the label reads, so its field's line.
    { field: "tags", label: "NUTRICIÓN", line: 6, column: 1 },
  ]);
  const at = (code: string) => r.problems.filter((p) => p.code === code).map((p) => [p.field, p.line, p.column]);
  assert.deepEqual(at("tag-empty-slug"), [["tags", 10, 6]]);
  assert.deepEqual(at("redirect-invalid"), [["redirect_from", 12, 31]]);
});
