import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { XMLValidator } from "fast-xml-parser";
import { applyCorpusLabels } from "../../src/model/corpus.ts";
import { buildSiteData } from "../../src/render/site-data.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { fm, normalizeText } from "../model/helpers.ts";

const now = DateTime.fromISO("2026-01-01T00:00:00-06:00", { setZone: true });
const site = { ...DEFAULT_SITE, pageSize: 2 };
const base = DEFAULT_SITE.baseUrl;

function corpus(specs: Array<[file: string, fields: string]>) {
  return applyCorpusLabels(
    specs.map(([file, fields]) => {
      const r = normalizeText(fm(`description: "d"\n${fields}`), { file });
      assert.ok(r.bulletin, JSON.stringify(r.problems));
      return r.bulletin;
    }),
  );
}

const bulletins = () =>
  corpus([
    ["content/a.md", 'title: "A"\ndate: 2024-01-01\ntags: [x]'],
    // A correction: its `updated:` date is when it last changed.
    ["content/b.md", 'title: "B"\ndate: 2024-02-01T10:00:00-06:00\nupdated: 2024-03-05T09:30:00-06:00\ntags: [x]'],
    ["content/c.md", 'title: "C"\ndate: 2024-02-10\ntags: [x]'],
    ["content/d.md", 'title: "D"\ndate: 2023-12-31T23:59:00-06:00\nupdated: 2024-04-01T12:00:00-06:00\ntags: [x]'],
    ["content/e.md", 'title: "E"\ndate: 2024-02-20\nfront: true\nsection: Local'],
    // Written in Quintana Roo's offset: kept as written.
    ["content/f.md", 'title: "F"\ndate: 2024-01-15T08:00:00-05:00'],
  ]);

/** The sitemap protocol's `<url>` as this site writes it: `<loc>`, then `<lastmod>` if any, nothing else. */
function entries(xml: string): Map<string, string | undefined> {
  assert.equal(XMLValidator.validate(xml), true, "well-formed");
  const lines = xml.trimEnd().split("\n");
  assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
  assert.equal(lines[1], '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  assert.equal(lines.at(-1), "</urlset>");
  const found = new Map<string, string | undefined>();
  for (const line of lines.slice(2, -1)) {
    const m = /^ {2}<url><loc>([^<]{1,2048})<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>$/.exec(line);
    assert.ok(m, `not a sitemap <url>: ${line}`);
    assert.ok(!found.has(m[1]!), `listed twice: ${m[1]}`);
    found.set(m[1]!.slice(base.length), m[2]);
  }
  return found;
}

/** W3C Datetime (the sitemap protocol's lastmod) with a time: seconds and an explicit offset. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

test("sitemap: each bulletin's lastmod is its correction date (updated:) or else its publication date, with its own offset", () => {
  const data = buildSiteData(bulletins(), { site, now });
  const lastmods = entries(data.rawFiles.find((f) => f.url === "/sitemap.xml")!.content);
  const of = (title: string) => lastmods.get(data.posts.find((p) => p.title === title)!.url);
  assert.equal(of("A"), "2024-01-01T00:00:00-06:00");
  assert.equal(of("B"), "2024-03-05T09:30:00-06:00");
  assert.equal(of("D"), "2024-04-01T12:00:00-06:00");
  assert.equal(of("F"), "2024-01-15T08:00:00-05:00");
  for (const [loc, lastmod] of lastmods) if (lastmod) assert.match(lastmod, W3C_DATETIME, loc);
});

test("sitemap: the home page and each list page carry the newest change they show, or their list's newest publication (which pushed their bulletins there); pages without bulletins none", () => {
  const data = buildSiteData(bulletins(), { site, now });
  const lastmods = entries(data.rawFiles.find((f) => f.url === "/sitemap.xml")!.content);
  // Topic x, newest first, two a page: C and B (corrected 2024-03-05), then A and D (corrected 2024-04-01).
  assert.equal(lastmods.get("/temas/x/"), "2024-03-05T09:30:00-06:00");
  assert.equal(lastmods.get("/temas/x/pagina/2/"), "2024-04-01T12:00:00-06:00");
  // 2024: E and C, then B (corrected 2024-03-05) and F, then A. A later page also changed when the
  // list's newest bulletin (E) was published, since it pushed the others down; B's correction moved nothing.
  assert.equal(lastmods.get("/boletines/2024/"), "2024-02-20T00:00:00-06:00");
  assert.equal(lastmods.get("/boletines/2024/pagina/2/"), "2024-03-05T09:30:00-06:00");
  assert.equal(lastmods.get("/boletines/2024/pagina/3/"), "2024-02-20T00:00:00-06:00", "A alone: E's publication pushed it there");
  assert.equal(lastmods.get("/boletines/2024/01/"), "2024-01-15T08:00:00-05:00");
  assert.equal(lastmods.get("/boletines/2023/12/"), "2024-04-01T12:00:00-06:00");
  assert.equal(lastmods.get("/secciones/local/"), "2024-02-20T00:00:00-06:00");
  // The home page shows every bulletin here: D's correction is the newest.
  assert.equal(lastmods.get("/"), "2024-04-01T12:00:00-06:00");
  for (const p of data.listPages) assert.ok(lastmods.get(p.url), `${p.url} has a lastmod`);
  // Names and counts only, no bulletin: no lastmod.
  for (const p of ["/temas/", "/secciones/", "/boletines/", "/buscar/", "/suscripcion/"]) {
    assert.ok(lastmods.has(p), p);
    assert.equal(lastmods.get(p), undefined, p);
  }
});

test("sitemap: the same content gives the same bytes whatever the build's clock", () => {
  const at = (iso: string) => buildSiteData(bulletins(), { site, now: DateTime.fromISO(iso, { setZone: true }) }).rawFiles.find((f) => f.url === "/sitemap.xml")!.content;
  const first = at("2026-01-01T00:00:00-06:00");
  assert.equal(at("2027-06-15T13:45:00-06:00"), first);
  assert.doesNotMatch(first, /2026-01-01|2027-06-15/);
});
