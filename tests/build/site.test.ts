import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildFixture, listFiles, read, ROOT } from "./helpers.ts";

const SEED_08 = "boletines/2021/08/reconoce-imss-chihuahua-labor-de-las-asistentes-medicas/index.html";
const SEED_12 = "boletines/2021/12/realiza-imss-chihuahua-mas-de-5-millones-de-acciones-de-recuperacion-servicios-en-lo-que-va-del-ano/index.html";

describe("the seed site (content/)", () => {
  let out = "";
  let files: string[] = [];
  before(async () => {
    const built = await buildFixture(path.join(ROOT, "content"));
    assert.ok(built.result.ok, JSON.stringify(built.result));
    out = built.out;
    files = await listFiles(out);
  });

  test("both legacy seeds are at their URLs with Spanish dates in their own offset", async () => {
    const a = cheerio.load(await read(out, SEED_08));
    assert.equal(a("html").attr("lang"), "es-MX");
    assert.equal(a("h1").text(), "Reconoce IMSS Chihuahua labor de las asistentes médicas");
    assert.equal(a("article time").first().attr("datetime"), "2021-08-19T18:08:00-06:00");
    assert.match(a("article time").first().text(), /^jueves 19 de agosto de 2021, 18:08 h$/);
    const b = cheerio.load(await read(out, SEED_12));
    assert.match(b("article time").first().text(), /^lunes 13 de diciembre de 2021/);
    assert.deepEqual(b(".tags a").map((_, e) => b(e).attr("href")).get(), ["/temas/imss/"]);
    assert.equal(b(".kicker a").attr("href"), "/secciones/local/");
  });

  test("a bulletin dated without a time says its day alone in <time datetime>, on its page, its cards and related links", async () => {
    const page = "boletines/2024/04/imss-bienestar-se-fortalece-con-la-clinica-es-nuestra-contratacion-de-medicos-y-sistema-de-abasto-institucional/index.html";
    const $ = cheerio.load(await read(out, page));
    assert.equal($("article time").first().attr("datetime"), "2024-04-09");
    assert.equal($("article time").first().text(), "martes 9 de abril de 2024");
    const home = cheerio.load(await read(out, "index.html"));
    const datetimes = home("time").map((_, e) => home(e).attr("datetime")).get();
    assert.ok(datetimes.includes("2024-04-09") && datetimes.includes("2021-08-19T18:08:00-06:00"), datetimes.join(" "));
    // The 2022 seed has no time either: its related link on the 2024 page says its day.
    const link = $(".related a[href^='/boletines/2022/03/']").parent();
    assert.equal(link.find("time").attr("datetime"), "2022-03-30");
  });

  test("/news/190812/ leads to the December 2021 bulletin", async () => {
    const $ = cheerio.load(await read(out, "news/190812/index.html"));
    const target = "/" + path.posix.dirname(SEED_12) + "/";
    assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=${target}`);
    assert.equal($('link[rel="canonical"]').attr("href"), `https://www.imss.gob.mx${target}`);
    assert.equal($('meta[name="robots"]').attr("content"), "noindex");
    assert.equal($("a").attr("href"), target);
    const redirects = await read(out, "_redirects");
    assert.ok(redirects.includes(`/news/190812 ${target} 301`));
    assert.ok(redirects.includes(`/news/190812/ ${target} 301`));
  });

  test("tag, section and archive pages exist and list the bulletins", async () => {
    for (const f of ["temas/chihuahua/index.html", "temas/asistencias-medicas/index.html", "temas/imss/index.html", "secciones/local/index.html", "boletines/2021/index.html", "boletines/2021/08/index.html", "boletines/2021/12/index.html", "temas/index.html", "secciones/index.html", "boletines/index.html", "index.html", "404.html"]) {
      assert.ok(files.includes(f), f);
    }
    const section = cheerio.load(await read(out, "secciones/local/index.html"));
    assert.equal(section(".card").length, 2);
    assert.equal(section("h1").text(), "Sección: Local");
    const month = cheerio.load(await read(out, "boletines/2021/08/index.html"));
    assert.equal(month("h1").text(), "Boletines de agosto de 2021");
  });

  test("no extensionless files except _redirects and _headers; nothing says nil/null/undefined", async () => {
    for (const f of files) {
      assert.ok(f === "_redirects" || f === "_headers" || /\.[a-z0-9]+$/.test(f), f);
      if (f.endsWith(".html")) {
        const $ = cheerio.load(await read(out, f));
        assert.doesNotMatch($("body").text(), /\b(nil|null|undefined|NaN|Invalid Date)\b/, f);
      }
    }
  });

  test("feeds are well-formed with stable ids", async () => {
    const atom = await read(out, "feed.xml");
    assert.equal(XMLValidator.validate(atom), true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(atom);
    const entries: Array<{ id: string; published: string }> = parsed.feed.entry;
    // Four published bulletins: the two legacy posts and two imported releases (the third is an undated draft).
    assert.equal(entries.length, 4);
    assert.deepEqual(entries.map((e) => e.published), [...entries.map((e) => e.published)].sort().reverse(), "newest first");
    const december = entries.find((e) => e.id === "tag:imss.gob.mx,2024:boletin/2021/2021-12-13-realiza-imss-chihuahua-mas-de-5-millones-de-acciones");
    assert.equal(december?.published, "2021-12-13T22:48:00-06:00");
    const json = JSON.parse(await read(out, "feed.json"));
    assert.equal(json.version, "https://jsonfeed.org/version/1.1");
    assert.equal(json.items.at(-1).date_published, "2021-08-19T18:08:00-06:00");
    assert.equal(XMLValidator.validate(await read(out, "secciones/local/feed.xml")), true);
  });

  test("sitemap lists only real pages, robots points to it", async () => {
    const xml = await read(out, "sitemap.xml");
    assert.equal(XMLValidator.validate(xml), true);
    const urls: Array<{ loc: string }> = new XMLParser().parse(xml).urlset.url;
    assert.ok(urls.length >= 12);
    for (const { loc } of urls) {
      const rel = loc.replace("https://www.imss.gob.mx/", "");
      assert.ok(files.includes(rel === "" ? "index.html" : `${rel}index.html`), loc);
    }
    assert.ok(!urls.some((u) => u.loc.includes("/news/")), "redirect stubs are not in the sitemap");
    assert.match(await read(out, "robots.txt"), /Sitemap: https:\/\/www\.imss\.gob\.mx\/sitemap\.xml/);
  });
});

describe("varied fixtures", () => {
  let out = "";
  before(async () => {
    const built = await buildFixture(path.join(ROOT, "tests/fixtures/varied"));
    assert.ok(built.result.ok, JSON.stringify(built.result));
    out = built.out;
  });

  test("hostile title and body are escaped or sanitized; template syntax stays literal", async () => {
    const html = await read(out, "boletines/2024/04/inicia-jornada-nacional-de-vacunacion-menor-que-script-mayor-que-alert-x-menor-que-script-mayor-que-7-7/index.html");
    const $ = cheerio.load(html);
    assert.equal($("h1").text(), "Inicia Jornada Nacional de Vacunación <script>alert('x')</script> {{ 7*7 }}");
    // The only script is the JSON-LD data block, and the title cannot break out of it.
    assert.deepEqual($("script").map((_, e) => $(e).attr("type")).get(), ["application/ld+json"]);
    assert.doesNotMatch($("script").html() ?? "", /<\/script|<script/i);
    assert.equal(JSON.parse($("script").html() ?? "").headline, "Inicia Jornada Nacional de Vacunación <script>alert('x')</script> {{ 7*7 }}");
    assert.equal($("[onerror]").length, 0);
    assert.equal($('a[href^="javascript:"]').length, 0);
    assert.match($(".bulletin-body").text(), /\{% if true %\}literal\{% endif %\}/);
    assert.equal($('meta[name="description"]').attr("content"), 'Más de 1,500 módulos & brigadas "en todo el país"');
    assert.equal($(".number").text(), "Boletín No. 171/2024");
    assert.equal($(".city").text(), "Ciudad de México");
    assert.deepEqual($(".highlights li").map((_, e) => $(e).text()).get(), ["Se aplicarán vacunas contra influenza y COVID-19", "Atención de lunes a domingo"]);
    assert.deepEqual($(".media-links a").map((_, e) => $(e).attr("href")).get(), ["https://drive.google.com/drive/folders/xyz", "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/abc?e=1"]);
    assert.deepEqual($(".tags a").map((_, e) => $(e).text()).get(), ["Vacunación", "Salud Pública"]);
  });

  test("a Z time is shown and filed under the local day", async () => {
    const $ = cheerio.load(await read(out, "boletines/2024/04/boletin-publicado-con-hora-utc/index.html"));
    assert.equal($("article time").first().attr("datetime"), "2024-04-10T21:30:00-06:00");
    assert.match($("article time").first().text(), /^miércoles 10 de abril de 2024/);
    assert.ok(existsSync(path.join(out, "old/boletin-utc.html")));
    assert.ok(existsSync(path.join(out, "news/2024/0410/index.html")));
  });

  test("a 2021 summer date without offset uses daylight saving time", async () => {
    const $ = cheerio.load(await read(out, "boletines/2021/07/horario-de-verano-2021/index.html"));
    assert.equal($("article time").first().attr("datetime"), "2021-07-01T23:30:00-05:00");
  });

  test("day/month/year dates, updated date, author", async () => {
    const $ = cheerio.load(await read(out, "boletines/2024/05/reconoce-imss-chihuahua-a-su-personal/index.html"));
    assert.match($("article time").first().text(), /^miércoles 1 de mayo de 2024$/);
    assert.match($(".meta").text(), /Actualizado:\s*viernes 3 de mayo de 2024/);
    assert.match($(".meta").text(), /Coordinación de Comunicación/);
  });

  test("drafts and embargoed bulletins are left out of the production build", async () => {
    assert.ok(!existsSync(path.join(out, "boletines/2024/06/borrador-pendiente/index.html")));
    assert.ok(!existsSync(path.join(out, "borradores")));
    assert.ok(!existsSync(path.join(out, "boletines/2030")));
    assert.doesNotMatch(await read(out, "feed.xml"), /programado|Borrador/i);
  });

  test("tags merge by slug with one deterministic label", async () => {
    const $ = cheerio.load(await read(out, "temas/vacunacion/index.html"));
    assert.equal($("h1").text(), "Tema: Vacunación");
    assert.equal($(".card").length, 2);
    const index = cheerio.load(await read(out, "temas/index.html"));
    assert.deepEqual(index(".index-list > li > a").map((_, e) => index(e).text()).get(), ["Chihuahua", "IMSS", "Salud Pública", "Vacunación"]);
  });

  test("numbered bulletins are reachable by number and legacy archive path", async () => {
    for (const p of ["boletines/numero/2024/171/index.html", "prensa/archivo/202404/171/index.html"]) {
      const $ = cheerio.load(await read(out, p));
      assert.match($('meta[http-equiv="refresh"]').attr("content") ?? "", /\/boletines\/2024\/04\/inicia-jornada/);
    }
  });

  test("home shows featured and latest, with links to sections", async () => {
    const $ = cheerio.load(await read(out, "index.html"));
    assert.equal($(".featured .card").length, 1);
    // The featured one is not repeated among the latest.
    assert.equal($(".latest .card").length, 3);
    const featured = $(".featured .card-title").text();
    assert.ok(!$(".latest .card-title").map((_, e) => $(e).text()).get().includes(featured), featured);
    assert.deepEqual($(".sections a").map((_, e) => $(e).text()).get(), ["Chihuahua", "Local", "Nacional"]);
  });

  test("previews: --drafts and --future include them, marked with banners", async () => {
    const built = await buildFixture(path.join(ROOT, "tests/fixtures/varied"), { drafts: true, future: true });
    assert.ok(built.result.ok);
    const draft = cheerio.load(await read(built.out, "boletines/2024/06/borrador-pendiente/index.html"));
    assert.match(draft(".banner-draft").text(), /Borrador/);
    const undated = cheerio.load(await read(built.out, "borradores/borrador-sin-fecha/index.html"));
    assert.match(undated(".meta").text(), /Sin fecha/);
    const scheduled = cheerio.load(await read(built.out, "boletines/2030/01/boletin-programado/index.html"));
    assert.match(scheduled(".banner-scheduled").text(), /Programado/);
    assert.equal(scheduled('meta[name="robots"]').first().attr("content"), "noindex, nofollow");
  });
});
