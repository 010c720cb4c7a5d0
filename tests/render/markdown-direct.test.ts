import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parseSource } from "../../src/model/load.ts";
import {
  markdownRenderPath,
  markdownToText,
  readingMinutes,
  readingMinutesReference,
  renderBody,
  renderMarkdown,
  renderMarkdownAndText,
  renderMarkdownAndTextReference,
} from "../../src/render/markdown.ts";
import { generateBulletins } from "../../scripts/bench/corpus.ts";

/**
 * The quick ways of writing a body (plain prose without marked; paragraphs with marked's inline
 * lexer on those with markup; marked's tokens without sanitize-html) must give the very bytes of
 * the reference (marked's HTML through sanitize-html, twice). Compared on every markdown file of the repository, on bench-corpus bodies and on
 * thousands of generated bodies. A fixed seed keeps runs reproducible; set FC_SEED to explore
 * other inputs and FC_RUNS to multiply the number of runs (a failure prints its seed and the
 * shrunk input).
 */
const SEED = Number(process.env["FC_SEED"] ?? 20260901);
const RUNS = Number(process.env["FC_RUNS"] ?? 1);
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.round(numRuns * RUNS) });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

type RenderPath = ReturnType<typeof markdownRenderPath>;

/** Asserts every public function equals the reference on `markdown`; returns the way it took. */
function assertSame(markdown: string): RenderPath {
  const reference = renderMarkdownAndTextReference(markdown);
  const label = JSON.stringify(markdown.slice(0, 300));
  assert.deepEqual(renderMarkdownAndText(markdown), reference, `renderMarkdownAndText ${label}`);
  assert.equal(renderMarkdown(markdown), reference.html, `renderMarkdown ${label}`);
  assert.equal(markdownToText(markdown), reference.text, `markdownToText ${label}`);
  assert.equal(readingMinutes(reference.text), readingMinutesReference(reference.text));
  // The word count behind the reading time, counted while plain prose is checked or from the text.
  assert.deepEqual(renderBody(markdown), { ...reference, words: reference.text.split(/\s+/).filter(Boolean).length }, `renderBody ${label}`);
  return markdownRenderPath(markdown);
}

/** 3,000 documents of `arbitrary`, each compared with the reference; which ways they took (also shown as a diagnostic). */
function compareGenerated(arbitrary: fc.Arbitrary<string>, t: TestContext): { paths: RenderPath[]; counts: Record<RenderPath, number> } {
  const paths: RenderPath[] = [];
  fc.assert(
    fc.property(arbitrary, (markdown) => {
      paths.push(assertSame(markdown));
    }),
    params(3000),
  );
  const counts = tally(paths);
  t.diagnostic(`ways taken: ${JSON.stringify(counts)}`);
  return { paths, counts };
}

function tally(paths: RenderPath[]): Record<RenderPath, number> {
  const counts: Record<RenderPath, number> = { prose: 0, paragraphs: 0, tokens: 0, sanitizer: 0 };
  for (const p of paths) counts[p]++;
  return counts;
}

function markdownFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) files.push(full);
    }
  };
  for (const dir of ["content", "tests/fixtures", "docs", "scripts"]) walk(path.join(ROOT, dir));
  files.push(path.join(ROOT, "README.md"));
  return files.sort();
}

test("every markdown file of the repository: bodies and whole files give the reference's bytes", () => {
  const files = markdownFiles();
  assert.ok(files.length >= 40, `only ${files.length} files`);
  const bodyPaths: RenderPath[] = [];
  let bulletins = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    // The whole file too: front matter read as markdown makes rules, setext headings and lists.
    assertSame(text);
    const loaded = parseSource(text, file, path.basename(file));
    if (!loaded.ok) continue;
    bulletins++;
    bodyPaths.push(assertSame(loaded.doc.body));
  }
  const counts = tally(bodyPaths);
  assert.ok(bulletins >= 35, `only ${bulletins} bulletins`);
  // The quick ways are really taken (otherwise this test would compare the reference with itself).
  assert.ok(counts.prose >= bulletins / 2, JSON.stringify(counts));
  assert.ok(counts.tokens >= 2, JSON.stringify(counts));
  assert.ok(counts.sanitizer >= 1, JSON.stringify(counts));
});

test("bench corpus bodies: the reference's bytes, all as plain prose", () => {
  const paths: RenderPath[] = [];
  for (const b of generateBulletins(1500)) {
    const loaded = parseSource(b.text, b.relPath, b.relPath);
    assert.ok(loaded.ok, b.relPath);
    paths.push(assertSame(loaded.doc.body));
  }
  assert.deepEqual(tally(paths), { prose: 1500, paragraphs: 0, tokens: 0, sanitizer: 0 });
});

// Generated markdown, built from fragments of what bulletins hold and of what attacks them.

const WORDS = [
  "El", "Instituto", "Mexicano", "del", "Seguro", "Social", "(IMSS)", "informó", "que", "niñas", "niños", "año", "acción",
  "¿Cómo?", "¡Sí!", "“cita”", "‘dicho’", "5", "mil", "774", "1º", "99%", "$10", "km/h", "2024-04-09", "Zoé", "Ñandú",
  "vacunación,", "salud;", "dijo:", "—", "–", "e", "y", "10:30", "á", "e\u0301", "Ω", "中文", "😀", "\u00a0", "\u2003", "\u200b",
  "\u0000", "\ud800", "\u2028", "a|b", "a \\| b",
];
const word = fc.constantFrom(...WORDS);
const ENTITIES = [
  "&amp;", "&lt;", "&gt;", "&#39;", "&quot;", "&nbsp;", "&copy;", "&copy", "&COPY;", "&notit;", "&not", "&notin;", "&#0;",
  "&#x1F600;", "&#128;", "&#xD800;", "&#1114112;", "&#12345678;", "&foo;", "&", "<", ">", "&&", "&#;", "&#x;", "&AMP;",
  "&ampx;", "&amp", "&lt3", "&#9;", "&#32;", "&#x20;", "&Aacute;", "&ntilde;", "&iquest;",
];
const entity = fc.constantFrom(...ENTITIES);
const HREFS = [
  "/boletines/a", "a/b", "#ancla", "?q=1&b=2", "https://www.imss.gob.mx", "http://x.mx/a", "HTTPS://X.MX", "hTtP://x", "javascript:alert(1)",
  "JaVaScRiPt:x", "java&#9;script:x", "&#106;avascript:x", "data:text/html,x", "//evil.example/x", "\\\\evil", "/\\evil", "mailto:a@b.mx",
  "tel:+525555", "ftp://x", "/a\"b", "/a'b", "/a&b", "/a&amp;b", "/a&copy;b", "/a&copy=b", "/a&notit;", "<con espacio>", "</a b>", "/%41",
  "/%25", "/ñ", "/\ud800", "", "&lt;!--x-->javascript:y", "&#104;ttps://x", "<&#32;https://x>", "https://x.mx/?a=1&amp;b=2", "/a(b)c",
  "/\u0001x", "irc://x", "x:y", "-x:y", "/a<b>c", "/a>b", "javascript&colon;alert(1)", "&#x6A;avascript:x", "java&Tab;script:x",
  "https://x.mx/?a=1&copy;b", "&#x2F;&#x2F;evil", "/&lt;!-- -->x", "#&quot;onmouseover",
];
const href = fc.constantFrom(...HREFS);
const TITLES = ["", ' "título"', " 't&amp;x'", ' "a&copy;b"', " (paréntesis)", ' "con \\"comillas\\""', ' "&notit;"', ' "<b>"', " 'x\"y'", ' "a\nb"'];
const title = fc.constantFrom(...TITLES);
const SRCS = [
  "/uploads/a.jpg", "uploads/a.jpg", "//evil/x.gif", "http://x/y.png", "https://x/y.png", "</a b.png>", "data:image/png;base64,xx",
  "/x.png?a=1&b=2", "/\\x", "/a&copy;.png", "&#47;x.png", "&#47;&#47;x", "", "/x\ud800", "/a\"b.png", "/ñ.png", "/%20", " /x.png", "/x .png",
];
const src = fc.constantFrom(...SRCS);
const LANGS = [
  "", "js", "c++", "a&#32;b", "x\"y", "<b>", "language-x", "py{.class}", "&amp;", "ñ", "a b", "js title=\"x\"", "&copy;", "x&notit;", "\t", "js&#9;ts",
];
const lang = fc.constantFrom(...LANGS);
const RAW_INLINE = [
  "<b>x</b>", "<span>", "<img src=x onerror=y>", "<!-- c -->", '<a href="javascript:x">y</a>', "<br>", "<script>alert(1)</script>", "</p>", "<em>",
  '<img src="/a.png">', "<kbd>k</kbd>", "<pre>", "<abbr title=\"t\">a</abbr>",
];
const rawInline = fc.constantFrom(...RAW_INLINE);
const rawBlock = fc.constantFrom("<div>\n*x*\n</div>", "<!-- comentario -->", "<script>alert(1)</script>", "<pre>\n<b>x</b>\n</pre>", '<iframe src="https://evil"></iframe>', '<p style="x">p</p>');
const codeText = fc.constantFrom("x", "a < b && c > d", "&amp;", "`", " x ", "ñ", "<script>", "  ", "&copy;", "a\nb");

/** Inline markdown; raw HTML among the fragments only when `withHtml`. */
const inlineOf = (withHtml: boolean): fc.Arbitrary<string> => fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: word, weight: 8 },
    { arbitrary: entity, weight: 3 },
    { arbitrary: tie("inline").map((x) => `*${x}*`), weight: 1 },
    { arbitrary: tie("inline").map((x) => `_${x}_`), weight: 1 },
    { arbitrary: tie("inline").map((x) => `**${x}**`), weight: 1 },
    { arbitrary: tie("inline").map((x) => `__${x}__`), weight: 1 },
    { arbitrary: tie("inline").map((x) => `~~${x}~~`), weight: 1 },
    // A single tilde is text (pandoc's subscript, «about»): never a strikethrough.
    { arbitrary: tie("inline").map((x) => `~${x}~`), weight: 1 },
    { arbitrary: tie("inline").map((x) => `***${x}***`), weight: 1 },
    { arbitrary: codeText.map((x) => `\`${x}\``), weight: 1 },
    { arbitrary: codeText.map((x) => `\`\`${x}\`\``), weight: 1 },
    { arbitrary: fc.tuple(tie("inline"), href, title).map(([t, h, ti]) => `[${t}](${h}${ti})`), weight: 3 },
    { arbitrary: fc.tuple(tie("inline"), src, title).map(([t, s, ti]) => `![${t}](${s}${ti})`), weight: 3 },
    { arbitrary: fc.constantFrom("<https://imss.gob.mx/a?b=1&c=2>", "<mailto:x@y.mx>", "<correo@imss.gob.mx>", "<javascript:x>", "<ftp://x.y>", "<https://x.mx/?a=1&copy;b>", "<http://x.mx/\"q\">", "<https://x.mx/ñ>"), weight: 1 },
    { arbitrary: fc.constantFrom("https://imss.gob.mx/a?b=1&c=2.", "www.imss.gob.mx", "WWW.IMSS.GOB.MX", "correo@imss.gob.mx", "mailto:x@y.mx", "http://x.mx/(a)", "xmpp:a@b.c/d", "https://x.mx/?a&amp;b", "https://x.mx/a&copy;", "www.x.mx/<b>", "a_b@c-d.mx"), weight: 1 },
    { arbitrary: fc.constantFrom("\\*", "\\&", "\\<", "\\[", "\\\\", "\\_", "\\`", "\\&amp;", "\\!"), weight: 1 },
    { arbitrary: fc.constantFrom("  \n", "\\\n", "\n", " ", "\t"), weight: 2 },
    ...(withHtml ? [{ arbitrary: rawInline, weight: 2 }] : []),
    { arbitrary: fc.constantFrom("[x][ref]", "[ref]", "[ref][]", "![img][ref]", "[x][nada]"), weight: 1 },
    { arbitrary: fc.constantFrom("{{ 7*7 }}", "{% if x %}", "${process.env.HOME}"), weight: 1 },
    // Footnote calls: of notes the documents define (`[^1]`, `[^nota]`), and of none.
    { arbitrary: fc.constantFrom("[^1]", "[^nota]", "[^NOTA]", "[^falta]", "\\[^1]", "[^1]:", "[^ 1]"), weight: 1 },
  ),
})).inline;

/** Blocks of markdown; raw HTML (inline or blocks) only when `withHtml`. */
function blockOf(withHtml: boolean): fc.Arbitrary<string> {
  const inline = inlineOf(withHtml);
  const inlines = fc.array(inline, { minLength: 1, maxLength: 6 }).chain((parts) => fc.constantFrom(parts.join(" "), parts.join("")));

  const item = fc.tuple(fc.constantFrom("", "[ ] ", "[x] ", "[X] "), inlines).map(([task, text]) => task + text);
  const listBlock = fc
    .tuple(
      fc.constantFrom("- ", "* ", "+ ", "1. ", "3. ", "0. ", "10) ", "1) ", "007. "),
      fc.array(item, { minLength: 1, maxLength: 4 }),
      fc.constantFrom("\n", "\n\n"),
      fc.option(inlines),
    )
    .map(([marker, items, separator, nested]) => {
      const lines = items.map((text, i) => {
        const m = /\d/.test(marker) ? marker.replace(/\d+/, (d) => String(Number(d) + i)) : marker;
        return m + text;
      });
      if (nested !== null) lines.push(`${" ".repeat(marker.length)}- ${nested}`);
      return lines.join(separator);
    });

  const cell = fc.oneof(word, entity, inline.filter((x) => !x.includes("\n")));
  const tableBlock = fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom("---", ":--", "--:", ":-:", "-"),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      fc.array(cell, { minLength: 3, maxLength: 3 }),
    )
    .map(([columns, align, rows, header]) => {
      const line = (cells: string[]) => `| ${cells.slice(0, columns).join(" | ")} |`;
      return [line(header), line(Array(columns).fill(align)), ...rows.map(line)].join("\n");
    });

  const simple = fc.oneof(
    { arbitrary: inlines, weight: 10 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inlines).map(([n, t]) => `${"#".repeat(n)} ${t.replace(/\n/g, " ")}`), weight: 2 },
    { arbitrary: fc.tuple(inlines, fc.constantFrom("===", "---", "-")).map(([t, u]) => `${t}\n${u}`), weight: 1 },
    { arbitrary: listBlock, weight: 3 },
    { arbitrary: inlines.map((t) => t.split("\n").map((l) => `> ${l}`).join("\n")), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom("```", "~~~", "````"), lang, codeText).map(([f, l, c]) => `${f}${l}\n${c}\n${f}`), weight: 2 },
    { arbitrary: codeText.map((c) => `    ${c.replace(/\n/g, "\n    ")}`), weight: 1 },
    { arbitrary: tableBlock, weight: 2 },
    { arbitrary: fc.constantFrom("---", "***", "___", "- - -", "* * *"), weight: 1 },
    ...(withHtml ? [{ arbitrary: rawBlock, weight: 1 }] : []),
    { arbitrary: fc.tuple(href, title).map(([h, t]) => `[ref]: ${h || "/vacio"}${t}`), weight: 1 },
    // Footnotes' notes: one line, lazily continued, with an indented second paragraph.
    { arbitrary: fc.tuple(fc.constantFrom("[^1]:", "[^nota]:", "[^1]: ", "   [^nota]:"), inlines, fc.constantFrom("", "\nsigue", "\n\n    otro párrafo", "\n\n    - lista")).map(([d, t, more]) => `${d} ${t}${more}`), weight: 1 },
    { arbitrary: fc.constantFrom("", " ", "\t", "\u00a0", "  \t "), weight: 1 },
  );
  // Blocks inside quotes and list items (indented under the marker), a level or two deep.
  const nested = fc.letrec<{ block: string }>((tie) => ({
    block: fc.oneof(
      { depthSize: "small" },
      { arbitrary: simple, weight: 6 },
      { arbitrary: fc.array(tie("block"), { minLength: 1, maxLength: 3 }).map((bs) => bs.join("\n\n").replace(/^/gm, "> ")), weight: 1 },
      {
        arbitrary: fc.tuple(fc.constantFrom("- ", "1. ", "* "), fc.array(tie("block"), { minLength: 1, maxLength: 3 }), fc.constantFrom("\n\n", "\n")).map(([marker, bs, sep]) =>
          marker + bs.join("\n\n").replace(/\n/g, "\n" + " ".repeat(marker.length)) + sep + marker + "otro",
        ),
        weight: 1,
      },
    ),
  })).block;
  return nested;
}

const blocks = blockOf(false);
const blocksWithHtml = blockOf(true);
/** Documents: most without raw HTML, like bulletins; some with it (those go through sanitize-html). */
const document = fc
  .tuple(
    fc.constantFrom(false, false, false, true).chain((withHtml) => fc.array(withHtml ? blocksWithHtml : blocks, { maxLength: 8 })),
    fc.constantFrom("\n\n", "\n", "\n\n\n", "\r\n\r\n"),
  )
  .map(([blocks, separator]) => blocks.join(separator));

test("generated markdown (every construct, hostile links and entities): the reference's bytes", (t) => {
  const { paths, counts } = compareGenerated(document, t);
  // Most documents hold no raw HTML: the token writer is what is being compared here.
  assert.ok(counts.tokens >= paths.length / 3, JSON.stringify(counts));
  assert.ok(counts.sanitizer >= paths.length / 20, JSON.stringify(counts));
});

// Prose and its near misses: lines of words, with what turns a line into something else.
const PROSE_PIECES = [
  ...WORDS.filter((w) => !/[^\p{L}\p{N}.,;:¿?¡!"'“”‘’()%$/\-–—°ºª ]/u.test(w)),
  "El", "la", "de", "IMSS", "Chihuahua", "médicos", "señaló", "ESTADO", "atención", "“Estamos", "hablando”", "¿Qué", "pasa?", "¡Ya!",
  "(IMSS)", "99%", "$5", "1/2", "ª", "º", "°C", "don't", "\"así\"", "'así'", "1.", "2)", "10.", "2024", "5", "-", "+", "*", "#", ">", "=",
  "==", "---", "|", ":", "::", "://", "http://x.mx", "https", "www.", "WwW.x", "awww.", "@", "a@b.mx", "mailto:", "&", "&amp;", "<", "_",
  "~", "`", "\\", "[", "]", "!", "![", "\t", "\u00a0", "\u2028", "\r", "µ", "²", "×", "÷", "¢", "§", "a\u0301", "ǅ", "ʰ", "Ⅻ", "٣", "𝐀",
];
const prosePiece = fc.constantFrom(...PROSE_PIECES);
const proseWords = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS.slice(0, 20)), weight: 12 }, { arbitrary: prosePiece, weight: 1 }), { minLength: 1, maxLength: 10 });
const proseLine = fc.oneof(
  { arbitrary: proseWords.map((parts) => parts.join(" ")), weight: 12 },
  { arbitrary: proseWords.map((parts) => parts.join(" ") + " "), weight: 1 },
  { arbitrary: proseWords.map((parts) => parts.join(" ") + "  "), weight: 1 },
  { arbitrary: proseWords.map((parts) => parts.join(" ") + "   "), weight: 1 },
  { arbitrary: proseWords.map((parts) => " " + parts.join(" ")), weight: 1 },
  { arbitrary: proseWords.map((parts) => parts.join("  ")), weight: 1 },
  { arbitrary: proseWords.map((parts) => "    " + parts.join(" ")), weight: 1 },
  { arbitrary: proseWords.map((parts) => parts.join("")), weight: 1 },
  // Something risky first: a list marker, a heading, a quote, a rule, a table, a sign that is not an opener…
  { arbitrary: fc.tuple(prosePiece, fc.constantFrom(" ", ""), proseWords).map(([first, space, parts]) => first + space + parts.join(" ")), weight: 3 },
);
const prose = fc
  .tuple(
    fc.array(fc.tuple(fc.array(proseLine, { minLength: 1, maxLength: 3 }), fc.constantFrom("\n\n", "\n\n", "\n\n\n", "\n \n")), { maxLength: 6 }),
    fc.constantFrom("", "\n", "\n\n"),
    fc.constantFrom("", "\n", "\n\n"),
  )
  .map(([paragraphs, lead, tail]) => lead + paragraphs.map(([lines, sep], i) => (i > 0 ? sep : "") + lines.join("\n")).join("") + tail);

test("generated prose and near misses (list markers, indents, trailing spaces, URLs): the reference's bytes", (t) => {
  const { paths, counts } = compareGenerated(prose, t);
  assert.ok(counts.prose >= paths.length / 5, JSON.stringify(counts));
  assert.ok(counts.tokens >= paths.length / 5, JSON.stringify(counts));
});

// Bulletins as editors write them: prose paragraphs, some with a bold dateline, emphasis, links or
// other inline markdown, now and then a line that starts a list, a rule or raw HTML instead.
const LINE_STARTS = [
  "**CIUDAD DE MÉXICO, 12 de enero de 2024.-**", "**Chihuahua, Chih.-**", "*cursiva*", "__Dato:__", "_nota_", "**", "***", "* ", "*\t", "_ ",
  "___", "*-*", "**x", "*_x_*", "_*x*_", "**¿Qué?**", "*1.*", "__", "*", "_", "** **", "**a\nb**", "*a*b", "_a_b", "![foto](/a.jpg)",
  "[enlace](/a)", "<b>", "1.", "2)", "2024", "- ", "# ", "> ", "    ", "\t", "&amp;", "`código`", "~~x~~", "\\*",
];
const SAFE_STARTS = LINE_STARTS.slice(0, 4);
/** A line of a bulletin paragraph: mostly words; `risky` lets in odd line starts and raw HTML. */
const paragraphLine = (risky: boolean) =>
  fc
    .tuple(
      fc.option(fc.constantFrom(...(risky ? LINE_STARTS : SAFE_STARTS)), { freq: 4 }),
      fc.constantFrom(" ", ""),
      fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom(...WORDS.slice(0, 20)), weight: 20 },
          { arbitrary: inlineOf(false), weight: 3 },
          ...(risky ? [{ arbitrary: rawInline, weight: 1 }] : []),
        ),
        { minLength: 1, maxLength: 10 },
      ),
      fc.constantFrom("", "", "", " ", "  ", "\\"),
    )
    .map(([start, space, parts, end]) => (start === null ? "" : start + space) + parts.join(" ") + end);
const paragraphs = fc
  .tuple(
    fc.constantFrom(false, false, true).chain((risky) => fc.array(fc.array(paragraphLine(risky), { minLength: 1, maxLength: 3 }), { maxLength: 6 })),
    fc.constantFrom("\n\n", "\n\n\n"),
    fc.constantFrom("", "\n"),
  )
  .map(([blocks, separator, edge]) => edge + blocks.map((lines) => lines.join("\n")).join(separator) + edge);

test("generated bulletins with inline markdown (datelines, emphasis, links) and near misses: the reference's bytes", (t) => {
  const { paths, counts } = compareGenerated(paragraphs, t);
  assert.ok(counts.paragraphs >= paths.length / 4, JSON.stringify(counts));
  assert.ok(counts.tokens >= paths.length / 10, JSON.stringify(counts));
});

test("hand-picked bodies: the reference's bytes, each the way expected", () => {
  const cases: Array<[string, RenderPath]> = [
    ["", "prose"],
    ["\n\n", "prose"],
    ["Texto.", "prose"],
    ["\nEl IMSS informó que “la atención” sigue.\nSegunda línea, (con paréntesis) y 99%.\n\n\n¿Preguntas? ¡Sí!\n", "prose"],
    ["2024 fue un año.\n\n10 mil 500 médicos: “nuevos”.", "prose"],
    ["Dos  espacios en medio.\n\nÁéíóú ñ Ñ ü – —\nμικρό 中文 e\u0301", "prose"],
    ["2024. No es prosa.", "tokens"],
    ["Fin con espacio \nY otra. \n\nY fin. \n", "prose"],
    ["Fin con dos espacios  \nY otra.", "paragraphs"],
    ["Fin de párrafo con dos  \n\nY otra.", "paragraphs"],
    ["    Sangría: código.", "tokens"],
    ["Visita www.imss.gob.mx hoy.", "paragraphs"],
    ["Visita https:/imss y http://x.mx", "paragraphs"],
    ["Escribe a correo@imss.gob.mx", "paragraphs"],
    ["Uno\n- dos", "tokens"],
    ["Uno\n===", "tokens"],
    ["A & B", "paragraphs"],
    ["𝐀 matemática", "tokens"],
    ["# Título\n\nTexto con **negritas** y [enlace](https://www.imss.gob.mx \"IMSS\").", "tokens"],
    ["![foto](/uploads/a.jpg) ![fuera](https://x.example/a.jpg) ![rel](uploads/a.jpg)", "tokens"],
    ["[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,x) [w](//evil.example)", "tokens"],
    ["- [ ] pendiente\n- [x] hecho\n\n1. uno\n\n   más\n2. dos", "tokens"],
    ["| a | b |\n|:-|:-:|\n| 1 | 2 |", "tokens"],
    ["```js&#32;evil\"x\ncódigo < & >\n```", "tokens"],
    ["a &copy b &copy; c &notit; d &#0; e &#x1F600; f & g", "paragraphs"],
    ["Precio: {{ 7*7 }} y {% for x in y %}{{ x }}{% endfor %}", "paragraphs"],
    ["línea  \nsiguiente\\\notra", "paragraphs"],
    ["**CIUDAD DE MÉXICO, 1 de enero de 2024.-** El IMSS informó.\n\nSegundo párrafo.\n\nMás en [IMSS](https://www.imss.gob.mx \"Sitio\").", "paragraphs"],
    ["__Dato:__ uno\n*dos* tres\n_cuatro_ y **cinco**", "paragraphs"],
    ["Texto.\n\n***\n\nTexto.", "tokens"],
    ["** no es negrita", "tokens"],
    ["Texto\n_", "tokens"],
    ["Texto\n**\nmás", "tokens"],
    ["Texto\r\nY más **x**", "tokens"],
    // Footnotes are for the sanitizer; a call without its note is text.
    ["Texto con nota[^1] y *énfasis*.\n\n[^1]: La nota.", "sanitizer"],
    ["# Título[^a]\n\n- uno[^b]\n\n[^b]: B.\n[^a]: A.", "sanitizer"],
    ["Texto[^x] sin nota.", "paragraphs"],
    // A single tilde is text, in every way.
    ["H~2~O y de ~5 mil a ~10 mil personas.", "paragraphs"],
    ["- H~2~O\n- ~~tachado~~", "tokens"],
    ["<b>HTML</b> en línea", "sanitizer"],
    ["Texto con <b>HTML</b> en línea.", "sanitizer"],
    ["Texto.\n\n<div>bloque</div>", "sanitizer"],
  ];
  for (const [markdown, expected] of cases) assert.equal(assertSame(markdown), expected, JSON.stringify(markdown));
});

test("bodies with notes: every function gives the reference's bytes, the notes in their section under «Notas», which the text leaves out", () => {
  const bodies = [
    "Texto con nota[^1] y *énfasis*.\n\n[^1]: La nota.",
    // A heading «Notas» of the body, and notes nobody calls.
    "## Notas\n\nCifra[^1].\n\n[^1]: Fuente.\n[^2]: Sin llamada.",
    "Texto.\n\n[^1]: Sin llamada.",
    // Raw HTML beside them, a section written by hand included.
    '<section class="notas" aria-labelledby="fn:notas"><h2 id="fn:notas">Notas</h2></section>\n\nCifra[^1] <b>HTML</b>.\n\n[^1]: Nota con <i>HTML</i>.',
  ];
  for (const markdown of bodies) {
    assert.equal(assertSame(markdown), "sanitizer", JSON.stringify(markdown));
    const { html, text } = renderBody(markdown);
    assert.equal(html.match(/<section\b/g)?.length, 1, html);
    assert.match(html, /\n<section class="notas" aria-labelledby="fn:notas">\n<h2 id="fn:notas" data-pagefind-ignore>Notas<\/h2>\n<ol>\n<li id="fn:1">\n[\s\S]*<\/li>\n<\/ol>\n<\/section>$/, html);
    // The body's own «Notas» only (a heading, in markdown or by hand).
    assert.equal(text.match(/Notas/g)?.length ?? 0, /## Notas|>Notas</.test(markdown) ? 1 : 0, text);
  }
});

test("readingMinutes counts words like split(/\\s+/) for every UTF-16 code unit as separator", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    // 300 one-letter words if `ch` is whitespace (2 minutes), one long word otherwise (1 minute).
    const text = ("a" + ch).repeat(300);
    assert.equal(readingMinutes(text), readingMinutesReference(text), `U+${c.toString(16).padStart(4, "0")}`);
  }
});

test("readingMinutes equals the reference on generated text", () => {
  const unit = fc.constantFrom("a", "palabra", "ñ", "😀", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "\u2028", "\u180e", "\u0085", "\v", "\f", "\r");
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 2000, size: "large" }), (units) => {
      const text = units.join("");
      assert.equal(readingMinutes(text), readingMinutesReference(text));
    }),
    params(500),
  );
});

test("a single tilde is text in the quick ways too; only ~~double~~ is <del>", () => {
  assert.deepEqual(renderBody("H~2~O y de ~5 mil a ~10 mil personas."), { html: "<p>H~2~O y de ~5 mil a ~10 mil personas.</p>", text: "H~2~O y de ~5 mil a ~10 mil personas.", words: 9 });
  assert.equal(renderMarkdown("| CO~2~ | ~3 % |\n|---|---|\n| ~~no~~ | x |"), "<table>\n<thead>\n<tr>\n<th>CO~2~</th>\n<th>~3 %</th>\n</tr>\n</thead>\n<tbody><tr>\n<td><del>no</del></td>\n<td>x</td>\n</tr>\n</tbody></table>");
  assert.equal(markdownRenderPath("| CO~2~ | ~3 % |\n|---|---|\n| ~~no~~ | x |"), "tokens");
});
