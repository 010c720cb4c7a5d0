import assert from "node:assert/strict";
import { test } from "node:test";
import * as cheerio from "cheerio";
import { markdownToText, readingMinutes, renderMarkdown } from "../../src/render/markdown.ts";

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

test("template syntax is never evaluated", () => {
  const html = renderMarkdown("Precio: {{ 7*7 }} y {% for x in y %}{{ x }}{% endfor %} ${process.env.HOME}");
  assert.match(cheerio.load(html).text(), /\{\{ 7\*7 \}\} y \{% for x in y %\}\{\{ x \}\}\{% endfor %\} \$\{process\.env\.HOME\}/);
});

test("plain text for summaries", () => {
  assert.equal(markdownToText("**Hola** & <b>adiós</b> &lt;3 <script>x()</script>"), "Hola & adiós <3");
  assert.equal(readingMinutes("palabra ".repeat(1000)), 5);
  assert.equal(readingMinutes(""), 1);
});
