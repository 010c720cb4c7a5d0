import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { FIXTURE, startFixtureSite, type FixtureSite } from "./fixture-site.ts";

/** A reader's journeys through the served fixture site, in Debian's Chromium. */
const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");

let site: FixtureSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every URL the browser asked for, to prove nothing comes from another host. */
const requested: string[] = [];
/** Uncaught script errors (the search page is the only one with a script). */
const pageErrors: string[] = [];

before(async () => {
  // Six bulletins per search index at most: 2024 (twelve) is indexed in halves, so searches go
  // through a year of several indexes too (src/render/site-data.ts searchShardPlan).
  site = await startFixtureSite({ site: { ...DEFAULT_SITE, searchIndexPages: 6 } });
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: site.origin, viewport: { width: 1280, height: 900 } });
  context.on("request", (r) => requested.push(r.url()));
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});
after(async () => {
  await browser?.close();
  await site?.dispose();
});

function pathOf(p: Page): string {
  const url = new URL(p.url());
  return url.pathname + url.search;
}

test("home → a bulletin → one of its tags → page 2 of that tag → back", async () => {
  await page.goto("/");
  assert.equal(await page.title(), "Boletines de prensa del IMSS");
  // The newest bulletin is featured: it leads «Destacados» (and is not repeated in «Boletines recientes»).
  await page.locator("section.featured .card-title a").first().click();
  await page.waitForURL(`**${FIXTURE.featured}`);
  assert.equal(await page.locator("h1").textContent(), "Campaña de vacunación contra el sarampión en Mérida");
  await page.locator("section.tags a", { hasText: "vacunación" }).click();
  await page.waitForURL(`**${FIXTURE.tag}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Tema: vacunación");
  assert.equal(await page.locator(".cards .card").count(), 20);
  await page.locator('.pagination a[rel="next"]').click();
  await page.waitForURL(`**${FIXTURE.tagPage2}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Tema: vacunación (página 2)");
  assert.equal(await page.locator(".cards .card").count(), 2);
  assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), "2");
  await page.goBack();
  await page.waitForURL(`**${FIXTURE.tag}`);
  assert.equal(pathOf(page), FIXTURE.tag);
});

test("a section page and a year archive", async () => {
  await page.goto("/");
  await page.locator("nav.site-nav a", { hasText: "Secciones" }).click();
  await page.waitForURL("**/secciones/");
  await page.locator(".index-list a", { hasText: "Local" }).click();
  await page.waitForURL(`**${FIXTURE.section}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Sección: Local");
  const sections = await page.locator(".card .meta a").allTextContents();
  assert.ok(sections.length > 5 && sections.every((s) => s === "Local"), sections.join(", "));

  await page.locator("nav.site-nav a", { hasText: "Archivo" }).click();
  await page.waitForURL(`**${FIXTURE.archive}`);
  await page.locator(".index-archive > li > a", { hasText: "2024" }).click();
  await page.waitForURL(`**${FIXTURE.year}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Boletines de 2024");
  const dates = await page.locator(".card time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  assert.equal(dates.length, 12);
  assert.ok(dates.every((d) => d.startsWith("2024-")), dates.join(", "));
  assert.deepEqual([...dates].sort().reverse(), dates, "newest first");
});

test("subscribing: a section's «Suscripción» opens its feed's address to copy (not raw XML), and that address serves its Atom feed", async () => {
  await page.goto(FIXTURE.section);
  await page.locator(".list-count a", { hasText: "Suscripción" }).click();
  await page.waitForURL(`**${FIXTURE.subscribe}#seccion-local`);
  const field = page.locator("#seccion-local input");
  assert.equal(await page.locator("#seccion-local h2").textContent(), "Local");
  assert.equal(await field.getAttribute("readonly"), "");
  const address = new URL(await field.inputValue());
  assert.equal(address.href, `${DEFAULT_SITE.baseUrl}/secciones/local/feed.xml`);
  // The same feed, served: the section's Atom feed, whose entries are Local bulletins.
  const feed = await page.request.get(address.pathname);
  assert.equal(feed.status(), 200);
  const xml = await feed.text();
  assert.match(xml, /<title>[^<]*: Local<\/title>/);
  // The footer of every page leads here too, to the whole site's feeds first.
  await page.goto("/");
  await page.locator(".site-footer a", { hasText: "Suscripción" }).click();
  await page.waitForURL(`**${FIXTURE.subscribe}`);
  const firstFeed = page.locator(".feed").first();
  assert.equal(await firstFeed.locator("h2").textContent(), "Todos los boletines");
  assert.deepEqual(await firstFeed.locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), [
    `${DEFAULT_SITE.baseUrl}/feed.xml`,
    `${DEFAULT_SITE.baseUrl}/feed.json`,
  ]);
  // Every section has its entry, in the order of the sections page.
  const sections = await page.locator(".feed h2").allTextContents();
  await page.goto("/secciones/");
  assert.deepEqual(sections.slice(1), await page.locator(".index-list a").allTextContents());
  // No sideways scrolling on the narrowest phone (the addresses are long).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(FIXTURE.subscribe);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("subscribing to a topic: its page holds its feed's address to copy, and that address serves the topic's newest bulletins", async () => {
  await page.goto(FIXTURE.tag);
  const box = page.locator("details.subscribe");
  const field = box.locator("input");
  // Closed, one line, until the reader opens it.
  assert.equal(await field.isVisible(), false);
  await box.locator("summary").click();
  assert.equal(await field.isVisible(), true);
  assert.equal(await field.getAttribute("readonly"), "");
  // The field is named for assistive technology by its label.
  assert.equal(await page.getByLabel("Dirección para su lector (Atom)").inputValue(), await field.inputValue());
  const address = new URL(await field.inputValue());
  assert.equal(address.href, `${DEFAULT_SITE.baseUrl}${FIXTURE.tag}feed.xml`);
  const feed = await page.request.get(address.pathname);
  assert.equal(feed.status(), 200);
  const xml = await feed.text();
  const label = (await page.locator("h1").textContent())!.replace(/^Tema: /, "");
  assert.ok(xml.includes(`<title>Boletines de prensa del IMSS: ${label}</title>`), xml.slice(0, 400));
  // The same bulletins as the topic's page, newest first: summaries and addresses, not the whole text.
  const entries = [...xml.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/g)].map((m) => new URL(m[1]!).pathname);
  const cards = await page.locator(".card-title a").evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  assert.deepEqual(entries, cards.slice(0, entries.length));
  assert.ok(entries.length > 1);
  assert.ok(!xml.includes("<content"), "a topic's feed carries no whole text");
  // The page names it, after the site's, for news readers that look for them.
  assert.deepEqual(await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((els) => els.map((e) => e.getAttribute("href"))), ["/feed.xml", `${FIXTURE.tag}feed.xml`]);
  // Open, it fits the narrowest phone (the address is long).
  await page.setViewportSize({ width: 320, height: 640 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("with the phone's text at 150 % and 200 % (Android's text size), no page scrolls sideways and the header search keeps room", async () => {
  const kinds = ["/", FIXTURE.featured, FIXTURE.tag, FIXTURE.section, FIXTURE.search, "/404.html"];
  const phone = await browser.newContext({ baseURL: site.origin, viewport: { width: 360, height: 740 } });
  try {
    const tab = await phone.newPage();
    const cdp = await phone.newCDPSession(tab);
    for (const standard of [24, 32]) {
      await cdp.send("Page.setFontSizes", { fontSizes: { standard } });
      for (const url of kinds) {
        await tab.goto(url);
        await tab.evaluate(() => document.fonts.ready);
        assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${url} at ${standard}px text`);
        const box = await tab.locator("#buscar-encabezado").boundingBox();
        assert.ok(box && box.width >= 6 * standard - 1, `${url} at ${standard}px text: the header search box is ${box?.width}px wide`);
      }
    }
  } finally {
    await phone.close();
  }
});

test("every kind of page fits a 320px phone, with the web font and before it arrives (the fallback font is wider)", async () => {
  const kinds = ["/", FIXTURE.featured, FIXTURE.tag, FIXTURE.tags, FIXTURE.section, "/secciones/", FIXTURE.year, FIXTURE.archive, FIXTURE.search, FIXTURE.subscribe, "/404.html"];
  for (const webFont of [true, false]) {
    const phone = await browser.newContext({ baseURL: site.origin, viewport: { width: 320, height: 640 } });
    try {
      const tab = await phone.newPage();
      // Without the web font, as a reader on a slow network first sees the page (font-display: swap).
      if (!webFont) await tab.route("**/*.woff2", (r) => r.abort());
      for (const url of kinds) {
        await tab.goto(url);
        await tab.evaluate(() => document.fonts.ready);
        const wide = await tab.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > width + 0.01 && getComputedStyle(e).position !== "absolute")
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        });
        assert.deepEqual(wide, [], `${url} at 320px ${webFont ? "with" : "without"} the web font: these run off the screen`);
        assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, url);
      }
    } finally {
      await phone.close();
    }
  }
});

test("pagination of a long list fits the narrowest phone: page numbers wrap instead of running off the screen", async () => {
  // One bulletin a page: «vacunación» has 22 pages, and page 10 shows 1 … 8 9 10 11 12 … 22.
  const long = await startFixtureSite({ site: { ...DEFAULT_SITE, pageSize: 1 } });
  const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const tab = await narrow.newPage();
    await tab.goto(`${long.origin}${FIXTURE.tag}pagina/10/`);
    assert.deepEqual(await tab.locator(".pagination li").allTextContents(), ["1", "…", "8", "9", "10", "11", "12", "…", "22"]);
    assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "the page scrolls sideways at 360px");
    // The last page number is on the screen's width, and the ellipses sit on the numbers' line height.
    const last = await tab.locator(".pagination li").last().boundingBox();
    assert.ok(last && last.x + last.width <= 360, JSON.stringify(last));
    const [dots, number] = await Promise.all([tab.locator(".pagination li").nth(1).boundingBox(), tab.locator(".pagination li").nth(2).boundingBox()]);
    assert.equal(dots?.height, number?.height);
  } finally {
    await narrow.close();
    await long.dispose();
  }
});

test("a missing URL shows the 404 page with status 404", async () => {
  const res = await page.goto("/boletines/2099/01/no-existe/");
  assert.equal(res?.status(), 404);
  assert.equal((await page.locator("h1").textContent())?.trim(), "No encontramos esta página");
  assert.ok(await page.locator('a[href="/"]').first().isVisible());
});

test("a bulletin's address cut short: the 404 page offers its words as a search, which finds the bulletin", async () => {
  const cut = FIXTURE.featured.slice(0, FIXTURE.featured.indexOf("-saram") + "-saram".length);
  const res = await page.goto(cut);
  assert.equal(res?.status(), 404);
  const offer = page.locator("#sugerencia-404 a");
  await offer.waitFor();
  assert.equal(await offer.textContent(), "Buscar «campana de vacunacion contra el saram»");
  assert.equal(await page.locator("#buscar-404").inputValue(), "campana de vacunacion contra el saram");
  await offer.click();
  await page.waitForURL("**/buscar/?q=campana+de+vacunacion+contra+el+saram");
  const first = page.locator(".search-result a").first();
  await first.waitFor();
  assert.equal(await first.getAttribute("href"), FIXTURE.featured);

  // The submitted form asks the same.
  await page.goto(cut);
  await page.locator("#buscar-404").press("Enter");
  await page.waitForURL("**/buscar/?q=campana+de+vacunacion+contra+el+saram");
});

test("the 404 page's offer: words of an earlier site's address, none for a number, text never markup", async () => {
  await page.goto("/noticias/vacunaci%C3%B3n-en-m%C3%A9rida.html");
  assert.equal(await page.locator("#sugerencia-404 a").textContent(), "Buscar «vacunación en mérida»");
  // A page number says where, not what: the topic's words are taken.
  await page.goto("/temas/sarampion/pagina/9/");
  assert.equal(await page.locator("#buscar-404").inputValue(), "sarampion");

  for (const path of ["/news/999999", "/prensa/archivo/202404/171/"]) {
    const res = await page.goto(path);
    assert.equal(res?.status(), 404, path);
    assert.equal(await page.locator("#sugerencia-404").isHidden(), true, path);
    assert.equal(await page.locator("#buscar-404").inputValue(), "", path);
  }

  const errors = pageErrors.length;
  await page.goto("/boletines/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3Evacuna");
  const offer = page.locator("#sugerencia-404 a");
  assert.equal(await offer.textContent(), "Buscar «<img src=x onerror=alert(1)>vacuna»");
  assert.equal(await page.locator("main img").count(), 0);
  assert.equal(new URL((await offer.getAttribute("href"))!, site.origin).searchParams.get("q"), "<img src=x onerror=alert(1)>vacuna");
  assert.equal(pageErrors.length, errors);
});

test("an old URL (/news/190812) ends on its bulletin through a 301", async () => {
  const res = await page.goto(FIXTURE.oldUrl);
  assert.equal(pathOf(page), FIXTURE.redirected);
  assert.equal(res?.status(), 200);
  assert.equal(res?.request().redirectedFrom()?.url(), `${site.origin}${FIXTURE.oldUrl}`);
  assert.equal(await (await res!.request().redirectedFrom()!.response())?.status(), 301);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Recomienda IMSS vacunación a personas mayores de 60 años");
});

test("searching from the header without accents finds the accented bulletin, and the result opens it", async () => {
  await page.goto(FIXTURE.tags);
  await page.locator("#buscar-encabezado").fill("sarampion merida");
  await page.locator("#buscar-encabezado").press("Enter");
  await page.waitForURL("**/buscar/?q=sarampion+merida");
  const first = page.locator(".search-result a").first();
  await first.waitFor();
  assert.equal(await first.textContent(), "Campaña de vacunación contra el sarampión en Mérida");
  assert.match((await page.locator(".search-result .summary").first().textContent()) ?? "", /sarampión/i);
  assert.match((await page.locator(".search-result .meta").first().textContent()) ?? "", /2025/);
  assert.match((await page.locator("#estado-busqueda").textContent()) ?? "", /boletín encontrado|boletines encontrados/);
  // The form keeps what was searched.
  assert.equal(await page.locator("#q").inputValue(), "sarampion merida");
  await first.click();
  await page.waitForURL(`**${FIXTURE.featured}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Campaña de vacunación contra el sarampión en Mérida");
});

test("a search's choices come from its address: spelled by hand in any case and accents, and empty after Back", async () => {
  await page.goto(`${FIXTURE.search}?q=&seccion=local`);
  await page.waitForURL(`**${FIXTURE.section}`);
  await page.goto(`${FIXTURE.search}?q=sarampion&tema=VACUNACION`);
  await page.locator(".search-result a").first().waitFor();
  assert.equal(await page.locator("#tema").inputValue(), "vacunación");
  assert.match((await page.locator("#estado-busqueda").textContent()) ?? "", /tema vacunación/);

  // The browser restores a form as it was left; the address, not that, says what is searched.
  await page.goto(`${FIXTURE.search}?q=sarampion`);
  await page.locator(".search-result a").first().waitFor();
  await page.locator("#anio").selectOption("2024");
  await page.goto("/");
  await page.goBack();
  await page.locator(".search-result a").first().waitFor();
  assert.equal(await page.locator("#anio").inputValue(), "");
});

test("search filters by section, year and tag", async () => {
  // Words and two choices: Pagefind's results.
  await page.goto(`${FIXTURE.search}?q=&seccion=Infraestructura&anio=2023`);
  await page.locator(".search-result a").first().waitFor();
  assert.deepEqual(await page.locator(".search-result a").allTextContents(), ["IMSS inaugura hospital general de zona en Querétaro"]);
  assert.equal(await page.locator("#seccion").inputValue(), "Infraestructura");
  // One choice and no words: that section's own page, which lists the same bulletins (no index downloaded).
  let before = requested.length;
  await page.goto(`${FIXTURE.search}?q=&seccion=Infraestructura`);
  await page.waitForURL("**/secciones/infraestructura/");
  assert.deepEqual(await page.locator(".card-title a").allTextContents(), ["IMSS inaugura hospital general de zona en Querétaro"]);
  // (Pagefind's code and WebAssembly are asked for with the page, layouts/search.njk: not an index.)
  const index = requested.slice(before).filter((u) => u.includes("/pagefind/") && !/\/(pagefind\.js|wasm\.[\w-]+\.pagefind)$/.test(new URL(u).pathname));
  assert.deepEqual(index, [], "no search index was loaded");
  await page.goBack();
  assert.ok(page.url().endsWith("?q=&seccion=Infraestructura&anio=2023"), `the search address is replaced, not kept in the history: back at ${page.url()}`);

  // Two choices and no words: Pagefind lists them, newest first, in the order of the site's own lists,
  // and downloads no index's words (src/build/pagefind-backport.ts).
  const expected: string[] = [];
  for (const url of [FIXTURE.tag, FIXTURE.tagPage2]) {
    await page.goto(url);
    for (const card of await page.locator(".card").all()) {
      if ((await card.locator(".meta a").allTextContents()).includes("Local")) expected.push((await card.locator(".card-title a").textContent()) ?? "");
    }
  }
  assert.ok(expected.length > 10, `more than a page of results (${expected.length})`);
  before = requested.length;
  await page.goto(`${FIXTURE.search}?q=&seccion=Local&tema=vacunaci%C3%B3n`);
  await page.locator("#estado-busqueda", { hasText: `${expected.length} boletines encontrados` }).waitFor();
  // The status names the choices and the order.
  assert.equal(await page.locator("#estado-busqueda").textContent(), `${expected.length} boletines encontrados (sección Local, tema vacunación), del más reciente al más antiguo.`);
  await page.locator(".search-result a").first().waitFor();
  await page.locator("#mas-resultados").click();
  await page.locator(".search-result").nth(expected.length - 1).waitFor();
  assert.deepEqual(await page.locator(".search-result h2 a").allTextContents(), expected);
  const asked = requested.slice(before).map((u) => new URL(u).pathname);
  assert.ok(asked.some((u) => u.endsWith(".pf_filter")), "filters were loaded");
  assert.deepEqual(asked.filter((u) => u.endsWith(".pf_index")), [], "no index's words were loaded");
  // The words index knows each index's sections and tags: 2023 has no bulletin of either, and is not loaded.
  assert.ok(!asked.some((u) => u.startsWith("/pagefind/2023/")), "2023 has neither");
  for (const [search, title, index] of [
    ["?q=&seccion=Nacional&tema=guarder%C3%ADas", "Vacunación en guarderías del IMSS", "2025-01"],
    ["?q=vacunacion&tema=sarampi%C3%B3n", "Campaña de vacunación contra el sarampión en Mérida", "2025-01"],
  ] as const) {
    before = requested.length;
    await page.goto(`${FIXTURE.search}${search}`);
    await page.locator("#estado-busqueda", { hasText: "1 boletín encontrado" }).waitFor();
    assert.deepEqual(await page.locator(".search-result h2 a").allTextContents(), [title], search);
    const indexes = new Set(requested.slice(before).flatMap((u) => /\/pagefind\/([\w-]+)\//.exec(new URL(u).pathname)?.[1] ?? []));
    assert.deepEqual([...indexes].sort(), [index, "palabras"], `${search}: only the index with that tag`);
  }

  await page.goto(`${FIXTURE.search}?q=vacunacion&anio=2025&tema=salud+infantil`);
  await page.locator(".search-result a").first().waitFor();
  const titles = await page.locator(".search-result a").allTextContents();
  assert.deepEqual(titles.sort(), ["Vacunación contra neumococo protege a niñas y niños", "Vacunación en guarderías del IMSS"]);

  await page.goto(`${FIXTURE.search}?q=hospital&anio=2024`);
  await page.locator("#estado-busqueda", { hasText: "No hay boletines" }).waitFor();
  assert.equal(await page.locator(".search-result").count(), 0);
});

test("search: the count is said once its results are on the page, even when their excerpts come slowly", async () => {
  // Each result's excerpt is a fragment file, loaded after the count is known. Slowed down here, a
  // count said before the results would be read (and announced) next to an empty list.
  const slow = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  };
  await page.route("**/*.pf_fragment", slow);
  try {
    await page.goto(`${FIXTURE.search}?q=vacunacion&tema=sarampi%C3%B3n`);
    await page.locator("#estado-busqueda", { hasText: "1 boletín encontrado" }).waitFor();
    assert.deepEqual(await page.locator(".search-result h2 a").allTextContents(), ["Campaña de vacunación contra el sarampión en Mérida"]);
    await page.goto(`${FIXTURE.search}?q=&seccion=Local&tema=vacunaci%C3%B3n`);
    await page.locator("#estado-busqueda", { hasText: "boletines encontrados" }).waitFor();
    assert.equal(await page.locator(".search-result").count(), 10, "the first page of results");
  } finally {
    await page.unroute("**/*.pf_fragment", slow);
  }
});

test("search: a word of one year finds only its bulletins, though every year has an index of its own (no prefix fallback, Pagefind #780)", async () => {
  // Each word below is in one bulletin of one year; the other years' indexes have shorter words it
  // starts with («que», «neu»…), which Pagefind would answer with if they were asked for it.
  const indexes = (from: number) => new Set(requested.slice(from).flatMap((u) => /\/pagefind\/(\d{4}(?:-\d{2})?|palabras)\//.exec(u)?.[1] ?? []));
  const cases: Array<[query: string, title: string]> = [
    ["queretaro", "IMSS inaugura hospital general de zona en Querétaro"],
    ["neumococo", "Vacunación contra neumococo protege a niñas y niños"],
    ['"hospital general"', "IMSS inaugura hospital general de zona en Querétaro"],
  ];
  for (const [query, title] of cases) {
    const before = requested.length;
    await page.goto(`${FIXTURE.search}?q=${encodeURIComponent(query)}`);
    // The count is shown first, then the first results all at once.
    await page.locator("#estado-busqueda", { hasText: "encontrado" }).waitFor();
    await page.locator(".search-result a").first().waitFor();
    assert.deepEqual(await page.locator(".search-result a").allTextContents(), [title], `«${query}»`);
    assert.equal(await page.locator("#estado-busqueda").textContent(), `1 boletín encontrado para «${query}».`);
    // The words index was asked first, and only the year with the word was searched.
    const asked = indexes(before);
    assert.ok(asked.has("palabras"), `«${query}»: ${[...asked]}`);
    assert.equal(asked.size, 2, `«${query}»: the words index and one index, not ${[...asked]}`);
    // One copy of Pagefind's code for the reader: the years are merged into the words index's.
    const code = requested.slice(before).filter((u) => /\/(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/.test(new URL(u).pathname));
    assert.ok(code.length > 0 && code.every((u) => new URL(u).pathname.startsWith("/pagefind/palabras/")), code.join(" "));
  }
  // A year chosen: only that year's indexes (2024 has two halves), if they have the words; a year
  // without them is not even loaded.
  let before = requested.length;
  await page.goto(`${FIXTURE.search}?q=vacunacion&anio=2024`);
  await page.locator("#estado-busqueda", { hasText: "12 boletines encontrados" }).waitFor();
  await page.locator(".search-result a").first().waitFor();
  await page.waitForLoadState("networkidle");
  assert.deepEqual([...indexes(before)].sort(), ["2024-01", "2024-07", "palabras"]);
  before = requested.length;
  await page.goto(`${FIXTURE.search}?q=neumococo&anio=2024`);
  await page.locator("#estado-busqueda", { hasText: "No hay boletines" }).waitFor();
  assert.equal(await page.locator(".search-result").count(), 0);
  assert.deepEqual([...indexes(before)], ["palabras"]);
  // A word of every year: every year's index.
  before = requested.length;
  await page.goto(`${FIXTURE.search}?q=imss`);
  await page.locator(".search-result a").first().waitFor();
  assert.deepEqual([...indexes(before)].sort(), ["2023", "2024-01", "2024-07", "2025-01", "palabras"]);
});

test("search: a word no bulletin has gives no results and is named (Pagefind would answer the pages of «h»), from the words index alone; a word being typed and a topic are found", async () => {
  // Every case on this site (a words index and five indexes) and on a site of one index, in a
  // context of its own (the last test counts this one's requests).
  const single = await startFixtureSite();
  const singleContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  singleContext.setDefaultTimeout(E2E_TIMEOUT_MS);
  try {
    const singlePage = await singleContext.newPage();
    singlePage.on("pageerror", (e) => pageErrors.push(e.message));
    for (const [origin, tab] of [[site.origin, page], [single.origin, singlePage]] as const) {
      const search = async (query: string) => {
        await tab.goto(`${origin}${FIXTURE.search}?q=${encodeURIComponent(query)}`);
        await tab.locator("#estado-busqueda", { hasText: /encontrad|No hay/ }).waitFor();
        return { status: await tab.locator("#estado-busqueda").textContent(), titles: await tab.locator(".search-result h2 a").allTextContents() };
      };
      for (const query of ["hemodialisis", "salud hemodialisis"]) {
        const before = requested.length;
        const status = `No hay boletines que coincidan con «${query}». Ningún boletín tiene «hemodialisis»: revise cómo está escrita.`;
        assert.deepEqual(await search(query), { status, titles: [] }, `${origin}: «${query}»`);
        // Nothing found: the other ways to a bulletin, and no empty screen kept for results.
        assert.ok(await tab.locator("#sin-busqueda").isVisible(), `${origin}: «${query}»`);
        assert.ok(!(await tab.locator("#resultados").isVisible()), `${origin}: «${query}»`);
        if (tab === page) {
          // Told by the words index: no year's index was downloaded for it (Pagefind's fallback words
          // are in every year, and merging them all cost two requests each and their word chunks).
          await tab.waitForLoadState("networkidle");
          const asked = new Set(requested.slice(before).flatMap((u) => /\/pagefind\/([\w-]+)\//.exec(new URL(u).pathname)?.[1] ?? []));
          assert.deepEqual([...asked], ["palabras"], `«${query}»`);
        }
      }
      // «vacunaci» is the start of «vacunación», though not of Pagefind's stem «vacun»: the 22.
      assert.match((await search("vacunaci")).status ?? "", /^22 boletines encontrados/, origin);
      // «cadena de frío» is a topic of one bulletin whose text does not have it.
      assert.deepEqual((await search("cadena de frio")).titles, ["Jornada de vacunación en Chihuahua supera la meta"], origin);
    }
  } finally {
    await singleContext.close();
    await single.dispose();
  }
});

test("search: a double tap on «Ver más resultados» adds the next ten once; the status line names the choices; on a phone the results are brought into view", async () => {
  const narrow = await browser.newContext({ baseURL: site.origin, viewport: { width: 360, height: 740 } });
  narrow.setDefaultTimeout(E2E_TIMEOUT_MS);
  try {
    const tab = await narrow.newPage();
    tab.on("pageerror", (e) => pageErrors.push(e.message));
    await tab.goto(`${FIXTURE.search}?q=vacunacion`);
    await tab.locator("#estado-busqueda", { hasText: "22 boletines encontrados" }).waitFor();
    // The header and the form fill a phone's screen: the status line was scrolled to.
    const top = await tab.locator("#estado-busqueda").evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top > -1 && top < 740 / 2, `status line at ${top}px`);
    await tab.locator("#mas-resultados").dblclick();
    await tab.locator(".search-result").nth(19).waitFor();
    await tab.waitForTimeout(300);
    const titles = await tab.locator(".search-result h2 a").allTextContents();
    assert.equal(titles.length, 20, titles.join(" | "));
    assert.equal(new Set(titles).size, 20, "no result twice");
    await tab.locator("#mas-resultados").click();
    await tab.locator(".search-result").nth(21).waitFor();
    assert.equal(new Set(await tab.locator(".search-result h2 a").allTextContents()).size, 22);
    assert.ok(await tab.locator("#mas-resultados").isHidden());
    // With a section chosen, it is named, with results and without.
    await tab.goto(`${FIXTURE.search}?q=vacunacion&seccion=Local`);
    await tab.locator("#estado-busqueda", { hasText: "encontrad" }).waitFor();
    assert.match((await tab.locator("#estado-busqueda").textContent()) ?? "", /^\d+ boletines encontrados para «vacunacion» \(sección Local\)\.$/);
    await tab.goto(`${FIXTURE.search}?q=queretaro&seccion=Local`);
    await tab.locator("#estado-busqueda", { hasText: "No hay" }).waitFor();
    assert.equal(await tab.locator("#estado-busqueda").textContent(), "No hay boletines que coincidan con «queretaro» (sección Local).");
  } finally {
    await narrow.close();
  }
});

test("search: Back from a result of a later batch shows the same batches, with the result where the reader left it", async () => {
  // «vacunacion» has 22 results: three batches. Playwright's Chromium has no back-forward cache, so
  // Back loads the page again, as a browser does when it drops a page from that cache.
  for (const batches of [2, 3]) {
    await page.goto(`${FIXTURE.search}?q=vacunacion`);
    await page.locator("#estado-busqueda", { hasText: "22 boletines encontrados" }).waitFor();
    for (let i = 1; i < batches; i++) {
      await page.locator("#mas-resultados").click();
      await page.locator(".search-result").nth(Math.min(22, i * 10 + 10) - 1).waitFor();
    }
    const shown = Math.min(22, batches * 10);
    // A result of the last batch shown, a little above the bottom of the screen.
    const link = page.locator(".search-result h2 a").nth(shown - 3);
    const [title, href] = [await link.textContent(), await link.getAttribute("href")];
    await link.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 900, `the reader scrolled down (${scrolled}px)`);
    const top = (await link.boundingBox())!.y;
    await link.click();
    await page.waitForURL(`**${href}`);
    await page.goBack();
    await page.waitForURL("**/buscar/?q=vacunacion");
    await page.locator("#estado-busqueda", { hasText: "22 boletines encontrados" }).waitFor();
    assert.equal(await page.locator(".search-result").count(), shown, `${batches} batches, as before`);
    const again = page.locator(".search-result h2 a").nth(shown - 3);
    assert.equal(await again.textContent(), title);
    assert.equal(await again.getAttribute("href"), href);
    // Where it was on the screen, visible, and focused for a keyboard to go on from there.
    const box = (await again.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 900, `the result is on the screen: ${JSON.stringify(box)}`);
    assert.ok(Math.abs(box.y - top) <= 2, `at ${box.y}px, as before (${top}px)`);
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) <= 2, "the same scroll position");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), href);
    assert.equal(await page.locator("#mas-resultados").isVisible(), shown < 22, "«Ver más resultados» while there are more");
  }
  // A new search of the same words starts at the top, with the first batch.
  await page.goto(`${FIXTURE.search}?q=vacunacion`);
  await page.locator("#estado-busqueda", { hasText: "22 boletines encontrados" }).waitFor();
  await page.locator(".search-result").first().waitFor();
  assert.equal(await page.locator(".search-result").count(), 10);
});

test("search: the page's title names the search; a search with nothing in it says what to do and where else to look", async () => {
  await page.goto(`${FIXTURE.search}?q=vacunaci%C3%B3n&seccion=Local`);
  await page.locator("#estado-busqueda", { hasText: "encontrad" }).waitFor();
  assert.equal(await page.title(), "«vacunación» (sección Local) · Buscar boletines · Boletines IMSS");
  await page.goto(`${FIXTURE.search}?q=&seccion=Local&tema=vacunaci%C3%B3n`);
  await page.locator("#estado-busqueda", { hasText: "encontrad" }).waitFor();
  assert.equal(await page.title(), "Sección Local, tema vacunación · Buscar boletines · Boletines IMSS");
  assert.ok(await page.locator("#sin-busqueda").isHidden());
  // The header's box sent empty, from a bulletin.
  await page.goto(FIXTURE.featured);
  await page.locator("#buscar-encabezado").press("Enter");
  await page.waitForURL("**/buscar/?q=");
  await page.locator("#estado-busqueda", { hasText: "Escriba" }).waitFor();
  assert.equal(await page.locator("#estado-busqueda").textContent(), "Escriba una o más palabras, o elija una sección, un año o un tema, y pulse «Buscar».");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "q", "the cursor is in the words' box");
  assert.equal(await page.title(), "Buscar boletines · Boletines IMSS");
  const help = page.locator("#sin-busqueda");
  assert.ok(await help.isVisible());
  await help.locator("a", { hasText: "boletines recientes" }).click();
  await page.waitForURL("**/#recientes");
  assert.equal(await page.locator("section.latest .card-title a").first().textContent(), "Recomendaciones tras la vacunación: el IMSS responde");
  // Opened by itself, the page offers the same ways, and nothing is said before the reader asks.
  await page.goto(FIXTURE.search);
  assert.ok(await page.locator("#sin-busqueda").isVisible());
  assert.equal(await page.locator("#estado-busqueda").textContent(), "");
});

test("search on a slow network: the status line says what is being searched, and Pagefind's code and WebAssembly are asked for with the page, once each, with no worker script", async () => {
  const own = await browser.newContext({ baseURL: site.origin, viewport: { width: 1280, height: 900 } });
  own.setDefaultTimeout(E2E_TIMEOUT_MS);
  const asked: string[] = [];
  own.on("request", (r) => asked.push(new URL(r.url()).pathname));
  // The years' indexes answer slowly (a phone's network): what the reader sees meanwhile.
  const slow = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  };
  try {
    const tab = await own.newPage();
    tab.on("pageerror", (e) => pageErrors.push(e.message));
    await tab.route(/\/pagefind\/\d{4}/, slow);
    const said: string[] = [];
    await tab.exposeFunction("said", (text: string) => said.push(text));
    await tab.addInitScript(() => {
      let last = "";
      new MutationObserver(() => {
        const text = document.getElementById("estado-busqueda")?.textContent ?? "";
        if (text !== last) (window as unknown as { said(t: string): void }).said((last = text));
      }).observe(document, { childList: true, characterData: true, subtree: true });
    });
    await tab.goto(`${FIXTURE.search}?q=imss`);
    await tab.locator("#estado-busqueda", { hasText: "encontrado" }).waitFor();
    assert.deepEqual(said.slice(0, 3), ["Buscando…", "Buscando en los boletines de 3 años (2023 a 2025)…", "Cargando los resultados…"], said.join(" | "));
    assert.match(said.at(-1)!, /^\d+ boletines encontrados para «imss»\.$/);
    await tab.goto(`${FIXTURE.search}?q=vacunacion&anio=2024`);
    await tab.locator("#estado-busqueda", { hasText: "encontrado" }).waitFor();
    assert.ok(said.includes("Buscando en los boletines de 2024…"), said.join(" | "));
    // Preloaded by the page (layouts/search.njk) and used: each once a page, and no worker.
    const count = (name: string) => asked.filter((u) => u.endsWith(name)).length;
    assert.equal(count("/pagefind/palabras/pagefind.js"), 2);
    assert.equal(count("/pagefind/palabras/wasm.es-mx.pagefind"), 2);
    assert.equal(count("pagefind-worker.js"), 0);
  } finally {
    await own.close();
  }
});

test("search: a count of results of a thousand or more is written with a thousands separator («1,234 boletines encontrados»)", async () => {
  // Pagefind stood in for by a module that finds 1,234 pages (the fixture has 24 bulletins).
  const fake = `
const names = JSON.parse(document.getElementById("buscador").dataset.indices).map(([name]) => name);
const page = (i) => ({ id: String(i), score: 1, data: async () => ({ url: "/boletines/" + i + "/", meta: { title: "Boletín " + i }, excerpt: "texto", content: "texto", locations: [] }) });
export async function options() {}
export async function filters() { return {}; }
export async function mergeIndex() {}
// All in the newest index (a search of one index by its filter indice finds them there only).
export async function search(term, options = {}) {
  const index = options.filters && options.filters.indice;
  const results = !index || index === names[0] ? Array.from({ length: 1234 }, (_, i) => page(i)) : [];
  return { results, filters: { indice: Object.fromEntries(names.map((n, i) => [n, i === 0 ? 1234 : 0])) } };
}
`;
  const own = await browser.newContext({ baseURL: site.origin, viewport: { width: 1280, height: 900 } });
  own.setDefaultTimeout(E2E_TIMEOUT_MS);
  try {
    const tab = await own.newPage();
    tab.on("pageerror", (e) => pageErrors.push(e.message));
    await tab.route("**/pagefind.js", (route) => route.fulfill({ contentType: "text/javascript", body: fake }));
    await tab.goto(`${FIXTURE.search}?q=vacunacion`);
    await tab.locator("#estado-busqueda", { hasText: "encontrados" }).waitFor();
    assert.equal(await tab.locator("#estado-busqueda").textContent(), "1,234 boletines encontrados para «vacunacion».");
    assert.equal(await tab.locator(".search-result").count(), 10);
  } finally {
    await own.close();
  }
});

test("keyboard only: the skip link reaches the main content and Tab reaches the search box", async () => {
  await page.goto(FIXTURE.featured);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Saltar al contenido");
  assert.ok(await page.locator(".skip-link").isVisible(), "the skip link shows when focused");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.equal(outline, "solid", "focus is visible");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "contenido");

  await page.goto(FIXTURE.featured);
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.id ?? "");
    reached.push(id || (await page.evaluate(() => document.activeElement?.tagName ?? "")));
    if (id === "buscar-encabezado") break;
  }
  assert.equal(reached.at(-1), "buscar-encabezado", `Tab order: ${reached.join(" → ")}`);
  await page.keyboard.type("queretaro");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/buscar/?q=queretaro");
  await page.locator(".search-result a").first().waitFor();
  assert.equal(await page.locator(".search-result a").first().textContent(), "IMSS inaugura hospital general de zona en Querétaro");
});

/** The page's cumulative layout shift so far (shifts after input excluded), as Chromium reports it. */
function cumulativeLayoutShift(): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => resolve(total));
      }),
  );
}

test("bulletin page: responsive picture without layout shift, updated date, reading time, related and share links", async () => {
  await page.goto(FIXTURE.featured);
  const img = page.locator(".lead-image img");
  // The lead image is near the top, often the largest thing on a phone's first screen: fetched at once, first.
  assert.equal(await img.getAttribute("loading"), null);
  assert.equal(await img.getAttribute("fetchpriority"), "high");
  assert.equal(await img.getAttribute("width"), "1440");
  assert.equal(await img.getAttribute("height"), "810");
  assert.deepEqual(await page.locator(".lead-image source").evaluateAll((els) => els.map((e) => e.getAttribute("type"))), ["image/avif", "image/webp"]);
  // Width and height reserve the box before the file arrives: its aspect ratio is right at once.
  const box = await img.boundingBox();
  assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.02, JSON.stringify(box));
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>(".lead-image img");
    return !!el && el.complete && el.naturalWidth > 0;
  });
  assert.match(await img.evaluate((el: HTMLImageElement) => el.currentSrc), /\.avif$/);
  const shift = await cumulativeLayoutShift();
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);

  assert.match((await page.locator(".meta .updated").textContent()) ?? "", /Actualizado: domingo 1 de junio de 2025/);
  assert.match((await page.locator(".meta .reading-time").textContent()) ?? "", /^\d+ min de lectura$/);
  const related = await page.locator(".related a").allTextContents();
  assert.equal(related.length, 3);
  assert.ok(!related.includes("Campaña de vacunación contra el sarampión en Mérida"), "a bulletin is not related to itself");
  // No other bulletin has «sarampión» or «Yucatán»; all share «vacunación»: the nearest in time come first.
  assert.equal(related[0], "Recomendaciones tras la vacunación: el IMSS responde");
  const share = await page.locator(".share a").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  assert.equal(share.length, 4);
  assert.ok(share.every((href) => href.includes(encodeURIComponent(`https://www.imss.gob.mx${FIXTURE.featured}`))), share.join(" "));

  await page.goto(FIXTURE.missingImage);
  assert.equal(await page.locator("article img").count(), 0, "a missing image shows nothing");
});

test("on a phone, search results arrive without moving what is on the screen (the footer stays out of view)", async () => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(`${FIXTURE.search}?q=vacunacion`);
  await page.locator("#estado-busqueda", { hasText: "boletines encontrados" }).waitFor();
  await page.locator(".search-result a").first().waitFor();
  // Before the results had a screen kept for them, the footer jumped away as they came: 0.18.
  const shift = await cumulativeLayoutShift();
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a picture in a bulletin's body: on a phone, a small AVIF in a box reserved before it arrives", async () => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(FIXTURE.bodyPicture);
  const img = page.locator(".bulletin-body picture img");
  assert.equal(await img.count(), 1);
  assert.equal(await img.getAttribute("alt"), "Una enfermera del IMSS aplica una vacuna en una Unidad de Medicina Familiar");
  // The photo is 1200×800: no file wider than it is made (480 and 960 px), and the box is the largest one's.
  assert.deepEqual([await img.getAttribute("width"), await img.getAttribute("height")], ["960", "640"]);
  const box = await img.boundingBox();
  assert.ok(box && box.width <= 375 && Math.abs(box.width / box.height - 3 / 2) < 0.02, JSON.stringify(box));
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>(".bulletin-body picture img");
    return !!el && el.complete && el.naturalWidth > 0;
  });
  // 375 px wide at one device pixel per CSS pixel: the 480 px file, not the photo as uploaded.
  assert.match(await img.evaluate((el: HTMLImageElement) => el.currentSrc), /-480\.avif$/);
  const shift = await cumulativeLayoutShift();
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a heading of a bulletin has its anchor: an address with it opens the page at that heading", async () => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(`${FIXTURE.redirected}#recomendaciones`);
  const heading = page.locator("article h2#recomendaciones");
  assert.equal(await heading.textContent(), "Recomendaciones");
  // The browser scrolled to it: the heading is in view, near the top, though it is far down the page.
  const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `heading at ${top}px`);
  assert.ok((await page.evaluate(() => window.scrollY)) > 0);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("print: the bulletin alone, links spelled out; dark scheme follows the system", async () => {
  await page.goto(FIXTURE.featured);
  await page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".breadcrumbs", ".share", ".related", ".neighbours"]) {
    assert.equal(await page.locator(selector).evaluate((el) => getComputedStyle(el).display), "none", selector);
  }
  const after = await page.locator('.bulletin-body a[href^="https"]').first().evaluate((el) => getComputedStyle(el, "::after").content);
  assert.equal(after, '" (https://www.imss.gob.mx/)"');
  // The photos', video's and audio's links (as layouts/bulletin.njk writes them) are printed with their addresses.
  const media = await page.evaluate(() => {
    const list = document.createElement("ul");
    list.className = "media-links";
    list.innerHTML = '<li><a href="https://www.youtube.com/watch?v=abc">Video</a></li>';
    document.querySelector(".bulletin-body")!.after(list);
    const a = list.querySelector("a")!;
    return { display: getComputedStyle(list).display, after: getComputedStyle(a, "::after").content };
  });
  assert.notEqual(media.display, "none");
  assert.equal(media.after, '": https://www.youtube.com/watch?v=abc"');
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(22, 19, 15)");
  await page.emulateMedia({ media: "screen", colorScheme: "light" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
});

test("print: every printed page names the IMSS, what it is and its address, which the screen and screen readers do not show", async () => {
  const origin = "https://www.imss.gob.mx";
  // Every kind of page, and the second line of its masthead.
  const kinds: Array<[url: string, line: string]> = [
    ["/", `Boletines de prensa · ${origin}/`],
    [FIXTURE.featured, `Boletín de prensa · ${origin}${FIXTURE.featured}`],
    [FIXTURE.tag, `Boletines de prensa · ${origin}${FIXTURE.tag}`],
    [FIXTURE.tagPage2, `Boletines de prensa · ${origin}${FIXTURE.tagPage2}`],
    [FIXTURE.section, `Boletines de prensa · ${origin}${FIXTURE.section}`],
    [FIXTURE.year, `Boletines de prensa · ${origin}${FIXTURE.year}`],
    ["/boletines/2024/03/", `Boletines de prensa · ${origin}/boletines/2024/03/`],
    [FIXTURE.archive, `Boletines de prensa · ${origin}${FIXTURE.archive}`],
    [FIXTURE.tags, `Boletines de prensa · ${origin}${FIXTURE.tags}`],
    ["/secciones/", `Boletines de prensa · ${origin}/secciones/`],
    [FIXTURE.search, `Boletines de prensa · ${origin}${FIXTURE.search}`],
    // A search names its words and choices (the form is not printed), as the form would write them.
    [`${FIXTURE.search}?q=+vacunaci%C3%B3n+&seccion=Salud&x=1`, `Boletines de prensa · ${origin}${FIXTURE.search}?q=vacunaci%C3%B3n&seccion=Salud`],
    [FIXTURE.subscribe, `Boletines de prensa · ${origin}${FIXTURE.subscribe}`],
    // Served for any missing path, whose address the page cannot know: it names the site's.
    ["/no-existe/", `Boletines de prensa · ${origin}/`],
  ];
  for (const [url, line] of kinds) {
    await page.goto(url);
    const masthead = page.locator(".print-masthead");
    assert.equal(await masthead.count(), 1, `${url}: one masthead`);
    await page.emulateMedia({ media: "screen" });
    assert.equal(await masthead.isVisible(), false, `${url}: not on screen`);
    assert.equal(await masthead.getAttribute("aria-hidden"), "true", `${url}: not for screen readers (nor reader views)`);
    assert.equal(await masthead.locator("main, header, footer, nav, aside, section, [role]").count(), 0, `${url}: no landmark of its own`);
    assert.doesNotMatch(await page.locator("body").ariaSnapshot(), /Boletín(es)? de prensa ·/, url);
    await page.emulateMedia({ media: "print" });
    try {
      assert.equal(await masthead.isVisible(), true, `${url}: on paper`);
      assert.equal(await masthead.locator(".print-institution").textContent(), "Instituto Mexicano del Seguro Social", url);
      assert.equal((await masthead.locator("p").nth(1).textContent())?.trim(), line, url);
      // At the top of the first page, above everything else the page prints.
      const below = await masthead.evaluate((el) => {
        const bottom = el.getBoundingClientRect().bottom;
        return [...document.querySelectorAll("main *")]
          .filter((e) => !el.contains(e) && e.getClientRects().length > 0 && e.getBoundingClientRect().top < bottom - 0.5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      });
      assert.deepEqual(below, [], `${url}: these print above the masthead`);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  }
});

test("screenshots of home and a bulletin at 375 and 1280 px are written to test-artifacts/", async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    for (const [name, url] of [["portada", "/"], ["boletin", FIXTURE.featured]] as const) {
      await page.goto(url);
      // Lazy images below the fold are loaded before a full-page shot.
      await page.evaluate(() => Promise.all([...document.images].map((i) => (i.loading = "eager", i.decode().catch(() => undefined)))));
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(ARTIFACTS, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${name} at ${width}px scrolls sideways`);
    }
  }
  // The search form on the narrowest phone, with a topic as long as real archives have (its option
  // sets the width of a select): nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(FIXTURE.search);
  await page.evaluate(() => {
    const option = document.createElement("option");
    option.textContent = "incorporación voluntaria al régimen obligatorio en Baja California Sur";
    document.querySelector("#tema")!.append(option);
  });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "the search form scrolls sideways at 360px");
  // Search results, on a phone.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${FIXTURE.search}?q=sarampion`);
  await page.locator(".search-result a").first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "busqueda-375.png"), fullPage: true });
  // The dark scheme, on a phone.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(FIXTURE.featured);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(ARTIFACTS, "boletin-375-oscuro.png") });
  await page.emulateMedia({ colorScheme: "light" });
});

test("no request left 127.0.0.1 and no script error happened", () => {
  assert.deepEqual(pageErrors, []);
  assert.ok(requested.length > 20);
  const foreign = requested.filter((u) => !u.startsWith(site.origin));
  assert.deepEqual(foreign, []);
});
