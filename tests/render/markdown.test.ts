import assert from "node:assert/strict";
import { test } from "node:test";
import * as cheerio from "cheerio";
import { firstBlockText, headingIds, markdownToText, readingMinutes, renderMarkdown } from "../../src/render/markdown.ts";
import { footnoteIds, isFootnoteId } from "../../src/render/footnotes.ts";
import { bulletinSummary } from "../../src/render/summary.ts";
import { indexedWords } from "../../src/build/search-words.ts";

const hostile: Array<[string, string]> = [
  ["<script>alert(1)</script>", "script"],
  ['<img src="x" onerror="alert(1)">', "[onerror]"],
  ['<a href="javascript:alert(1)">x</a>', 'a[href^="javascript"]'],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', "a[href]"],
  ['<a href="data:text/html,<script>alert(1)</script>">x</a>', "a[href]"],
  ["[x](javascript:alert(1))", "a[href]"],
  ['<iframe src="https://evil.example"></iframe>', "iframe"],
  ['<object data="x.swf"></object>', "object"],
  ['<embed src="x.swf">', "embed"],
  ["<style>body{display:none}</style>", "style"],
  ['<p style="position:fixed">x</p>', "[style]"],
  ['<form action="https://evil.example"><input name="p"></form>', "form, input"],
  ['<svg onload="alert(1)"><circle/></svg>', "svg"],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "math"],
  ['<meta http-equiv="refresh" content="0;url=https://evil.example">', "meta"],
  ['<base href="https://evil.example/">', "base"],
  ['<link rel="stylesheet" href="https://evil.example/x.css">', "link"],
  ['<div onclick="alert(1)">x</div>', "[onclick]"],
  ['<img src="//evil.example/track.gif">', "img"],
  ['<img src="http://evil.example/track.gif">', "img"],
];

for (const [input, selector] of hostile) {
  test(`sanitized: ${input.slice(0, 50)}`, () => {
    const $ = cheerio.load(renderMarkdown(`Texto.\n\n${input}\n\nMás texto.`));
    assert.equal($(selector).length, 0, $.html());
    assert.match($.text(), /Más texto/);
  });
}

test("ordinary markdown renders", () => {
  const $ = cheerio.load(renderMarkdown("# Título\n\n**negritas** y _cursivas_\n\n- uno\n- dos\n\n1. a\n2. b\n\n> cita\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[IMSS](https://www.imss.gob.mx) ![foto](/uploads/a.jpg)"));
  assert.equal($("h2").text(), "Título", "body headings start at h2: the page has one h1");
  assert.equal($("h1").length, 0);
  assert.equal($("strong").text(), "negritas");
  assert.equal($("ul li").length, 2);
  assert.equal($("ol li").length, 2);
  assert.equal($("blockquote").length, 1);
  assert.equal($("table td").length, 2);
  assert.equal($('a[href="https://www.imss.gob.mx"]').attr("rel"), "noopener noreferrer");
  assert.equal($('img[src="/uploads/a.jpg"]').attr("loading"), "lazy");
});

test("a picture's alt text is indexed by search (Pagefind's data-pagefind-index-attrs), unless it is decorative; the site sets it, never the editor", () => {
  const imgs = (md: string) => [...renderMarkdown(md).matchAll(/<img [^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(imgs("![Una garza blanca](/uploads/a.jpg) ![](/uploads/b.jpg)"), [
    '<img src="/uploads/a.jpg" alt="Una garza blanca" loading="lazy" decoding="async" data-pagefind-index-attrs="alt" />',
    '<img src="/uploads/b.jpg" alt="" loading="lazy" decoding="async" />',
  ]);
  // Raw HTML: the same attributes in the same order, whatever the editor wrote of it.
  assert.deepEqual(imgs('<p><img data-pagefind-index-attrs="src" src="/uploads/a.jpg" alt="Una garza"> <img src="/uploads/b.jpg" alt=" " data-pagefind-index-attrs="alt"> <img src="/uploads/c.jpg"></p>'), [
    '<img src="/uploads/a.jpg" alt="Una garza" loading="lazy" decoding="async" data-pagefind-index-attrs="alt" />',
    '<img src="/uploads/b.jpg" alt=" " loading="lazy" decoding="async" />',
    '<img src="/uploads/c.jpg" loading="lazy" decoding="async" />',
  ]);
});

test("template syntax is never evaluated", () => {
  const html = renderMarkdown("Precio: {{ 7*7 }} y {% for x in y %}{{ x }}{% endfor %} ${process.env.HOME}");
  assert.match(cheerio.load(html).text(), /\{\{ 7\*7 \}\} y \{% for x in y %\}\{\{ x \}\}\{% endfor %\} \$\{process\.env\.HOME\}/);
});

test("plain text for summaries", () => {
  assert.equal(markdownToText("**Hola** & <b>adiós</b> &lt;3 <script>x()</script>"), "Hola & adiós <3");
  assert.equal(readingMinutes("palabra ".repeat(1000)), 5);
  assert.equal(readingMinutes(""), 1);
});

test("footnotes: a superscript number links to its note, the notes close the body with a link back; the text has no markers", () => {
  const body = "Texto con nota[^1] y *énfasis*.\n\n[^1]: La nota.";
  assert.equal(
    renderMarkdown(body),
    '<p>Texto con nota<sup id="fnref:1" data-pagefind-ignore><a href="#fn:1" aria-label="Nota 1">1</a></sup> y <em>énfasis</em>.</p>\n' +
      '<section class="notas" aria-labelledby="fn:notas">\n<h2 id="fn:notas" data-pagefind-ignore>Notas</h2>\n' +
      '<ol>\n<li id="fn:1">\n<p>La nota. <a href="#fnref:1" aria-label="Volver al texto" data-pagefind-ignore>↩</a></p>\n</li>\n</ol>\n</section>',
  );
  assert.equal(markdownToText(body), "Texto con nota y énfasis. La nota.");
  // Cards and feeds: the start of the text, without «[^1]» nor a stray number.
  assert.equal(bulletinSummary({ title: "T", body }, markdownToText(body)), "Texto con nota y énfasis. La nota.");
  assert.equal(firstBlockText(body), "Texto con nota y énfasis.");
  // The search index reads the page: «nota», not «nota1», and no ↩.
  assert.deepEqual(indexedWords(`<main data-pagefind-body>${renderMarkdown(body)}</main>`), ["Texto", "con", "nota", "y", "énfasis", "La"]);
});

test("footnotes: numbered in the order first called, whatever their labels; repeated calls, notes of several paragraphs, unused notes last", () => {
  const body = [
    "Uno[^b], dos[^A] y otra vez[^b].",
    "",
    "[^a]: Nota A con [enlace](https://x.example/).",
    "[^b]: Nota B.",
    "",
    "    Segundo párrafo de B.",
    "",
    "[^c]: Nadie la llama.",
    "",
    "Sigue el texto.",
  ].join("\n");
  const $ = cheerio.load(renderMarkdown(body));
  assert.deepEqual($("p sup a").map((_, a) => [[$(a).attr("href"), $(a).text()]]).get(), [["#fn:1", "1"], ["#fn:2", "2"], ["#fn:1", "1"]]);
  assert.deepEqual($("sup[id]").map((_, s) => $(s).attr("id")).get(), ["fnref:1", "fnref:2", "fnref:1:2"]);
  assert.deepEqual($("ol > li").map((_, li) => $(li).attr("id")).get(), ["fn:1", "fn:2", "fn:3"]);
  assert.equal($("#fn\\:1 p").length, 2, "a note keeps its paragraphs");
  assert.deepEqual($("#fn\\:1 a").map((_, a) => [[$(a).attr("href"), $(a).attr("aria-label")]]).get(), [["#fnref:1", "Volver al texto"], ["#fnref:1:2", "Volver al texto, llamada 2"]]);
  assert.equal($("#fn\\:2 a[rel]").attr("href"), "https://x.example/", "a note's links are links like any other");
  assert.equal($("#fn\\:3").text().trim(), "Nadie la llama.", "an unused note is printed, with nothing pointing back");
  // The body's own text comes before the notes, wherever they were written.
  assert.ok(renderMarkdown(body).indexOf("Sigue el texto.") < renderMarkdown(body).indexOf('<section class="notas"'));
  assert.equal(markdownToText(body), "Uno, dos y otra vez. Sigue el texto. Nota B. Segundo párrafo de B. Nota A con enlace. Nadie la llama.");
});

test("footnotes: a call without a note, an escaped call and one in code stay text; ids never collide with headings' or the layout's", () => {
  assert.equal(renderMarkdown("Texto[^x] sin nota."), "<p>Texto[^x] sin nota.</p>");
  assert.equal(
    renderMarkdown("Escapada \\[^1] y `[^1]`.\n\n[^1]: Nota."),
    '<p>Escapada [^1] y <code>[^1]</code>.</p>\n<section class="notas" aria-labelledby="fn:notas">\n<h2 id="fn:notas" data-pagefind-ignore>Notas</h2>\n<ol>\n<li id="fn:1">\n<p>Nota.</p>\n</li>\n</ol>\n</section>',
  );
  const html = renderMarkdown("## fn:1\n\n## Datos[^1]\n\n## contenido\n\n## Notas\n\n## fn:notas\n\nTexto[^1].\n\n[^1]: Nota.");
  assert.deepEqual(headingIds(html), ["fn1", "datos", "contenido-1", "notas", "fnnotas"], "a heading's anchor never takes a call's number nor a footnote's id");
  assert.deepEqual([...html.matchAll(/ id="(fn(?:ref)?:[^"]*)"/g)].map((m) => m[1]), ["fnref:1", "fnref:1:2", "fn:notas", "fn:1"]);
  const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, [...new Set(ids)], "no id twice");
});

test("footnotes: the notes are a section named by its heading «Notas» (an h2 with an id no body heading takes), left out of the search index and of the text", () => {
  const body = "## Notas\n\nCifra[^1] y otra[^2].\n\n[^1]: Fuente: IMSS.\n[^2]: Cifras preliminares.";
  const html = renderMarkdown(body);
  const $ = cheerio.load(html);
  const section = $("section");
  assert.equal(section.length, 1, html);
  assert.equal(section.attr("class"), "notas");
  assert.equal(section.attr("aria-labelledby"), "fn:notas");
  // The heading names the section: the one the section points to, its first child, «Notas».
  const heading = section.children().first();
  assert.equal(heading.prop("tagName"), "H2");
  assert.equal(heading.attr("id"), "fn:notas");
  assert.equal(heading.text(), "Notas");
  assert.equal(heading.attr("data-pagefind-ignore"), "");
  assert.deepEqual(section.find("> ol > li").map((_, li) => $(li).attr("id")).get(), ["fn:1", "fn:2"]);
  assert.equal($("hr").length, 0, "the section draws its own rule");
  // The body's own heading «Notas» keeps its anchor; it is the notes' section that has another.
  assert.deepEqual(headingIds(html), ["notas"]);
  assert.deepEqual($("h2").map((_, h) => $(h).attr("id")).get(), ["notas", "fn:notas"]);
  // «Notas» is a word of this body once, its own heading's: not the notes' heading, in the index or the text.
  assert.deepEqual(indexedWords(`<main data-pagefind-body>${html}</main>`).filter((w) => /^notas$/i.test(w)), ["Notas"]);
  assert.equal(markdownToText(body), "Notas Cifra y otra. Fuente: IMSS. Cifras preliminares.");
  // Notes nobody calls have their section too, and their text no «Notas».
  assert.equal(markdownToText("Texto.\n\n[^1]: Sin llamada."), "Texto. Sin llamada.");
  assert.match(renderMarkdown("Texto.\n\n[^1]: Sin llamada."), /<section class="notas" aria-labelledby="fn:notas">\n<h2 id="fn:notas" data-pagefind-ignore>Notas<\/h2>\n<ol>\n<li id="fn:1">/);
  // A body without notes has no section.
  assert.doesNotMatch(renderMarkdown("Texto sin notas.\n\n## Notas\n\nNinguna."), /<section|fn:notas/);
  // check's places on the page: the notes' heading is one (`[las notas](#fn:notas)`), named with the notes' ids.
  assert.deepEqual(footnoteIds(html), ["fnref:1", "fnref:2", "fn:notas", "fn:1", "fn:2"]);
  assert.ok(isFootnoteId("fn:notas"));
});

test("footnotes: the notes' section and heading are kept only as footnotes.ts writes them; written by hand, even copied from a page, a section loses its tag and a heading its attributes, as before", () => {
  const page = renderMarkdown("Cifra[^1].\n\n[^1]: Fuente: IMSS.");
  const copied = page.slice(page.indexOf("<section"));
  for (const raw of [
    copied,
    '<section class="notas" aria-labelledby="fn:notas"><h2 id="fn:notas" data-pagefind-ignore>Notas</h2><p>x</p></section>',
    '<section class="notas" aria-labelledby="fn:notas" data-boletines-notas="x"><h2 id="fn:notas" data-pagefind-ignore data-boletines-notas="x">Notas</h2></section>',
    '<h1 id="fn:notas" data-pagefind-ignore class="notas">Título</h1><section aria-label="Notas">y</section>',
  ]) {
    const html = renderMarkdown(raw);
    const $ = cheerio.load(html);
    assert.equal($("section, [aria-labelledby], [class]").length, 0, html);
    // A heading has its anchor from its text (withHeadingIds), nothing else.
    assert.deepEqual($("h2").map((_, h) => [[Object.keys($(h).attr() ?? {}), $(h).attr("id")]]).get(), [[["id"], /Título/.test(raw) ? "título" : "notas"]], html);
  }
  // With the body's own notes, those are the only section and heading kept.
  const html = renderMarkdown('<section class="notas" aria-labelledby="fn:notas"><h2 id="fn:notas" data-pagefind-ignore>Notas</h2></section>\n\nTexto[^1].\n\n[^1]: Nota.');
  const $ = cheerio.load(html);
  assert.equal($("section").length, 1, html);
  assert.deepEqual($("[id]").map((_, e) => `${e.tagName}#${$(e).attr("id")}`).get(), ["h2#notas", "sup#fnref:1", "h2#fn:notas", "li#fn:1"], html);
});

test("footnotes: the sanitizer keeps their ids and labels only, never an id or label written in raw HTML", () => {
  const html = renderMarkdown('<li id="contenido">a</li> <sup id="buscar-encabezado" data-pagefind-ignore>b</sup> <sup id="fnref:x">c</sup> <li id="fn:1 x">d</li> <a href="/x" aria-label="otra cosa" data-pagefind-ignore>e</a> <p id="fn:2">f</p>\n\nTexto[^1].\n\n[^1]: Nota.');
  const $ = cheerio.load(html);
  assert.deepEqual($("[id]").map((_, e) => `${e.tagName}#${$(e).attr("id")}`).get(), ["sup#fnref:1", "h2#fn:notas", "li#fn:1"], html);
  assert.deepEqual($("[aria-label]").map((_, e) => $(e).attr("href")).get(), ["#fn:1", "#fnref:1"], html);
  // Search leaves out the call's number, the notes' heading and the link back («nota1» is no word); nothing else.
  assert.deepEqual($("[data-pagefind-ignore]").map((_, e) => `${e.tagName}${$(e).attr("id") ?? $(e).attr("href")}`).get(), ["supfnref:1", "h2fn:notas", "a#fnref:1"], html);
});

test("a single tilde never strikes text through, and is kept; only ~~double~~ does", () => {
  assert.equal(renderMarkdown("H~2~O"), "<p>H~2~O</p>");
  assert.equal(renderMarkdown("Atendió de ~5 mil a ~10 mil personas."), "<p>Atendió de ~5 mil a ~10 mil personas.</p>");
  assert.equal(markdownToText("Atendió de ~5 mil a ~10 mil personas."), "Atendió de ~5 mil a ~10 mil personas.");
  assert.equal(renderMarkdown("- CO~2~ y ~3 %\n- ~~tachado~~"), "<ul>\n<li>CO~2~ y ~3 %</li>\n<li><del>tachado</del></li>\n</ul>");
  assert.equal(renderMarkdown("~~a ~b~ c~~ y ~~~"), "<p><del>a ~b~ c</del> y ~~~</p>");
});
