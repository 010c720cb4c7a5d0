import assert from "node:assert/strict";
import { test } from "node:test";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { bodyPosition, findBrokenReferences } from "../../src/model/body-references.ts";
import { findKramdownAttributes, findLiquid, holdsLiquid } from "../../src/model/jekyll.ts";
import { redirectsOf, type PathClaim } from "../../src/model/corpus.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { fm, normalizeText } from "./helpers.ts";

function bulletin(file: string, fields: string, body = "Texto.\n"): Bulletin {
  const r = normalizeText(fm(`description: "d"\n${fields}`, body), { file });
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  return r.bulletin;
}

test("what a page will not carry is said where it was written: dropped images and links, lost elements, images without alt", () => {
  const body = [
    "Primer párrafo.",
    "",
    "Ver ![](/uploads/2024/a.jpg) y ![remota](https://otro.example/x.jpg), [clic](javascript:alert(1)).",
    "",
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
  ].join("\n");
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.ok(r.bulletin);
  // fm() starts the body on line 7 (---, 3 fields, ---, a blank line): the third body line is 9.
  const got = r.problems.map((p) => [p.code, p.line, p.column]);
  assert.deepEqual(got, [
    ["body-image-alt-missing", 9, 5],
    ["body-image-dropped", 9, 32],
    ["body-link-dropped", 9, 71],
    ["body-html-dropped", 11, 1],
  ]);
  assert.ok(r.problems.every((p) => p.severity === "warning" && p.file === "content/2024/t.md"));
  assert.match(r.problems[1]!.message, /otro sitio/);
  assert.match(r.problems[3]!.message, /<iframe>/);
  assert.match(r.problems[3]!.hint!, /video:/);
  // Only the path of this site is kept for the site-wide check.
  assert.deepEqual(r.bulletin.references, [{ kind: "image", path: "/uploads/2024/a.jpg", written: "/uploads/2024/a.jpg", line: 9, column: 5 }]);
});

test("a body of prose has no references field at all", () => {
  assert.equal(bulletin("content/a.md", 'title: "A"\ndate: 2024-04-09').references, undefined);
});

test("bodyPosition counts lines from the body's first line", () => {
  assert.deepEqual(bodyPosition("ab\ncd\nef", 10, 0), { line: 10, column: 1 });
  assert.deepEqual(bodyPosition("ab\ncd\nef", 10, 4), { line: 11, column: 2 });
  assert.deepEqual(bodyPosition("ab\ncd\nef", 10, 6), { line: 12, column: 1 });
});

const generated = (paths: string[], extra: PathClaim[] = []): PathClaim[] => [...paths.map((p) => ({ path: p, kind: "generated" as const })), ...extra];

test("links and pictures to paths the build writes pass; the rest are warnings at their place", () => {
  const target = bulletin("content/2024/destino.md", 'title: "Destino"\ndate: 2024-03-01\nredirect_from: /news/190812');
  const body = [
    "[página](/boletines/2024/03/destino/) [sin barra](/boletines/2024/03/destino) [index](/boletines/2024/03/destino/index.html)",
    "[anterior](/news/190812) [tema](/temas/salud/#x) [búsqueda](/pagefind/pagefind.js) [acento](/uploads/vacunaci%C3%B3n.pdf)",
    "[roto](/boletines/2099/01/nada/) [mayúsculas](/Temas/Salud/) ![falta](/uploads/no-existe.jpg) [relativo](../../03/otro/)",
  ].join("\n");
  const source = bulletin("content/2024/origen.md", 'title: "Origen"\ndate: 2024-04-09', body);
  const claims = generated(["/temas/salud/", "/uploads/vacunación.pdf"], [{ path: "/pagefind/", kind: "generated", holdsFolder: "whole" }, { path: "/nginx/", kind: "generated", holdsFolder: "pages" }]);
  const problems = findBrokenReferences([target, source], [target, source], { claims, redirectsOf });
  assert.deepEqual(
    problems.map((p) => [p.code, p.line, p.column]),
    [
      ["body-link-broken", 9, 1],
      ["body-link-broken", 9, 34],
      ["body-image-missing", 9, 62],
      ["body-link-broken", 9, 95],
    ],
  );
  assert.ok(problems.every((p) => p.file === "content/2024/origen.md" && p.severity === "warning"));
  assert.match(problems[1]!.hint!, /¿Quisiste decir \/temas\/salud\/\?/);
  assert.match(problems[2]!.hint!, /public\/uploads\/no-existe\.jpg/);
  // A relative link names the path it resolved to.
  assert.match(problems[3]!.message, /\.\.\/\.\.\/03\/otro\/ \(\/boletines\/2024\/03\/otro\/\)/);
});

test("a picture written with /public/ in its path: the hint names the address it meant", () => {
  const source = bulletin("content/2024/origen.md", 'title: "Origen"\ndate: 2024-04-09', "![Foto](/public/uploads/2024/foto.jpg)\n\n![Otra](/public/uploads/2024/otra.jpg)\n");
  const claims = generated(["/uploads/2024/foto.jpg"], []);
  const problems = findBrokenReferences([source], [source], { claims, redirectsOf });
  assert.deepEqual(problems.map((p) => p.code), ["body-image-missing", "body-image-missing"]);
  assert.equal(problems[0]!.hint, "Quita /public del principio: /uploads/2024/foto.jpg (lo que está en public/ se publica desde la raíz del sitio).");
  assert.equal(problems[1]!.hint, "Copia el archivo a public/uploads/2024/otra.jpg y escribe /uploads/2024/otra.jpg, sin /public (lo que está en public/ se publica desde la raíz del sitio).");
});

test("a link to a draft or an embargoed bulletin: said as such, naming it; nothing when it is published too", () => {
  const draft = bulletin("content/2024/borrador.md", 'title: "Borrador"\ndate: 2024-03-01\ndraft: true');
  const later = bulletin("content/2024/futuro.md", 'title: "Futuro"\ndate: 2099-03-01');
  const source = bulletin("content/2024/origen.md", 'title: "Origen"\ndate: 2024-04-09', "[a](/boletines/2024/03/borrador/) [b](/boletines/2099/03/futuro/)\n");
  const all = [draft, later, source];
  const problems = findBrokenReferences([source], all, { claims: [], redirectsOf });
  assert.deepEqual(problems.map((p) => [p.code, p.otherFile]), [
    ["body-link-unpublished", "content/2024/borrador.md"],
    ["body-link-unpublished", "content/2024/futuro.md"],
  ]);
  assert.match(problems[0]!.message, /«Borrador».*borrador/);
  assert.match(problems[1]!.message, /posterior a hoy/);
  assert.deepEqual(findBrokenReferences(all, all, { claims: [], redirectsOf }), []);
});

test("only published bulletins are checked, and the site's paths are not even listed when no body refers to anything", () => {
  const draft = bulletin("content/2024/b.md", 'title: "B"\ndate: 2024-03-01\ndraft: true', "[x](/nada/)\n");
  const plain = bulletin("content/2024/a.md", 'title: "A"\ndate: 2024-03-01');
  let listed = false;
  const claims = { *[Symbol.iterator]() { listed = true; } };
  assert.deepEqual(findBrokenReferences([plain], [plain, draft], { claims, redirectsOf }), []);
  assert.equal(listed, false);
});

test("a link to a place on the page: fine when a heading or the layout has that anchor, a warning naming the anchors otherwise", () => {
  const body = "## Datos importantes\n\nVer [datos](#datos-importantes), [temas](#temas-del-boletin) y [otro](#datos).\n";
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [["body-link-fragment", 9, 64]]);
  assert.match(r.problems[0]!.message, /El enlace #datos no lleva a ninguna parte de la página \(las anclas de sus títulos: #datos-importantes\)/);
  const none = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', "Ver [x](#arriba).\n"), { file: "content/2024/t.md" });
  assert.match(none.problems[0]!.message, /el texto no tiene títulos/);
});

test("a link to a place on another bulletin's page: checked against that page's anchors, naming them", () => {
  const target = bulletin("content/2024/destino.md", 'title: "Destino"\ndate: 2024-03-01', "## Datos importantes\n\nTexto.\n\n## Cómo vacunarse\n\nMás.\n");
  const plain = bulletin("content/2024/sin-titulos.md", 'title: "Sin títulos"\ndate: 2024-03-02', "Solo texto.\n");
  const source = bulletin(
    "content/2024/origen.md",
    'title: "Origen"\ndate: 2024-04-09',
    "[a](/boletines/2024/03/destino/#datos-importantes) [b](https://www.imss.gob.mx/boletines/2024/03/destino/#c%C3%B3mo-vacunarse) [c](/boletines/2024/03/destino/#datos) [d](../../03/sin-titulos/#arriba) [e](/boletines/2024/03/destino/#compartir) [f](/temas/salud/#x)\n",
  );
  // The full address is one of the site's pages: the site's origin is https://www.imss.gob.mx.
  assert.equal(DEFAULT_SITE.baseUrl, "https://www.imss.gob.mx");
  const claims: PathClaim[] = [{ path: "/temas/salud/", kind: "generated", description: "la página del tema «salud»" }];
  const problems = findBrokenReferences([target, plain, source], [target, plain, source], { claims, redirectsOf });
  assert.deepEqual(
    problems.map((p) => [p.code, p.column, p.otherFile]),
    [
      ["body-link-fragment", source.body.trimStart().indexOf("[c]") + 1, "content/2024/destino.md"],
      ["body-link-fragment", source.body.trimStart().indexOf("[d]") + 1, "content/2024/sin-titulos.md"],
    ],
  );
  assert.match(problems[0]!.message, /El enlace a \/boletines\/2024\/03\/destino\/#datos lleva a «Destino», pero esa página no tiene el ancla #datos \(las anclas de sus títulos: #datos-importantes, #cómo-vacunarse\)/);
  assert.match(problems[1]!.message, /no tiene el ancla #arriba \(el texto no tiene títulos\)/);
});

test("Jekyll's tags in a body: each said where it is (repeats counted), with what to write instead; no second warning for the link made with one", () => {
  assert.deepEqual(findLiquid("a {{ site.baseurl }} b {%- post_url 2021-08-19-x.md -%} c {% include f.html %} {{ page.title }}").map((t) => [t.text, t.postUrl, t.siteAddress]), [
    ["{{ site.baseurl }}", undefined, true],
    ["{%- post_url 2021-08-19-x.md -%}", "2021-08-19-x", undefined],
    ["{% include f.html %}", undefined, undefined],
    ["{{ page.title }}", undefined, undefined],
  ]);
  assert.deepEqual(findLiquid("Sin etiquetas { ni % } aquí."), []);
  assert.equal(findLiquid("{% post_url 2021/2021-08-19-x %}")[0]!.postUrl, "2021-08-19-x");
  assert.ok(holdsLiquid("%7B%7B%20site.baseurl%20%7D%7D/uploads/a.jpg") && holdsLiquid("{% post_url x %}") && !holdsLiquid("/uploads/a.jpg"));

  const target = bulletin("content/2021/2021-08-19-reconoce-imss.md", 'title: "Reconoce IMSS"\ndate: 2021-08-19');
  const body = [
    "Ver [el anterior]({% post_url 2021-08-19-reconoce-imss %}) y [otro]({% post_url 2020-01-01-nada %}).",
    "",
    "![Foto]({{ site.baseurl }}/uploads/a.jpg) {{ site.baseurl }} {% include figura.html %}",
  ].join("\n");
  const r = normalizeText(fm('title: "Origen"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/origen.md" });
  // Per file: the tags that need no other bulletin; the image made with {{ site.baseurl }} is not also "dropped".
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column, /\(2 veces\)/.test(p.message)]), [
    ["body-liquid", 9, 9, true],
    ["body-liquid", 9, 62, false],
  ]);
  assert.match(r.problems[0]!.hint!, /las rutas del sitio empiezan en \//);
  // With the whole site: post_url names its bulletin's address, or says none has that file.
  const source = r.bulletin!;
  const site = findBrokenReferences([target, source], [target, source], { claims: [], redirectsOf });
  assert.deepEqual(site.map((p) => [p.code, p.line, p.column, p.otherFile]), [
    ["body-liquid", 7, 19, "content/2021/2021-08-19-reconoce-imss.md"],
    ["body-liquid", 7, 69, undefined],
  ]);
  assert.match(site[0]!.hint!, /Escribe la dirección del boletín: \/boletines\/2021\/08\/reconoce-imss\//);
  assert.match(site[1]!.hint!, /Ningún boletín tiene el archivo 2020-01-01-nada\.md/);
});

test("kramdown's attribute lists are said once per text, with a count, where the first is", () => {
  assert.deepEqual(findKramdownAttributes('[a](https://x.example/){:target="_blank"} y {: .clase}\n{:target="_blank"}'), [
    { text: '{:target="_blank"}', offset: 23 },
    { text: "{: .clase}", offset: 44 },
    { text: '{:target="_blank"}', offset: 55 },
  ]);
  const body = 'Ver [sitio](https://x.example/){:target="_blank"} y [otro](https://y.example/){:target="_blank"}.\n\nDestacado.\n{: .destacado}\n';
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column, /\(2 veces\)/.test(p.message)]), [
    ["body-kramdown-attributes", 7, 32, true],
    ["body-kramdown-attributes", 10, 1, false],
  ]);
});

test("an image without alternative text: markdown's ![](…) and an <img> without alt are said; <img alt=\"\"> is decorative on purpose", () => {
  const body = '![](/uploads/a.jpg)\n\n<img src="/uploads/b.jpg">\n\n<img src="/uploads/c.jpg" alt="">\n';
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line]), [
    ["body-image-alt-missing", 7],
    ["body-image-alt-missing", 9],
  ]);
});

test("a forward (redirect_to): its addresses are written, its target on this site is checked like a link, at its line", () => {
  const target = bulletin("content/2024/destino.md", 'title: "Destino"\ndate: 2024-03-01');
  const moved = bulletin("content/2021/movido.md", 'title: "Movido"\ndate: 2021-08-19\nredirect_from: /news/1\nredirect_to: /boletines/2024/03/destino/');
  const lost = bulletin("content/2021/perdido.md", 'title: "Perdido"\ndate: 2021-08-20\nredirect_to: /boletines/2024/03/destinp/');
  const away = bulletin("content/2021/fuera.md", 'title: "Fuera"\ndate: 2021-08-21\nredirect_to: https://www.gob.mx/imss');
  const source = bulletin("content/2024/origen.md", 'title: "Origen"\ndate: 2024-04-09', "[a](/news/1) [b](/boletines/2021/08/movido/) [c](/boletines/2021/08/fuera/)\n");
  const all = [target, moved, lost, away, source];
  const problems = findBrokenReferences([target, source], all, { claims: [], redirectsOf, forwards: [moved, lost, away] });
  assert.deepEqual(problems.map((p) => [p.code, p.file, p.line]), [["redirect-broken", "content/2021/perdido.md", 5]]);
  assert.match(problems[0]!.message, /^redirect_to: \/boletines\/2024\/03\/destinp\/ no lleva a ninguna página del sitio/);
  assert.match(problems[0]!.hint!, /dirección completa/);
});

test("text that looks like a tag is said: printed as text when it is no HTML element, Word's markup named, a lost look named", () => {
  const body = ["El programa <IMSS-Bienestar> crece<o:p></o:p>.", "", 'Con <span style="color:red">color</span> y <stong>error</stong>.'].join("\n");
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.ok(r.bulletin);
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [
    ["body-html-dropped", 9, 5],
    ["body-html-as-text", 7, 13],
    ["body-word-markup", 7, 35],
    ["body-html-as-text", 9, 44],
  ]);
  const [span, bienestar, word] = r.problems;
  assert.match(bienestar!.message, /«<IMSS-Bienestar>», que no es una etiqueta de HTML: se publica como texto, tal cual/);
  assert.match(bienestar!.hint!, /\\<IMSS-Bienestar>/);
  assert.match(word!.message, /«<o:p>», marcas de Word/);
  assert.match(span!.message, /<span>, que el sitio no publica: se quita la etiqueta y queda lo que tenga dentro/);
  assert.match(span!.hint!, /negritas/);
  // Written with a backslash, the same text says nothing.
  assert.deepEqual(normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', "El programa \\<IMSS-Bienestar> crece.\n")).problems, []);
});

test("footnotes: a call without its note, a note nobody calls and a note written twice are said where they are written", () => {
  const body = [
    "Texto con nota[^1], otra[^falta] y otra vez[^falta].", // line 7
    "",
    "Escapada \\[^2] y en código `[^3]`: texto a propósito.",
    "",
    "[^1]: La nota.", // line 11
    "[^sobra]: Nadie la llama.",
    "[^1]: Otra vez la 1.",
  ].join("\n");
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [
    ["body-footnote-missing", 7, 25],
    ["body-footnote-unused", 12, 1],
    ["body-footnote-repeated", 13, 1],
  ]);
  assert.ok(r.problems.every((p) => p.severity === "warning" && p.file === "content/2024/t.md"));
  assert.match(r.problems[0]!.message, /\[\^falta\] \(2 veces\).*se publica tal cual/);
  assert.match(r.problems[0]!.hint!, /\[\^falta\]: Texto de la nota/);
  assert.match(r.problems[1]!.message, /\[\^sobra\]/);
  assert.match(r.problems[1]!.hint!, /Escribe \[\^sobra\] en el texto/);
  assert.match(r.problems[2]!.message, /\[\^1\] está escrita 2 veces/);
});

test("footnotes: a body whose calls and notes match says nothing; links to #fn:1 and #fnref:1 are places on the page", () => {
  const body = "Cifra[^1] y [ver la nota](#fn:1).\n\n[^1]: Fuente: IMSS. [Volver](#fnref:1)\n\n[roto](#fn:2) [título](#datos)\n\n## Datos\n";
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [["body-link-fragment", 11, 1]]);
  assert.match(r.problems[0]!.message, /#fn:2.*#datos\)/);
});

test("footnotes: a call inside a link's or an image's text, and an empty note, are said too", () => {
  const body = "Ver [el informe[^1]](https://x.example/) y ![gráfica[^1]](/uploads/a.png).\n\nTexto[^2].\n\n[^1]: Fuente.\n[^2]:\n";
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [
    ["body-footnote-in-link", 7, 16],
    ["body-footnote-unused", 11, 1],
    ["body-footnote-empty", 12, 1],
  ]);
  assert.match(r.problems[0]!.message, /\[\^1\] \(2 veces\) está dentro del texto de un enlace/);
});

test("footnotes: a label a note cannot take (a space, none at all) is said once, where first written, with the label it can take", () => {
  const body = [
    "Cifras preliminares[^nota 1] y otra vez[^nota 1].", // line 7
    "",
    "Sin nombre[^] aquí; en código `[^a b]` y escrito \\[^c d] a propósito.",
    "",
    "[^nota 1]: Fuente: IMSS, 2024.",
    "[^]: Otra fuente.",
  ].join("\n");
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column, p.severity]), [
    ["body-footnote-label", 7, 20, "warning"],
    ["body-footnote-label", 9, 11, "warning"],
  ]);
  assert.equal(r.problems[0]!.message, "«[^nota 1]» no es una nota al pie: el nombre de una nota no puede tener espacios. Se publica tal cual, con sus corchetes (3 veces).");
  assert.equal(r.problems[0]!.hint, "Escribe el nombre sin espacios, igual en la llamada y en la nota: [^nota-1] en el texto y [^nota-1]: … al final.");
  assert.match(r.problems[1]!.message, /^«\[\^\]» no es una nota al pie: le falta el nombre\./);
  assert.match(r.problems[1]!.hint!, /\[\^1\] en el texto y \[\^1\]: … al final/);
  // A tab or a no-break space is a space too.
  assert.match(normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', "Dato[^nota\u00a02].\n\n[^nota\u00a02]: Fuente.\n")).problems[0]!.hint!, /\[\^nota-2\]/);
});

test("footnotes: a note of one word or an address with such a label is taken for a link's definition: said, with the link its calls become", () => {
  const body = "Dato[^nota 1] del Instituto.\n\n[^nota 1]: IMSS\n";
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  const label = r.problems.filter((p) => p.code === "body-footnote-label");
  assert.deepEqual(label.map((p) => [p.line, p.column]), [[7, 5]]);
  assert.equal(label[0]!.message, "«[^nota 1]» no es una nota al pie: el nombre de una nota no puede tener espacios. La nota «[^nota 1]: IMSS» se toma por la dirección de un enlace: no se publica, y cada llamada [^nota 1] se publica como un enlace a «IMSS».");
});

test("footnotes: a paragraph after a note that is not indented by four spaces is said: it is printed in the text, not as the note's", () => {
  const head = 'title: "T"\ndate: 2024-04-09\ndescription: "d"';
  const codes = (body: string) => normalizeText(fm(head, body), { file: "content/2024/t.md" }).problems.map((p) => [p.code, p.line, p.column]);
  // Among the notes at the end, not indented: most likely the note's second paragraph.
  const r = normalizeText(fm(head, "Texto[^1] y más[^2].\n\n[^1]: Primer párrafo de la nota.\n\nSegundo párrafo, sin sangría.\n\n[^2]: Otra nota.\n"), { file: "content/2024/t.md" });
  assert.deepEqual(r.problems.map((p) => [p.code, p.line, p.column]), [["body-footnote-paragraph", 11, 1]]);
  assert.equal(r.problems[0]!.message, "El párrafo «Segundo párrafo, sin sangría.» va después de la nota [^1], sin sangría: no es parte de la nota, y se publica en el texto del boletín, antes de las notas.");
  assert.equal(r.problems[0]!.hint, "Si es otro párrafo de la nota, escríbelo con cuatro espacios al principio de cada renglón; si es texto del boletín, escríbelo antes de las notas (la página las pone siempre al final).");
  // Indented by one to three spaces: meant as the note's, wherever it is.
  const shallow = normalizeText(fm(head, "Texto[^1].\n\n[^1]: Nota.\n\n  Segundo párrafo.\n\n## Más\n\nTexto.\n"));
  assert.deepEqual(shallow.problems.map((p) => [p.code, p.line]), [["body-footnote-paragraph", 11]]);
  assert.match(shallow.problems[0]!.message, /con 2 espacios de sangría \(una nota sigue solo con cuatro\)/);
  // A list after the last note.
  assert.deepEqual(codes("Texto[^1].\n\n[^1]: Fuentes:\n\n- IMSS\n- INEGI\n"), [["body-footnote-paragraph", 11, 1]]);
  // Indented by four spaces or a tab: the note's (nothing to say); text that goes on with a heading or calls a note: the body's.
  assert.deepEqual(codes("Texto[^1].\n\n[^1]: Nota.\n\n    Segundo párrafo.\n\n\tTercero.\n"), []);
  assert.deepEqual(codes("Uno[^1].\n\n[^1]: Nota uno.\n\nDos[^2].\n\n[^2]: Nota dos.\n\n## Contacto\n\nTexto.\n"), []);
  assert.deepEqual(codes("Texto[^1].\n\n```\n[^1]: en código\n\nno es nota\n```\n\n[^1]: Nota.\n"), []);
});

test("paragraphs indented by a tab or four spaces (read as code, printed unwrapped) are said once, where the first is; fenced code and list continuations are not", () => {
  const body = ["Primer párrafo.", "", "\tSegundo párrafo, pegado desde Word con un tabulador.", "", "Otro pegado al margen.", "", "    Tercero, con cuatro espacios.", "", "```", "código a propósito", "```", "", "- Uno", "", "    sigue el mismo punto."].join("\n");
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.ok(r.bulletin);
  const indented = r.problems.filter((p) => p.code === "body-indented");
  assert.deepEqual(indented.map((p) => [p.line, p.severity]), [[9, "warning"]]);
  assert.match(indented[0]!.message, /^2 párrafos empiezan con sangría .*como código/);
  assert.deepEqual(normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', "Un párrafo.\n\n```\n  código\n```\n")).problems, []);
});
