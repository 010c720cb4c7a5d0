import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSeo, headline, HEADLINE_MAX, serializeJsonLd, shareLinks } from "../../src/render/seo.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

const base = {
  url: "/boletines/2024/04/vacunacion/",
  title: "Arranca campaña de vacunación",
  summary: "La campaña dura un mes.",
  section: "Nacional",
  tags: ["vacunación", "influenza"],
  published: "2024-04-09T10:30:00-06:00",
};

test("canonical and og:url are absolute on the site's origin", () => {
  const seo = buildSeo(base, DEFAULT_SITE);
  assert.equal(seo.canonical, "https://www.imss.gob.mx/boletines/2024/04/vacunacion/");
  assert.equal(seo.ogType, "article");
  assert.equal(seo.twitterCard, "summary");
  assert.equal(seo.image, undefined);
});

test("NewsArticle JSON-LD: headline, dates with offset, publisher IMSS, section and keywords", () => {
  const ld = JSON.parse(buildSeo(base, DEFAULT_SITE).jsonLd!) as Record<string, unknown>;
  assert.equal(ld["@context"], "https://schema.org");
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld["headline"], "Arranca campaña de vacunación");
  assert.equal(ld["datePublished"], "2024-04-09T10:30:00-06:00");
  assert.equal(ld["dateModified"], "2024-04-09T10:30:00-06:00", "unmodified: dateModified is the publication");
  assert.deepEqual(ld["publisher"], { "@type": "Organization", name: "Instituto Mexicano del Seguro Social", url: "https://www.imss.gob.mx" });
  assert.deepEqual(ld["author"], [ld["publisher"]]);
  assert.equal(ld["articleSection"], "Nacional");
  assert.equal(ld["keywords"], "vacunación, influenza");
  assert.equal(ld["inLanguage"], "es-MX");
  assert.equal("image" in ld, false);
});

test("updated date, named author and image", () => {
  const seo = buildSeo(
    {
      ...base,
      modified: "2024-04-10T08:00:00-06:00",
      author: "Ana Pérez",
      image: { src: "/uploads/2024/foto.jpg", alt: "Una enfermera" },
      picture: { alt: "Una enfermera", src: "/img/x-960.webp", width: 960, height: 540, sizes: "100vw", sources: [], share: { src: "/img/x-960.jpeg", width: 960, height: 540 } },
    },
    DEFAULT_SITE,
  );
  // The JPEG made for link previews, with its own size (not the photo as uploaded, which may be several MB).
  assert.deepEqual(seo.image, { url: "https://www.imss.gob.mx/img/x-960.jpeg", alt: "Una enfermera", width: 960, height: 540 });
  assert.equal(seo.twitterCard, "summary_large_image");
  assert.equal(seo.modifiedTime, "2024-04-10T08:00:00-06:00");
  const ld = JSON.parse(seo.jsonLd!) as Record<string, unknown>;
  assert.equal(ld["dateModified"], "2024-04-10T08:00:00-06:00");
  assert.deepEqual(ld["image"], ["https://www.imss.gob.mx/img/x-960.jpeg"]);
  // A file that could not be read as a picture is named as written, without a size.
  const unread = buildSeo({ ...base, image: { src: "/uploads/2024/foto.jpg", alt: "Una enfermera" } }, DEFAULT_SITE);
  assert.deepEqual(unread.image, { url: "https://www.imss.gob.mx/uploads/2024/foto.jpg", alt: "Una enfermera" });
  assert.deepEqual((ld["author"] as Array<{ name: string }>).map((a) => a.name), ["Ana Pérez", "Instituto Mexicano del Seguro Social"]);
});

test("a bulletin without date has no JSON-LD (a draft waiting for its date)", () => {
  const { published: _published, ...undated } = base;
  assert.equal(buildSeo(undated, DEFAULT_SITE).jsonLd, undefined);
});

test("JSON-LD cannot close its <script> element, whatever the title says", () => {
  const evil = buildSeo({ ...base, title: "</script><script>alert(1)</script> & <!--" }, DEFAULT_SITE).jsonLd!;
  assert.doesNotMatch(evil, /<|>|&/);
  assert.equal((JSON.parse(evil) as { headline: string }).headline, "</script><script>alert(1)</script> & <!--");
  assert.equal(serializeJsonLd({ a: "\u2028" }), '{"a":"\\u2028"}');
  // Each of the five as the escape JavaScript reads back, lower-case hex, in one pass.
  assert.equal(serializeJsonLd({ a: "x<y>z&\u2028\u2029<" }), '{"a":"x\\u003cy\\u003ez\\u0026\\u2028\\u2029\\u003c"}');
});

test("headlines longer than 110 characters are cut at a word", () => {
  const long = "El IMSS informa ".repeat(10).trim();
  const h = headline(long);
  assert.ok(h.length <= HEADLINE_MAX, String(h.length));
  assert.ok(h.endsWith("…"));
  assert.ok(long.startsWith(h.slice(0, -1)));
  assert.equal(headline("Corto"), "Corto");
});

test("share links are plain links with the URL and title encoded", () => {
  const links = shareLinks("Vacunación & salud", "https://www.imss.gob.mx/boletines/a/");
  assert.deepEqual(links.map((l) => l.label), ["Facebook", "X (Twitter)", "WhatsApp", "Correo"]);
  for (const l of links) assert.ok(l.url.includes("https%3A%2F%2Fwww.imss.gob.mx%2Fboletines%2Fa%2F"), l.url);
  assert.ok(links[1]!.url.includes("Vacunaci%C3%B3n%20%26%20salud"));
});
