import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { XMLValidator } from "fast-xml-parser";
import { applyCorpusLabels } from "../../src/model/corpus.ts";
import { buildSiteData, pageWindow } from "../../src/render/site-data.ts";
import { truncateText } from "../../src/render/summary.ts";
import { buildSitemaps, SITEMAP_MAX_URLS } from "../../src/render/sitemap.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { fm, normalizeText } from "../model/helpers.ts";

const now = DateTime.fromISO("2026-01-01T00:00:00-06:00", { setZone: true });

function corpus(specs: Array<[file: string, fields: string, body?: string]>) {
  return applyCorpusLabels(
    specs.map(([file, fields, body]) => {
      const r = normalizeText(fm(`description: "d"\n${fields}`, body), { file });
      assert.ok(r.bulletin, JSON.stringify(r.problems));
      return r.bulletin;
    }),
  );
}

test("pagination window is constant-size", () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  assert.deepEqual(pageWindow(50, 100), [1, 48, 49, 50, 51, 52, 100]);
  assert.deepEqual(pageWindow(100, 100), [1, 98, 99, 100]);
});

test("truncated summaries end on a word with an ellipsis", () => {
  assert.equal(truncateText("uno dos tres", 50), "uno dos tres");
  assert.equal(truncateText("uno dos tres cuatro", 12), "uno dos…");
});

test("neighbours, ordering and groups", () => {
  const bulletins = corpus([
    ["content/a.md", 'title: "A"\ndate: 2024-01-01\ntags: [x]'],
    ["content/b.md", 'title: "B"\ndate: 2024-02-01\ntags: [X, y]\nsection: Local'],
    ["content/c.md", 'title: "C"\ndate: 2024-02-01\ntags: [y]'],
    ["content/d.md", 'title: "D"\ndate: 2023-12-31T23:59:00-06:00'],
  ]);
  const data = buildSiteData(bulletins, { site: DEFAULT_SITE, now });
  assert.deepEqual(data.posts.map((p) => p.title), ["B", "C", "A", "D"], "newest first, ties by id");
  const c = data.posts.find((p) => p.title === "C")!;
  assert.equal(c.next?.label, "B");
  assert.equal(c.previous?.label, "A");
  assert.equal(data.posts[0]!.next, undefined);
  assert.equal(data.posts[3]!.previous, undefined);
  const urls = data.listPages.map((p) => p.url).sort();
  assert.deepEqual(urls, ["/boletines/2023/", "/boletines/2023/12/", "/boletines/2024/", "/boletines/2024/01/", "/boletines/2024/02/", "/secciones/local/", "/secciones/nacional/", "/temas/x/", "/temas/y/"]);
  assert.equal(data.listPages.find((p) => p.url === "/temas/x/")!.items.length, 2);
  const year = data.listPages.find((p) => p.url === "/boletines/2024/")!;
  assert.deepEqual(year.children.map((c2) => `${c2.label}:${c2.count}`), ["Febrero:2", "Enero:1"]);
});

test("feeds escape content and stay valid XML", () => {
  const bulletins = corpus([["content/a.md", 'title: "A & B <i>x</i> \\u0001"\ndate: 2024-01-01\nauthor: "Ana \\"la\\" <Jefa>"']]);
  const data = buildSiteData(bulletins, { site: DEFAULT_SITE, now });
  const atom = data.rawFiles.find((f) => f.url === "/feed.xml")!.content;
  assert.equal(XMLValidator.validate(atom), true);
  // The control character is a space from the model on (model/normalize.ts), so no feed carries it.
  assert.match(atom, /<title>A &amp; B &lt;i&gt;x&lt;\/i&gt;<\/title>/);
  const json = JSON.parse(data.rawFiles.find((f) => f.url === "/feed.json")!.content);
  assert.equal(json.items[0].title, "A & B <i>x</i>");
});

test("feeds print a body's links and pictures absolute, resolved against the bulletin's page, as the page resolves them", () => {
  const body = "Ver [otro](/boletines/2024/01/otro/), [arriba](../x/?a=1&b=2#c), [aquí](#nota), [fuera](https://example.org/p), [correo](mailto:prensa@imss.gob.mx) y ![foto](/uploads/2021/images-Foto_4069-1.jpg).";
  const bulletins = corpus([["content/a.md", 'title: "Enlaces"\ndate: 2024-01-01', body]]);
  const data = buildSiteData(bulletins, { site: DEFAULT_SITE, now });
  const page = "https://www.imss.gob.mx/boletines/2024/01/enlaces/";
  const json = JSON.parse(data.rawFiles.find((f) => f.url === "/feed.json")!.content);
  const html: string = json.items[0].content_html;
  const urls = [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(urls, [
    "https://www.imss.gob.mx/boletines/2024/01/otro/",
    "https://www.imss.gob.mx/boletines/2024/01/x/?a=1&amp;b=2#c",
    `${page}#nota`,
    "https://example.org/p",
    "mailto:prensa@imss.gob.mx",
    "https://www.imss.gob.mx/uploads/2021/images-Foto_4069-1.jpg",
  ]);
  const atom = data.rawFiles.find((f) => f.url === "/feed.xml")!.content;
  assert.equal(XMLValidator.validate(atom), true);
  assert.ok(atom.includes("href=&quot;https://www.imss.gob.mx/boletines/2024/01/x/?a=1&amp;amp;b=2#c&quot;"), atom);
  // The page itself keeps what the editor wrote.
  assert.match(bulletins[0]!.body, /\(\.\.\/x\/\?a=1&b=2#c\)/);
});

test("an empty site still has valid feeds and pages", () => {
  const data = buildSiteData([], { site: DEFAULT_SITE, now });
  for (const f of data.rawFiles.filter((x) => x.url.endsWith(".xml"))) assert.equal(XMLValidator.validate(f.content), true, f.url);
  assert.equal(data.listPages.length, 0);
  assert.equal(data.home.latest.length, 0);
});

test("more than 50,000 URLs turn sitemap.xml into an index", () => {
  const pages = Array.from({ length: SITEMAP_MAX_URLS + 10 }, (_, i) => `/p/${i}/`);
  const files = buildSitemaps([], pages, { site: DEFAULT_SITE });
  assert.deepEqual(files.map((f) => f.url), ["/sitemap.xml", "/sitemaps/sitemap-1.xml", "/sitemaps/sitemap-2.xml"]);
  assert.match(files[0]!.content, /<sitemapindex/);
  assert.equal((files[2]!.content.match(/<url>/g) ?? []).length, 10);
});

test("a card, a feed and the page's description summarize past a first paragraph that repeats the title; the page keeps it", () => {
  const title = "IMSS inaugura clínica en Mérida";
  const next = "El Instituto Mexicano del Seguro Social inauguró hoy la Unidad de Medicina Familiar 68.";
  const made = normalizeText(fm(`title: "${title}"\ndate: 2024-04-09`, `**IMSS INAUGURA CLÍNICA EN MÉRIDA.**\n\n${next}\n`), { file: "content/a.md" });
  assert.ok(made.bulletin, JSON.stringify(made.problems));
  for (const lazyTexts of [false, true]) {
    const data = buildSiteData(applyCorpusLabels([made.bulletin]), { site: DEFAULT_SITE, now, lazyTexts });
    const post = data.posts[0]!;
    assert.equal(post.summary, next, `lazyTexts: ${lazyTexts}`);
    assert.equal(post.seo.description, next);
    assert.match(post.html, /^<p><strong>IMSS INAUGURA CLÍNICA EN MÉRIDA\.<\/strong><\/p>/, "the body is printed as written");
    const json = JSON.parse(data.rawFiles.find((f) => f.url === "/feed.json")!.content);
    assert.equal(json.items[0].summary, next);
    assert.match(data.rawFiles.find((f) => f.url === "/feed.xml")!.content, new RegExp(`<summary>${next}</summary>`));
  }
});

test("each topic has a feed of its newest bulletins: at most tagFeedSize, summaries and addresses without the text, the topic's name escaped", () => {
  const specs: Array<[string, string, string]> = [];
  for (let i = 1; i <= 25; i++) specs.push([`content/v${i}.md`, `title: "V${i}"\ndate: 2024-01-${String(i).padStart(2, "0")}\ntags: ["Salud & <Vida>", otro]`, `Texto de **V${i}**.`]);
  specs.push(["content/z.md", 'title: "Z"\ndate: 2024-02-01\ntags: [otro]', "Z."]);
  const site = { ...DEFAULT_SITE, tagFeedSize: 20 };
  const data = buildSiteData(corpus(specs), { site, now });
  // The slug spells the symbols out (salud-y-menor-que-vida-mayor-que): found by its page's title.
  const list = data.listPages.find((p) => p.title === "Tema: Salud & <Vida>" && p.pageNumber === 1)!;
  const slug = list.url.split("/")[2]!;
  const feed = data.rawFiles.find((f) => f.url === `/temas/${slug}/feed.xml`)?.content;
  assert.ok(feed, data.rawFiles.map((f) => f.url).join(", "));
  assert.equal(XMLValidator.validate(feed), true);
  assert.match(feed, /<title>Boletines de prensa del IMSS: Salud &amp; &lt;Vida&gt;<\/title>/);
  assert.ok(feed.includes(`<id>tag:imss.gob.mx,2024:feed/tema/${slug}</id>`));
  assert.ok(feed.includes(`<link rel="self" type="application/atom+xml" href="https://www.imss.gob.mx/temas/${slug}/feed.xml"/>`));
  const titles = [...feed.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
  assert.deepEqual(titles, Array.from({ length: 20 }, (_, i) => `V${25 - i}`), "the 20 newest of its 25, newest first; not Z");
  assert.equal((feed.match(/<summary>/g) ?? []).length, 20);
  assert.ok(!feed.includes("<content"), "no whole text");
  // The other topic's feed has Z first; the site's feed keeps the whole text.
  assert.match(data.rawFiles.find((f) => f.url === "/temas/otro/feed.xml")!.content, /<entry>\s*<id>[^<]*<\/id>\s*<title>Z<\/title>/);
  assert.match(data.rawFiles.find((f) => f.url === "/feed.xml")!.content, /<content type="html">/);
  // Its page names it and shows its address to copy.
  assert.equal(list.feedUrl, `/temas/${slug}/feed.xml`);
  assert.equal(list.feedAddress, `https://www.imss.gob.mx/temas/${slug}/feed.xml`);
  assert.equal(data.listPages.find((p) => p.url === `/temas/${slug}/pagina/2/`)!.feedAddress, list.feedAddress);
});

test("a forward from a topic's page to another's also forwards its feed, once, and yields to a file that forwards that feed itself", () => {
  const [post, page, feed, away] = corpus([
    ["content/a.md", 'title: "A"\ndate: 2024-01-01\ntags: [Vacunas]'],
    ["content/redirecciones/tema.md", 'title: "Tema"\ndate: 2024-01-01\nredirect_to: /temas/vacunas/\nredirect_from: /temas/vacunacion/'],
    ["content/redirecciones/feed.md", 'title: "Feed"\ndate: 2024-01-01\nredirect_to: /feed.xml\nredirect_from: /temas/vacunacion/feed.xml'],
    ["content/redirecciones/fuera.md", 'title: "Fuera"\ndate: 2024-01-01\nredirect_to: https://www.gob.mx/imss\nredirect_from: /secciones/vieja/'],
  ]);
  const routes = (forwards: NonNullable<typeof post>[]) =>
    buildSiteData([post!], { site: DEFAULT_SITE, now, forwards })
      .redirects.filter((r) => /^\/(temas|secciones)\//.test(r.from))
      .map((r) => `${r.from} ${r.to}`);
  assert.deepEqual(routes([page!]), ["/temas/vacunacion/ /temas/vacunas/", "/temas/vacunacion/feed.xml /temas/vacunas/feed.xml"]);
  // The file that forwards the feed itself says where it goes; the page's forward adds nothing over it.
  assert.deepEqual(routes([page!, feed!]), ["/temas/vacunacion/ /temas/vacunas/", "/temas/vacunacion/feed.xml /feed.xml"]);
  // A forward of a section's page elsewhere carries no feed.
  assert.deepEqual(routes([away!]), ["/secciones/vieja/ https://www.gob.mx/imss"]);
});

test("the home page shows no bulletin twice: the latest leave out the featured ones above them", () => {
  const bulletins = corpus([
    ["content/a.md", 'title: "A"\ndate: 2024-01-01'],
    ["content/b.md", 'title: "B"\ndate: 2024-02-01\nfront: true'],
    ["content/c.md", 'title: "C"\ndate: 2024-03-01'],
  ]);
  const { home } = buildSiteData(bulletins, { site: { ...DEFAULT_SITE, homeLatest: 2 }, now });
  assert.deepEqual(home.featured.map((p) => p.title), ["B"]);
  assert.deepEqual(home.latest.map((p) => p.title), ["C", "A"]);
});
