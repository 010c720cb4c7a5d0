import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { headingIds, renderMarkdown, renderMarkdownAndTextReference } from "../../src/render/markdown.ts";
import { findBodyReferences } from "../../src/render/references.ts";

const PAGE = { url: "/boletines/2024/04/vacunacion/", siteOrigin: "https://www.imss.gob.mx" };

test("links and images: where each leads, resolved against the page, in the order written", () => {
  const body = [
    "Ver [el boletín](/boletines/2024/03/otro/) y [el anterior](../../03/previo/#datos), [aquí](#arriba) y [correo](mailto:prensa@imss.gob.mx).",
    "",
    "![Foto de la jornada](/uploads/2024/foto.jpg \"Jornada\") ![](foto.jpg) ![remota](https://otro.example/x.jpg)",
    "",
    "[externo](https://www.imss.gob.mx/derechoh) [sin protocolo](//otro.example/) [código](javascript:alert(1)) [ref][def]",
    "",
    "[def]: /temas/salud/?pagina=2",
    "",
    "[completa](https://www.imss.gob.mx/boletines/2024/03/otro/) [http](http://WWW.IMSS.gob.mx/temas/salud/#x) [otro host](https://otro.example/boletines/x/) [otro puerto](https://www.imss.gob.mx:8443/boletines/x/)",
  ].join("\n");
  const found = findBodyReferences(body, PAGE);
  assert.deepEqual(
    found.references.map((r) => [r.kind, r.address, r.fate.kind === "site" ? r.fate.path : r.fate.kind === "dropped" ? `dropped:${r.fate.reason}` : "elsewhere"]),
    [
      ["link", "/boletines/2024/03/otro/", "/boletines/2024/03/otro/"],
      ["link", "../../03/previo/#datos", "/boletines/2024/03/previo/"],
      ["link", "#arriba", "elsewhere"],
      ["link", "mailto:prensa@imss.gob.mx", "elsewhere"],
      ["image", "/uploads/2024/foto.jpg", "/uploads/2024/foto.jpg"],
      ["image", "foto.jpg", "dropped:relative"],
      ["image", "https://otro.example/x.jpg", "dropped:other-site"],
      ["link", "https://www.imss.gob.mx/derechoh", "elsewhere"],
      ["link", "//otro.example/", "dropped:protocol-relative"],
      ["link", "javascript:alert(1)", "dropped:scheme"],
      ["link", "/temas/salud/?pagina=2", "/temas/salud/"],
      // A full address into the site's own folders is one of its pages; elsewhere on the portal, or another host, it is not checked.
      ["link", "https://www.imss.gob.mx/boletines/2024/03/otro/", "/boletines/2024/03/otro/"],
      ["link", "http://WWW.IMSS.gob.mx/temas/salud/#x", "/temas/salud/"],
      ["link", "https://otro.example/boletines/x/", "elsewhere"],
      ["link", "https://www.imss.gob.mx:8443/boletines/x/", "elsewhere"],
    ],
  );
  // Offsets point at what was written: the image with an empty alt on line 3, after the first image.
  const empty = found.references[5]!;
  assert.equal(body.slice(empty.offset!, empty.offset! + 12), "![](foto.jpg");
  assert.equal(found.references[4]!.alt, "Foto de la jornada");
  assert.equal(found.references[5]!.alt, "");
});

test("raw HTML: <a href>, <img src> and the elements the page loses, counted, with entities decoded", () => {
  const body = [
    "Texto con <a href=\"/temas/salud/?a=1&amp;b=2\">un enlace</a> y <IMG SRC=\"/uploads/a.png\">.",
    "",
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    "",
    '<div><iframe src="https://www.youtube.com/embed/y"></iframe><script>alert(1)</script></div>',
    "",
    "`<iframe>` en código no cuenta, ni [esto](/en/codigo/) dentro de un bloque:",
    "",
    "    [x](/tampoco/)",
  ].join("\n");
  const found = findBodyReferences(body, PAGE);
  assert.deepEqual(found.references.map((r) => [r.kind, r.address, r.alt]), [
    ["link", "/temas/salud/?a=1&b=2", undefined],
    ["image", "/uploads/a.png", undefined],
    ["link", "/en/codigo/", undefined],
  ]);
  // The <div> loses its tags and keeps what is inside: said too (its look is gone).
  assert.deepEqual(found.dropped.map((d) => [d.tag, d.withContent, d.count, body.slice(d.offset!, d.offset! + 7)]), [
    ["iframe", true, 2, "<iframe"],
    ["div", false, 1, "<div><i"],
    ["script", true, 1, "<script"],
  ]);
  // A video goes, its fallback text stays; a <picture> keeps its <img>, which is checked like any other.
  const media = findBodyReferences('<video src="/v.mp4">Texto alterno</video>\n\n<picture><source srcset="/a.avif"><img src="/uploads/a.jpg" alt="A"></picture>', PAGE);
  assert.deepEqual(media.dropped.map((d) => [d.tag, d.withContent, d.count]), [["video", false, 1], ["source", false, 1]]);
  assert.deepEqual(media.references.map((r) => r.address), ["/uploads/a.jpg"]);
  const html = renderMarkdown('<video src="/v.mp4">Texto alterno</video>\n\n<picture><source srcset="/a.avif"><img src="/uploads/a.jpg" alt="A"></picture>');
  assert.match(html, /Texto alterno/);
  assert.match(html, /<img src="\/uploads\/a\.jpg"/);
  assert.doesNotMatch(html, /<video|<source/);
  // What the message says of a frame: it goes with what is inside.
  assert.doesNotMatch(renderMarkdown('<iframe src="https://x.example/">dentro</iframe>\n\nTexto.'), /dentro|iframe/);
});

test("an image's alternative text is text: a link or a tag written there is neither", () => {
  const found = findBodyReferences("![Ver [esto](/x/) <iframe>](/uploads/a.jpg)\n\n- ![]( )", PAGE);
  assert.deepEqual(found.references.map((r) => [r.kind, r.address, r.fate.kind]), [
    ["image", "/uploads/a.jpg", "site"],
    ["image", "", "dropped"],
  ]);
  assert.deepEqual(found.dropped, []);
});

test("a body without ](, ]: or < is not lexed at all, and has nothing", () => {
  assert.deepEqual(findBodyReferences("Párrafo con [corchetes] y *énfasis*.\n\nOtro: 5 > 3.", PAGE), { references: [], dropped: [], asText: [] });
});

test("text written like a tag that is no HTML element, and Word's markup: found where written, counted by name, printed as text", () => {
  const body = [
    "El programa <IMSS-Bienestar> y <Nombre del paciente>, con un <stong>error</stong> y </cierra>.",
    "",
    "<div>",
    "<IMSS-Bienestar> otra vez, y <span>un span</span>",
    "</div>",
    "",
    "Pegado de Word<o:p></o:p> en <st1:place w:st=\"on\">Mérida</st1:place><o:p></o:p>.",
    "",
    "Escrito como texto: \\<IMSS-Bienestar>, y en código `<o:p>` o `<Nombre>`.",
  ].join("\n");
  const found = findBodyReferences(body, PAGE);
  assert.deepEqual(found.asText.map((t) => [t.name, t.written, t.namespaced, t.count, body.slice(t.offset!, t.offset! + t.written.length)]), [
    ["imss-bienestar", "<IMSS-Bienestar>", false, 2, "<IMSS-Bienestar>"],
    ["nombre", "<Nombre del paciente>", false, 1, "<Nombre del paciente>"],
    ["stong", "<stong>", false, 1, "<stong>"],
    ["cierra", "</cierra>", false, 1, "</cierra>"],
    ["o:p", "<o:p>", true, 2, "<o:p>"],
    ["st1:place", '<st1:place w:st="on">', true, 1, '<st1:place w:st="on">'],
  ]);
  assert.deepEqual(found.dropped.map((d) => [d.tag, d.count]), [["div", 1], ["span", 1]]);
  // The page prints each as the text it is; nothing written vanishes.
  const html = renderMarkdown(body);
  for (const text of ["&lt;IMSS-Bienestar&gt; y &lt;Nombre del paciente&gt;", "&lt;stong&gt;error&lt;/stong&gt;", "&lt;/cierra&gt;", "&lt;IMSS-Bienestar&gt; otra vez, y un span", "&lt;o:p&gt;&lt;/o:p&gt;", "Escrito como texto: &lt;IMSS-Bienestar&gt;"]) {
    assert.ok(html.includes(text), `${text} in ${html}`);
  }
  assert.doesNotMatch(html, /<span|<div|<stong|<imss/i);
});

test("a reference is kept exactly when the page prints it (same policy as the renderer, on generated addresses)", () => {
  const piece = fc.constantFrom("/", "//", "\\", ".", "..", ":", "#", "?", "%", "%C3%B3", "ó", "&amp;", "&", " ", "\t", "a", "Z", "uploads", "x.jpg", "http", "https", "mailto", "tel", "javascript", "data", "JaVaScRiPt", "www.", "<!--c-->", '"', "'");
  const address = fc.array(piece, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(""));
  const forms = fc.constantFrom<[string, (a: string) => string]>(
    ["link", (a) => `[texto](<${a.replace(/[<>\n]/g, "")}>)`],
    ["image", (a) => `![alt](<${a.replace(/[<>\n]/g, "")}>)`],
    ["link", (a) => `<a href="${a.replace(/"/g, "&quot;")}">texto</a>`],
    ["image", (a) => `<img src="${a.replace(/"/g, "&quot;")}" alt="alt">`],
    // The same inside a list, a quote, a table, and as a reference link (the whole lexer's way).
    ["link", (a) => `\n\n- uno\n- [texto](<${a.replace(/[<>\n]/g, "")}>)`],
    ["image", (a) => `\n\n> cita ![alt](<${a.replace(/[<>\n]/g, "")}>)`],
    ["link", (a) => `\n\n| a |\n|---|\n| [t](<${a.replace(/[<>\n|]/g, "")}>) |`],
    ["link", (a) => `[texto][r]\n\n[r]: <${a.replace(/[<>\n]/g, "")}>`],
  );
  fc.assert(
    fc.property(address, forms, (a, [kind, make]) => {
      const body = `Párrafo: ${make(a)}\n`;
      const found = findBodyReferences(body, PAGE).references;
      const html = renderMarkdown(body);
      const printed = kind === "link" ? (html.match(/ href="/g) ?? []).length : (html.match(/<img /g) ?? []).length;
      const kept = found.filter((r) => r.kind === kind && r.fate.kind !== "dropped").length;
      assert.equal(kept, printed, `${body}\n→ ${html}\n${JSON.stringify(found)}`);
      // What was dropped was written: every dropped reference is one the renderer had and refused.
      assert.ok(found.length <= 1, JSON.stringify(found));
    }),
    { numRuns: 3000, seed: 20261124 },
  );
});

test("headings carry their anchors, the same whichever way made the HTML; links to them are fragments", () => {
  const md = "## Datos importantes\n\nVer [abajo](#vacunaci%C3%B3n--salud) y [arriba](#) y [nada](#nada).\n\n### Vacunación &amp; *salud*\n\n## Datos importantes\n\n<h4>Crudo &amp; <b>HTML</b></h4>";
  const html = renderMarkdown(md);
  assert.equal(html, renderMarkdownAndTextReference(md).html);
  assert.deepEqual(headingIds(html), ["datos-importantes", "vacunación--salud", "datos-importantes-1", "crudo--html"]);
  assert.match(html, /<h3 id="vacunación--salud">Vacunación &amp; <em>salud<\/em><\/h3>/);
  assert.deepEqual(findBodyReferences(md, PAGE).references.map((r) => r.fate), [{ kind: "fragment", id: "vacunación--salud" }, { kind: "elsewhere" }, { kind: "fragment", id: "nada" }]);
  // Prose and paragraphs (no heading) are not touched.
  assert.equal(renderMarkdown("Texto llano.\n\nOtro párrafo con **negritas**."), "<p>Texto llano.</p>\n<p>Otro párrafo con <strong>negritas</strong>.</p>");
});
