import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteUrl, bulletinUrl, monthUrl, outputFileFor, pathIdentity, pathPrefixOf, sectionFeedUrl, sectionUrl, sitePathOfAddress, srcsetWithPathPrefix, tagFeedUrl, tagUrl, withPathPrefix, yearUrl } from "../../src/policy/urls.ts";

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

test("a site served under a path: its prefix, the addresses a page prints, absolute addresses, and the site path of a full address", () => {
  assert.equal(pathPrefixOf("https://www.imss.gob.mx"), "");
  assert.equal(pathPrefixOf("http://127.0.0.1:8080"), "");
  assert.equal(pathPrefixOf("https://imss-mx.github.io/boletines"), "/boletines");
  assert.equal(pathPrefixOf("https://example.org/prensa/boletines"), "/prensa/boletines");

  // Site paths go under the prefix; anything else is left as it is.
  assert.equal(withPathPrefix("/boletines", "/"), "/boletines/");
  assert.equal(withPathPrefix("/boletines", "/boletines/2024/04/x/"), "/boletines/boletines/2024/04/x/");
  assert.equal(withPathPrefix("/boletines", "/#recientes"), "/boletines/#recientes");
  assert.equal(withPathPrefix("/boletines", "/buscar/?q=a"), "/boletines/buscar/?q=a");
  for (const other of ["https://www.gob.mx/imss", "//cdn.example/x", "/\\evil.example", "#fn:1", "mailto:a@b.mx", "../otro/", "x/", ""]) {
    assert.equal(withPathPrefix("/boletines", other), other, other);
  }
  // Without a prefix nothing changes: a site at the root of its origin prints what it always printed.
  for (const p of ["/", "/temas/", "https://x.mx/"]) assert.equal(withPathPrefix("", p), p);
  assert.equal(srcsetWithPathPrefix("/boletines", "/img/a-480.webp 480w, /img/a-960.webp 960w"), "/boletines/img/a-480.webp 480w, /boletines/img/a-960.webp 960w");
  assert.equal(srcsetWithPathPrefix("", "/img/a-480.webp 480w"), "/img/a-480.webp 480w");
  assert.equal(absoluteUrl("https://imss-mx.github.io/boletines", "/feed.xml"), "https://imss-mx.github.io/boletines/feed.xml");

  const base = "https://imss-mx.github.io/boletines";
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/boletines/temas/x/"), base), "/temas/x/");
  assert.equal(sitePathOfAddress(new URL("http://imss-mx.github.io/boletines/boletines/2024/"), base), "/boletines/2024/", "http or https alike");
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/boletines"), base), "/");
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/boletines/"), base), "/");
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/otro-repositorio/temas/x/"), base), undefined, "another repository's pages");
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/boletines-viejos/x/"), base), undefined);
  assert.equal(sitePathOfAddress(new URL("https://imss-mx.github.io/temas/x/"), base), undefined);
  assert.equal(sitePathOfAddress(new URL("https://www.imss.gob.mx/boletines/2024/"), base), undefined);
  assert.equal(sitePathOfAddress(new URL("https://www.imss.gob.mx/boletines/2024/"), "https://www.imss.gob.mx"), "/boletines/2024/");
  assert.equal(sitePathOfAddress(new URL("https://www.imss.gob.mx:8443/x/"), "https://www.imss.gob.mx"), undefined, "another port");
});
