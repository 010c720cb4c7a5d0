import assert from "node:assert/strict";
import { test } from "node:test";
import { bulletinUrl, monthUrl, outputFileFor, pathIdentity, sectionFeedUrl, sectionUrl, tagFeedUrl, tagUrl, yearUrl } from "../../src/policy/urls.ts";

test("URL scheme", () => {
  assert.equal(bulletinUrl(2021, "08", "reconoce-imss"), "/boletines/2021/08/reconoce-imss/");
  assert.equal(tagUrl("vacunacion"), "/temas/vacunacion/");
  assert.equal(tagUrl("vacunacion", 1), "/temas/vacunacion/");
  assert.equal(tagUrl("vacunacion", 2), "/temas/vacunacion/pagina/2/");
  assert.equal(sectionUrl("nacional", 3), "/secciones/nacional/pagina/3/");
  assert.equal(sectionFeedUrl("nacional"), "/secciones/nacional/feed.xml");
  assert.equal(tagFeedUrl("vacunacion"), "/temas/vacunacion/feed.xml");
  assert.equal(yearUrl(2024), "/boletines/2024/");
  assert.equal(yearUrl(2024, 2), "/boletines/2024/pagina/2/");
  assert.equal(monthUrl(2024, "04"), "/boletines/2024/04/");
  assert.equal(monthUrl(2024, "04", 12), "/boletines/2024/04/pagina/12/");
});

test("page numbers never collide with months", () => {
  const months = Array.from({ length: 12 }, (_, i) => monthUrl(2024, String(i + 1).padStart(2, "0")));
  const pages = Array.from({ length: 30 }, (_, i) => yearUrl(2024, i + 2));
  for (const p of pages) assert.ok(!months.includes(p));
});

test("output files", () => {
  assert.equal(outputFileFor("/"), "index.html");
  assert.equal(outputFileFor("/boletines/2021/08/x/"), "boletines/2021/08/x/index.html");
  assert.equal(outputFileFor("/feed.xml"), "feed.xml");
  assert.equal(outputFileFor("/_redirects"), "_redirects");
  assert.equal(outputFileFor("/old/page.html"), "old/page.html");
  // Hosts look requests up decoded: a percent-encoded path is written where they look.
  assert.equal(outputFileFor("/acentos/vacunaci%C3%B3n/"), "acentos/vacunación/index.html");
  assert.equal(outputFileFor("/viejo/a%20b/"), "viejo/a b/index.html");
  assert.equal(outputFileFor("/old/caf%C3%A9.html"), "old/café.html");
});

test("path identity ignores case and trailing slash", () => {
  assert.equal(pathIdentity("/News/1"), pathIdentity("/news/1/"));
  assert.equal(pathIdentity("/a/index.html"), pathIdentity("/a/"));
  assert.notEqual(pathIdentity("/a/b/"), pathIdentity("/a/"));
  // What hosts compare: the decoded path (`%41` is `A`; hex digits in either case).
  assert.equal(pathIdentity("/news/%41x"), pathIdentity("/news/ax/"));
  assert.equal(pathIdentity("/acentos/vacunaci%c3%b3n/"), pathIdentity("/ACENTOS/VACUNACI%C3%93N"));
});
