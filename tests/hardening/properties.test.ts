import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { stringify } from "yaml";
import { readBodyReferences } from "../../src/model/body-references.ts";
import { withBodyPictures } from "../../src/render/body-pictures.ts";
import { PICTURE_SIZES, type PictureFiles } from "../../src/render/images.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { decodeURIComponentSafe } from "../../src/policy/site-paths.ts";
import { KNOWN_FIELDS } from "../../src/model/bulletin.ts";
import { parseSource, type SourceDocument } from "../../src/model/load.ts";
import { normalizeBulletin } from "../../src/model/normalize.ts";
import type { Problem } from "../../src/model/problems.ts";
import { parseBulletinDate } from "../../src/policy/dates.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

/**
 * Property-based tests: on arbitrary input the loader, the normalizer and the date parser return a
 * result or a clear Problem; they never throw. A fixed seed keeps runs reproducible; set FC_SEED
 * to explore other inputs and FC_RUNS to run more (a failure prints its seed and shrunk input).
 */
const SEED = Number(process.env["FC_SEED"] ?? 20261122);
const RUNS = Number(process.env["FC_RUNS"] ?? 1);
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.round(numRuns * RUNS) });

/** Counted so the report can say how many inputs were tried. */
export const RUN_COUNTS: Record<string, number> = {};
function counted<A extends unknown[]>(name: string, check: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    RUN_COUNTS[name] = (RUN_COUNTS[name] ?? 0) + 1;
    check(...args);
  };
}

const FILE = "content/prueba.md";
const ZONES = ["America/Mexico_City", "America/Tijuana", "America/Cancun", "UTC", "Asia/Kathmandu", "Pacific/Chatham"];

function assertClearProblems(problems: readonly Problem[]): void {
  for (const p of problems) {
    assert.ok(p.severity === "error" || p.severity === "warning");
    assert.equal(typeof p.code, "string");
    assert.equal(p.file, FILE);
    assert.ok(typeof p.message === "string" && p.message.length > 0);
    assert.doesNotMatch(p.message, /\[object Object\]|Maximum call stack|TypeError|ReferenceError/);
    if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
  }
}

// Text that looks like a bulletin: front-matter lines built from YAML-ish fragments, then a body.
const yamlish = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abc:-[]{}&*!|>'\"#%@` \n\t,?~01.".split("")), maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("title: x", "date: 2024-04-09", "tags: [a, b]", "a: &x [1]", "b: *x", "!!binary aGk=", "? [a]\n: b", "<<: *x", "---", "...", "%YAML 1.2", "key: !!js/function 'f'"),
);
const bulletinLike = fc
  .tuple(fc.array(yamlish, { maxLength: 12 }), fc.boolean(), fc.string({ unit: "grapheme", maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, closed, body, eol]) => `---${eol}${lines.join(eol)}${closed ? `${eol}---${eol}` : eol}${body}`);

test("parseSource: any text gives a document or Problems, never a throw", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), bulletinLike),
      counted("parseSource", (text: string) => {
        const result = parseSource(text, FILE, "prueba.md");
        if (result.ok) {
          const data = result.doc.data;
          assert.ok(data !== null && typeof data === "object" && !Array.isArray(data));
          assert.equal(typeof result.doc.body, "string");
          assert.ok(result.doc.bodyLine >= 1);
        } else {
          assert.ok(result.problems.length > 0);
          assert.ok(result.problems.every((p) => p.severity === "error"));
          assertClearProblems(result.problems);
        }
      }),
    ),
    params(2000),
  );
});

// Front matter made from arbitrary values under the known field names (and some unknown ones).
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom("nil", "~", "", " ", "2024-04-09", "2021-12-13T22:48:00.000-06:00", "/news/190812", "../../etc", "javascript:alert(1)", "https://example.org/v", "171/2024", "true", "sí", "{{ x }}") },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
);
const frontMatter = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_FIELDS), fc.constantFrom("__proto__", "constructor", "toString", "titulo", "Tags", "hasOwnProperty"), fc.string({ maxLength: 10 })), fieldValue, { maxKeys: 14 });

function docOf(data: Record<string, unknown>, body: string): SourceDocument {
  const fields: SourceDocument["fields"] = {};
  Object.keys(data).forEach((k, i) => (fields[k] = { line: i + 2, column: 1 }));
  return { file: FILE, relPath: "2024/2024-04-09-prueba.md", data, fields, matter: "", body, bodyLine: Object.keys(data).length + 3, comments: [] };
}

function assertNormalized(data: Record<string, unknown>, body: string): void {
  const result = normalizeBulletin(docOf(data, body), { site: DEFAULT_SITE, imageExists: (p) => p.endsWith(".jpg") });
  assertClearProblems(result.problems);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (result.bulletin) {
    assert.equal(errors.length, 0);
    const b = result.bulletin;
    assert.ok(b.title.length > 0);
    assert.match(b.url, /^\/(?!\/)/);
    assert.ok(!b.url.split("/").includes(".."), b.url);
    for (const r of b.redirectFrom) assert.match(r, /^\/[^/]/);
    assert.ok(b.tags.every((t) => t.slug.length > 0 && t.label.length > 0));
    if (b.image) assert.match(b.image.src, /^\/[^/]/);
    for (const link of [b.video, b.audio, b.photos]) if (link) assert.match(link, /^https?:\/\//);
  } else {
    assert.ok(errors.length > 0, "no bulletin and no error");
  }
}

test("normalizeBulletin: any front-matter values give a bulletin or an error, never a throw", () => {
  fc.assert(fc.property(frontMatter, fc.string({ maxLength: 40 }), counted("normalizeBulletin", assertNormalized)), params(3000));
});

// A valid bulletin with one to three fields replaced by arbitrary values: random front matter is
// seldom valid everywhere else, and a field checked only when all others are valid hides there
// (an `author` list was once reported only after every other error, alongside a bulletin).
const VALID_FIELDS = { title: "IMSS inaugura clínica en Mérida", date: "2024-04-09T10:00:00-06:00", description: "Resumen", section: "Yucatán", tags: ["salud"] };
const oneBadField = fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), fieldValue, { minKeys: 1, maxKeys: 3 }).map((bad) => ({ ...VALID_FIELDS, ...bad }));

test("normalizeBulletin: a valid bulletin with a few fields replaced gives a bulletin or an error, never both", () => {
  fc.assert(fc.property(oneBadField, fc.string({ maxLength: 40 }), counted("normalizeBulletin (one bad field)", assertNormalized)), params(3000));
});

test("parseSource → normalizeBulletin: YAML written from arbitrary values, end to end", () => {
  const jsonish = fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 10 });
  fc.assert(
    fc.property(
      jsonish,
      fc.string({ unit: "grapheme", maxLength: 60 }),
      counted("parseSource+normalize", (data: Record<string, unknown>, body: string) => {
        const text = `---\n${stringify(data)}---\n${body}`;
        const loaded = parseSource(text, FILE, "2024/2024-04-09-prueba.md");
        assert.ok(loaded.ok, `YAML the yaml library wrote is read back: ${!loaded.ok && loaded.problems[0]?.message}`);
        assertNormalized(loaded.doc.data, loaded.doc.body);
      }),
    ),
    params(500),
  );
});

// Dates: arbitrary text, and text shaped like each accepted format with numbers out of range.
const num = (max: number) => fc.integer({ min: 0, max }).map(String);
const pad2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const offset = fc.constantFrom("", "Z", "z", "-06:00", "+05:45", "-0600", "+14:00", "+15:00", "-12:60", " -0600", "+1", "-06");
const dateLike = fc.oneof(
  fc.tuple(num(99999), pad2, pad2, fc.option(fc.tuple(fc.constantFrom("T", " "), pad2, pad2, fc.option(pad2), fc.option(num(999999999))), { nil: undefined }), offset).map(
    ([y, m, d, time, off]) => `${y}-${m}-${d}${time ? `${time[0]}${time[1]}:${time[2]}${time[3] !== undefined ? `:${time[3]}${time[4] !== undefined ? `.${time[4]}` : ""}` : ""}` : ""}${off}`,
  ),
  fc.tuple(num(40), num(14), num(2300), fc.option(fc.tuple(num(30), pad2), { nil: undefined })).map(([d, m, y, t]) => `${d}/${m}/${y}${t ? ` ${t[0]}:${t[1]}` : ""}`),
);

test("parseBulletinDate: any text gives a date or a Spanish message, never a throw", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), dateLike),
      fc.constantFrom(...ZONES),
      counted("parseBulletinDate", (input: string, zone: string) => {
        const result = parseBulletinDate(input, zone);
        if (!result.ok) {
          assert.ok(result.message.length > 0);
          assert.doesNotMatch(result.message, /undefined|NaN|\[object/);
          return;
        }
        const d = result.date;
        assert.ok(d.year >= 1900 && d.year <= 2200, `year ${d.year}`);
        assert.equal(d.day, `${d.year}-${d.monthPadded}-${String(d.dayOfMonth).padStart(2, "0")}`);
        // ISO offsets are whole minutes; before 1922 Mexico City's offset (LMT −6:36:36) had seconds.
        assert.ok(Math.abs(new Date(d.iso).getTime() - d.epochMs) < 60_000, `${d.iso} vs ${d.epochMs}`);
        assert.match(d.text, /^\p{Ll}+ \d{1,2} de \p{Ll}+ de \d{4}$/u);
        assert.equal(d.time === "", !d.hasTime);
      }),
    ),
    params(5000),
  );
});

// Markdown made of the pieces links, pictures and raw HTML are written with, nested in quotes and lists.
const markdownPiece = fc.constantFrom(
  "[", "]", "](", "![", ")", "]: ", "<", ">", "> ", "- ", "1. ", "    ", "\n", "\n\n", "`", "*", "texto", "ó", " ",
  "/", "../", "#", "?", "%", "%C3", "&amp;", '"', "'", "http://", "https://x.example/", "mailto:a@b", "javascript:",
  "//", "\\", "/uploads/a.jpg", "/boletines/2024/04/x/", '<a href="', '<img src="', '" alt="">', "</a>", "<iframe>", "<script>", "<video src=x>",
  "## ", "{{", "}}", "{%", "%}", " post_url ", "site.baseurl", "{:", "}", "#datos",
);
const markdownish = fc.array(markdownPiece, { maxLength: 40 }).map((pieces) => pieces.join(""));

test("readBodyReferences: any markdown gives references and warnings inside the body, never a throw", () => {
  fc.assert(
    fc.property(
      markdownish,
      counted("readBodyReferences", (body) => {
        const bodyLine = 7;
        const lastLine = bodyLine + body.split("\n").length - 1;
        const { problems, references } = readBodyReferences({ file: FILE, body, bodyLine, url: "/boletines/2024/04/x/" });
        assertClearProblems(problems);
        for (const p of problems) assert.ok(p.severity === "warning" && p.line! >= bodyLine && p.line! <= lastLine, JSON.stringify(p));
        for (const r of references) {
          // A site path; for a Jekyll `post_url`, the file name it names.
          assert.ok((r.kind === "post" ? r.path !== "" : r.path.startsWith("/")) && r.line >= bodyLine && r.line <= lastLine, JSON.stringify(r));
          if (r.column !== undefined) assert.ok(r.column >= 1);
        }
      }),
    ),
    params(5000),
  );
});

// Whole pictures among the pieces (the pieces alone seldom make one): markdown and raw HTML, with titles, sizes and escapes.
const pictureish = fc
  .array(
    fc.oneof(
      { arbitrary: markdownPiece, weight: 4 },
      {
        arbitrary: fc.constantFrom(
          "![foto](/uploads/a.jpg)",
          '![a "b" & <c>](/uploads/a%20b.jpg "Título & más")',
          "![](/uploads/a.jpg?v=1)",
          '<img src="/uploads/a.jpg" alt="x">',
          '<img alt="y" width="300" src="/uploads/b.png" title="t">',
          '<img src="/uploads/c.jpg" height="81" alt="">',
          '<a href="/boletines/2024/04/x/"><img src="/uploads/a.jpg" alt="enlace"></a>',
          "[![dentro](/uploads/a.jpg)](/boletines/)",
          "![otra](../../../uploads/a.jpg)",
        ),
        weight: 1,
      },
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(""));

// A picture for every image a body names, as if each file were under public/ (render/body-pictures.ts).
const FAKE_PICTURE: PictureFiles = { src: "/img/x-1440.webp", width: 1440, height: 810, sizes: PICTURE_SIZES, sources: [{ type: "image/avif", srcset: "/img/x-480.avif 480w" }, { type: "image/webp", srcset: "/img/x-480.webp 480w" }] };

test("withBodyPictures: any body's HTML keeps every byte outside its images, and each pictured image gets its box", () => {
  let pictured = 0;
  fc.assert(
    fc.property(
      pictureish,
      fc.boolean(),
      counted("withBodyPictures", (body, leadPicture) => {
        const url = "/boletines/2024/04/x/";
        const { references } = readBodyReferences({ file: FILE, body, bodyLine: 7, url });
        const pictures = references.filter((r) => r.kind === "image").map((r) => ({ path: decodeURIComponentSafe(r.path), picture: FAKE_PICTURE }));
        const html = renderMarkdown(body);
        const out = withBodyPictures(html, url, pictures, { leadPicture });
        const images = (h: string) => h.match(/<img [^>]*>/g) ?? [];
        // As many images as before; what is not an image (or the picture around one) is the same text.
        assert.equal(images(out).length, images(html).length, `${html}\n${out}`);
        const outside = (h: string) => h.replace(/<picture>(?:<source [^>]*\/>)*(<img [^>]*>)<\/picture>/g, "$1").replace(/<img [^>]*>/g, "<img>");
        assert.equal(outside(out), outside(html));
        // Every picture holds an image with its width and height (the box reserved before the file arrives).
        if (out.includes("<picture>")) pictured++;
        const loads: string[] = [];
        for (const picture of out.match(/<picture>.*?<\/picture>/g) ?? []) {
          const m = /<img src="\/img\/x-1440\.webp" alt="([^"]*)"(?: title="[^"]*")? width="[^"]+" height="[^"]+" (loading="lazy"|fetchpriority="high") decoding="async"( data-pagefind-index-attrs="alt")? \/><\/picture>$/.exec(picture);
          assert.ok(m, picture);
          // Search indexes its alt text, unless it has none (render/markdown-direct.ts `INDEXED_ALT`).
          assert.equal(m[3] !== undefined, m[1]!.trim() !== "", picture);
          loads.push(m[2]!);
        }
        // At most one picture is fetched first: the body's first image, on a page without a lead picture.
        const eager = loads.filter((l) => l !== 'loading="lazy"').length;
        assert.ok(eager <= (leadPicture ? 0 : 1), out);
        if (eager === 1) assert.ok(/^<img [^>]*fetchpriority="high"/.test(images(out)[0]!), out);
      }),
    ),
    params(3000),
  );
  assert.ok(pictured > 0, "some bodies had a picture to put in");
  process.stdout.write(`# bodies given pictures: ${pictured}\n`);
});

test("property runs were made", () => {
  // Guards against a property that silently ran zero times.
  for (const name of ["parseSource", "normalizeBulletin", "parseSource+normalize", "parseBulletinDate", "readBodyReferences", "withBodyPictures"]) {
    assert.ok((RUN_COUNTS[name] ?? 0) > 0, name);
  }
  process.stdout.write(`# property runs: ${JSON.stringify(RUN_COUNTS)}\n`);
});
