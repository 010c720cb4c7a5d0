import assert from "node:assert/strict";
import { test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { buildNewsSitemap, NEWS_SITEMAP_PATH } from "../../src/render/news-sitemap.ts";
import type { PostView } from "../../src/render/views.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

function post(title: string, iso: string): PostView {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return {
    title,
    absoluteUrl: `https://www.imss.gob.mx/boletines/${encodeURIComponent(title)}/`,
    bulletin: { date: { iso, epochMs: dt.toMillis() } },
  } as unknown as PostView;
}

const now = DateTime.fromISO("2025-06-02T12:00:00-06:00", { setZone: true });
const posts = [
  post("futuro", "2025-06-02T12:00:01-06:00"),
  post("ahora", "2025-06-02T12:00:00-06:00"),
  post("ayer", "2025-06-01T10:00:00-06:00"),
  post("casi 48 h", "2025-05-31T12:00:01-06:00"),
  post("48 h exactas", "2025-05-31T12:00:00-06:00"),
  post("la semana pasada", "2025-05-25T09:00:00-06:00"),
];

function locs(xml: string): string[] {
  const doc = new XMLParser({ isArray: (n) => n === "url" }).parse(xml) as { urlset: { url?: Array<{ loc: string }> } };
  return (doc.urlset.url ?? []).map((u) => decodeURIComponent(u.loc.split("/")[4]!));
}

test("lists the bulletins of the last 48 hours before the clock, none from the future", () => {
  const file = buildNewsSitemap(posts, now, DEFAULT_SITE);
  assert.equal(file.url, NEWS_SITEMAP_PATH);
  assert.equal(XMLValidator.validate(file.content), true);
  assert.deepEqual(locs(file.content), ["ahora", "ayer", "casi 48 h"]);
});

test("the window moves with the injected clock", () => {
  const later = buildNewsSitemap(posts, now.plus({ days: 10 }), DEFAULT_SITE);
  assert.deepEqual(locs(later.content), []);
  assert.equal(XMLValidator.validate(later.content), true, "an empty news sitemap is still valid");
  const earlier = buildNewsSitemap(posts, DateTime.fromISO("2025-05-26T08:00:00-06:00", { setZone: true }), DEFAULT_SITE);
  assert.deepEqual(locs(earlier.content), ["la semana pasada"]);
});

test("each entry names the publication, language, date with offset and escaped title", () => {
  const xml = buildNewsSitemap([post("Salud & <bienestar>", "2025-06-02T09:00:00-06:00")], now, DEFAULT_SITE).content;
  assert.match(xml, /<news:name>Boletines de prensa del IMSS<\/news:name><news:language>es<\/news:language>/);
  assert.match(xml, /<news:publication_date>2025-06-02T09:00:00-06:00<\/news:publication_date>/);
  assert.match(xml, /<news:title>Salud &amp; &lt;bienestar&gt;<\/news:title>/);
  assert.match(xml, /xmlns:news="http:\/\/www.google.com\/schemas\/sitemap-news\/0.9"/);
});
