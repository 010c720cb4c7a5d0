import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { describeBodyPictures, withBodyPictures } from "../../src/render/body-pictures.ts";
import { absoluteLinks } from "../../src/render/feeds.ts";
import { PICTURE_SIZES } from "../../src/render/images.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { fm, normalizeText } from "../model/helpers.ts";

const PHOTO = path.join(PROJECT_ROOT, "tests/fixtures/e2e-public/uploads/2025/vacunacion-merida.jpg");
const PUBLIC = mkdtempSync(path.join(os.tmpdir(), "boletines-body-pictures-"));
mkdirSync(path.join(PUBLIC, "uploads/2024"), { recursive: true });
copyFileSync(PHOTO, path.join(PUBLIC, "uploads/2024/foto 1.jpg"));
copyFileSync(PHOTO, path.join(PUBLIC, "uploads/2024/otra.jpg"));
writeFileSync(path.join(PUBLIC, "uploads/2024/animada.gif"), "GIF89a");
writeFileSync(path.join(PUBLIC, "uploads/2024/rota.jpg"), "no es una imagen");
writeFileSync(path.join(PUBLIC, "uploads/2024/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
after(() => rmSync(PUBLIC, { recursive: true, force: true }));

/** A body as the build makes it: normalized (its references), rendered, then given its pictures (on a page with a lead picture unless told). */
function page(body: string, leadPicture = true): { html: string; plain: string; pictures: ReturnType<typeof describeBodyPictures> } {
  const r = normalizeText(fm('title: "T"\ndate: 2024-04-09\ndescription: "d"', body), { file: "content/2024/t.md" });
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  const pictures = describeBodyPictures(r.bulletin, PUBLIC);
  const plain = renderMarkdown(r.bulletin.body);
  return { html: withBodyPictures(plain, r.bulletin.url, pictures.pictures, { leadPicture }), plain, pictures };
}

test("a body's picture under public/ becomes <picture> with AVIF and WebP and its size; the rest of the HTML is untouched", () => {
  const { html, plain, pictures } = page('Antes.\n\n![Vacunación en Mérida](/uploads/2024/foto%201.jpg "La campaña")\n\nDespués & más.\n');
  assert.deepEqual(pictures.files, [path.join(PUBLIC, "uploads/2024/foto 1.jpg")]);
  assert.deepEqual(
    pictures.pictures.map((p) => p.path),
    ["/uploads/2024/foto 1.jpg"],
  );
  const picture = /<picture>.*?<\/picture>/.exec(html)?.[0];
  assert.ok(picture, html);
  assert.match(picture, /^<picture><source type="image\/avif" srcset="\/img\/[\w-]+-480\.avif 480w, \/img\/[\w-]+-960\.avif 960w, \/img\/[\w-]+-1440\.avif 1440w" sizes="[^"]+" \/><source type="image\/webp" /);
  assert.ok(picture.includes(`sizes="${PICTURE_SIZES}"`));
  assert.match(picture, /<img src="\/img\/[\w-]+-1440\.webp" alt="Vacunación en Mérida" title="La campaña" width="1440" height="810" loading="lazy" decoding="async" data-pagefind-index-attrs="alt" \/><\/picture>$/);
  // Byte for byte what the renderer made, around the picture.
  const [before, afterImg] = plain.split(/<img [^>]*>/);
  assert.equal(html, `${before}${picture}${afterImg}`);
});

test("an <img> in raw HTML keeps the editor's size (the other side in proportion) and is offered at that width", () => {
  const { html } = page('<p>Logo <img alt="a &amp; b" width="300" src="/uploads/2024/otra.jpg"> y <img src="/uploads/2024/otra.jpg" alt="" height="81" /> y <img src="/uploads/2024/otra.jpg" alt="c" width="200" height="50"></p>\n');
  const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
  assert.equal(imgs.length, 3, html);
  assert.match(imgs[0]!, /alt="a &amp; b" width="300" height="169" /);
  assert.match(imgs[1]!, /alt="" width="144" height="81" /);
  assert.match(imgs[2]!, /alt="c" width="200" height="50" /, "both written: as written, though not in proportion");
  const sizes = [...html.matchAll(/<source [^>]*sizes="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(sizes)], ["300px", "144px", "200px"]);
});

test("GIF and SVG, missing files, unreadable files and other pictures stay as written", () => {
  const { html, plain, pictures } = page("![a](/uploads/2024/animada.gif) ![d](/uploads/2024/LOGO.svg) ![e](/uploads/2024/logo.svg) ![b](/uploads/2024/no-existe.jpg) ![c](/uploads/2024/rota.jpg)\n");
  assert.deepEqual(pictures, { pictures: [], files: [] });
  assert.equal(html, plain);
  assert.ok(!html.includes("<picture>"));
});

test("one file named twice is described once and shown twice, each with its own alternative text", () => {
  const { html, pictures } = page("![uno](/uploads/2024/otra.jpg)\n\n![dos](/uploads/2024/otra.jpg?v=2)\n");
  assert.equal(pictures.files.length, 1);
  assert.deepEqual([...html.matchAll(/<picture>.*?alt="([^"]*)".*?<\/picture>/g)].map((m) => m[1]), ["uno", "dos"]);
});

test("in a feed, every address of a picture is absolute (src and each srcset candidate)", () => {
  const { html } = page("![uno](/uploads/2024/otra.jpg)\n");
  const feed = absoluteLinks(html, "https://www.imss.gob.mx/boletines/2024/04/t/");
  const srcsets = [...feed.matchAll(/srcset="([^"]*)"/g)].map((m) => m[1]!);
  assert.equal(srcsets.length, 2);
  for (const set of srcsets) for (const candidate of set.split(", ")) assert.match(candidate, /^https:\/\/www\.imss\.gob\.mx\/img\/[\w-]+-\d+\.(avif|webp) \d+w$/);
  assert.match(feed, /<img src="https:\/\/www\.imss\.gob\.mx\/img\/[\w-]+-1440\.webp"/);
});

test("on a page without a lead picture, the body's first picture near the top is fetched at once and first; every other stays lazy", () => {
  const loading = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map((m) => (/fetchpriority="high"/.test(m[0]) ? "high" : /loading="lazy"/.test(m[0]) ? "lazy" : "other"));
  const two = "![uno](/uploads/2024/otra.jpg)\n\nTexto.\n\n![dos](/uploads/2024/foto%201.jpg)\n";
  assert.deepEqual(loading(page(two, false).html), ["high", "lazy"]);
  // Neither attribute twice, and no lazy beside the priority.
  const first = /<img [^>]*>/.exec(page(two, false).html)![0];
  assert.match(first, / width="1440" height="810" fetchpriority="high" decoding="async" data-pagefind-index-attrs="alt" \/>$/);
  // With a lead picture, the lead picture is the one near the top: the body's stay lazy.
  assert.deepEqual(loading(page(two, true).html), ["lazy", "lazy"]);
  // One paragraph before it still counts as near the top; two do not.
  assert.deepEqual(loading(page("Primero.\n\n![uno](/uploads/2024/otra.jpg)\n", false).html), ["high"]);
  assert.deepEqual(loading(page("Primero.\n\n## Datos\n\n![uno](/uploads/2024/otra.jpg)\n", false).html), ["lazy"]);
  // Only the first image of the body can be: a GIF first (kept as written, lazy) leaves the next one lazy.
  assert.deepEqual(loading(page("![a](/uploads/2024/animada.gif)\n\n![uno](/uploads/2024/otra.jpg)\n", false).html), ["lazy", "lazy"]);
});
