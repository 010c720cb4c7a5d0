import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./server.ts";
import { buildTestSite } from "./fixture-site.ts";

/**
 * Search results of several years' indexes in one order (public/js/search.js): each year's index
 * scores its own pages, with word statistics of its own (BM25's IDF), so Pagefind's merged order
 * ran by year. A site of three years where «vacunación» is in every bulletin of 2023 (there it
 * weighs little) and in two of ten in 2024 and in 2025 (there it weighs much): the 2023 bulletin
 * with the word in its title and six times in its text is the best answer, and Pagefind put it
 * after four bulletins of 2024 and 2025 that name it once. The order is compared with that of one
 * Pagefind index of the whole site, made for the test from the same pages.
 */

// Sentences of ordinary bulletins, none with «vacunación».
const FILLER = [
  "El Instituto Mexicano del Seguro Social informó que la atención en sus unidades continúa con normalidad.",
  "La representación estatal detalló que el personal médico y de enfermería recibió capacitación.",
  "Las derechohabientes pueden consultar los horarios en la aplicación IMSS Digital.",
  "La directora de la unidad explicó que la obra contó con una inversión de 120 millones de pesos.",
  "Se recomienda acudir con la cartilla y una identificación oficial.",
  "El programa beneficia a trabajadores de la industria, el comercio y los servicios.",
  "La jornada incluyó pláticas sobre alimentación saludable y actividad física.",
  "Los módulos permanecerán abiertos de lunes a viernes de 8:00 a 20:00 horas.",
];
const BEST = "Arranca la Campaña Nacional de Vacunación en todo el país";

/** Ten bulletins in each of 2025 and 2024 (two name «vacunación» once), four in 2023 (all name it). */
async function writeContent(dir: string): Promise<void> {
  const topics = ["Inaugura IMSS clínica", "Amplía IMSS guarderías", "Entrega IMSS pensiones", "Capacita IMSS a médicos", "Abre IMSS módulos", "Reconoce IMSS a enfermeras", "Moderniza IMSS urgencias", "Fortalece IMSS el primer nivel", "Renueva IMSS quirófanos", "Celebra IMSS aniversario"];
  const posts: Array<[date: string, title: string, mentions: number]> = [];
  for (const year of [2025, 2024]) topics.forEach((topic, i) => posts.push([`${year}-${String(i + 1).padStart(2, "0")}-10`, `${topic} en ${year} (${i + 1})`, i < 2 ? 1 : 0]));
  posts.push(["2023-03-10", BEST, 6], ["2023-05-10", "Informa IMSS sobre dosis aplicadas en Sonora", 1], ["2023-07-10", "Visita IMSS escuelas de Oaxaca", 1], ["2023-09-10", "Recorre IMSS unidades de Puebla", 1]);
  for (const [n, [date, title, mentions]] of posts.entries()) {
    const lines = Array.from({ length: 8 }, (_, i) => FILLER[(n + i) % FILLER.length]!);
    for (let i = 0; i < mentions; i++) lines.splice(1 + i, 0, `La vacunación es gratuita en la unidad número ${n + i}.`);
    const slug = title.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    await mkdir(path.join(dir, date.slice(0, 4)), { recursive: true });
    await writeFile(path.join(dir, date.slice(0, 4), `${date}-${slug}.md`), `---\ntitle: "${title}"\ndate: ${date}T10:00:00-06:00\nsection: Nacional\ndescription: "Boletín de prueba"\n---\n\n${lines.join("\n\n")}\n`);
  }
}

/** One Pagefind index of every bulletin page of the site, at /pagefind/todo/ (what the site's indexes stand in for). */
function writeWholeSiteIndex(site: string, work: string): void {
  for (const entry of readdirSync(path.join(site, "boletines"), { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || entry.name !== "index.html" || !readFileSync(file, "utf8").includes("data-pagefind-body")) continue;
    const to = path.join(work, path.relative(site, file));
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(file, to);
  }
  const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner/bin.cjs");
  execFileSync(process.execPath, [bin, "--site", work, "--output-path", path.join(site, "pagefind/todo")], { stdio: "ignore" });
}

let tmp: string;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-ranking-"));
  const content = path.join(tmp, "content");
  await writeContent(content);
  const out = path.join(tmp, "site");
  await buildTestSite({ contentDir: content, publicDir: path.join(tmp, "public"), outDir: out, now: "2025-12-31T12:00:00-06:00" });
  writeWholeSiteIndex(out, path.join(tmp, "todo"));
  site = await serveStatic(out);
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: site.origin, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  context.on("request", (r) => requested.push(new URL(r.url()).pathname));
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The titles the search page lists for `query`, every batch. */
async function listed(query: string): Promise<string[]> {
  await page.goto(`/buscar/?q=${encodeURIComponent(query)}`);
  await page.locator("#estado-busqueda", { hasText: /encontrad|No hay/ }).waitFor();
  while (await page.locator("#mas-resultados").isVisible()) {
    const shown = await page.locator(".search-result").count();
    await page.locator("#mas-resultados").click();
    await page.locator(".search-result").nth(shown).waitFor();
  }
  return page.locator(".search-result h2 a").allTextContents();
}

/** The titles one index of the whole site gives for `query`, best first. */
async function wholeSite(query: string): Promise<Array<[title: string, score: number]>> {
  type Result = { score: number; data(): Promise<{ meta: { title: string } }> };
  return page.evaluate(
    async ([query, url]) => {
      const pagefind = (await import(url)) as { search(q: string): Promise<{ results: Result[] }> };
      const search = await pagefind.search(query);
      return Promise.all(search.results.map(async (r) => [(await r.data()).meta.title, r.score] as [string, number]));
    },
    [query, "/pagefind/todo/pagefind.js"] as const,
  );
}

/**
 * Titles in groups of nearly equal score (within 5 % of the group's first): their order within a
 * group is not relevance (Pagefind's page order for equal scores) or too close to call (the years'
 * indexes weigh a page's length against their own average length, not the site's).
 */
function tiers(ranked: Array<[string, number]>): string[][] {
  const groups: string[][] = [];
  let first = Number.NaN;
  for (const [title, score] of ranked) {
    if (!(score >= first * 0.95)) {
      groups.push([]);
      first = score;
    }
    groups.at(-1)!.push(title);
  }
  return groups.map((g) => g.sort());
}

test("a word common in one year and rare in others: the most relevant bulletin first, whatever its year (one order, as one index of the whole site gives)", async () => {
  for (const query of ["vacunación", "vacunacion unidad"]) {
    const titles = await listed(query);
    assert.equal(titles[0], BEST, `«${query}»: ${titles.join(" | ")}`);
    // The same order as one index of the site, but for bulletins of (nearly) the same score, which may come in any order.
    const reference = tiers(await wholeSite(query));
    let at = 0;
    const groups = reference.map((g) => titles.slice(at, (at += g.length)).sort());
    assert.deepEqual(groups, reference, `«${query}»`);
  }
  // A quoted phrase: Pagefind gives each page that has it the same score (and listed 2025's first); its words rank them.
  assert.equal((await listed('"vacunación es gratuita"'))[0], BEST);
  // The indexes were the site's (a year's index for each year with the words); the test's own was not asked by the search page.
  assert.ok(["/pagefind/2023/", "/pagefind/2024/", "/pagefind/2025/"].every((dir) => requested.some((u) => u.startsWith(dir))));
});
