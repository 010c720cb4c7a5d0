import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./server.ts";
import { buildTestSite } from "./fixture-site.ts";

/**
 * The excerpt of a search result (public/js/search.js): a result shows the bulletin's title and
 * date, then a passage of its page. Pagefind's own excerpt is where the query's words weigh most,
 * and a title's word weighs 7 times one of the text: with the words in the title it was the page's
 * first words, the kicker («Institucional · Boletín No. 171/2025») and the title again. Now it is a
 * passage after the title: where the words are in the text, or, with them only in the title, the
 * bulletin's summary or highlights.
 */

const FILLER = [
  "El Instituto Mexicano del Seguro Social informó que la atención en sus unidades continúa con normalidad.",
  "La representación estatal detalló que el personal médico y de enfermería recibió capacitación.",
  "Las derechohabientes pueden consultar los horarios en la aplicación IMSS Digital.",
  "Se recomienda acudir con la cartilla y una identificación oficial.",
];

interface Post {
  date: string;
  title: string;
  front: string;
  body: string[];
}

const POSTS: Post[] = [
  {
    // «sarampión» only in its title; a summary (description, no highlights).
    date: "2025-03-10",
    title: "Arranca campaña de vacunación contra el sarampión",
    front: 'section: Institucional\nnumber: 171/2025\ncity: Mérida\ndescription: "Se aplicarán 50 mil dosis en Yucatán"',
    body: FILLER,
  },
  {
    // «hospital» in its title and in the third paragraph of its text; highlights.
    date: "2025-05-10",
    title: "IMSS inaugura hospital en Tlaxcala",
    front: 'section: Infraestructura\nnumber: 180/2025\nhighlights:\n  - "Tendrá 90 camas y 12 consultorios"\n  - "Atenderá a 300 mil derechohabientes"',
    body: [FILLER[0]!, FILLER[1]!, "El nuevo hospital contará con quirófanos y un área de urgencias abierta todo el día.", FILLER[2]!, FILLER[3]!],
  },
  {
    // «guardería» only in its text, far from the start.
    date: "2024-08-10",
    title: "Reconoce IMSS a enfermeras de Oaxaca",
    front: "section: Local\nnumber: 90/2024\ncity: Oaxaca",
    body: [...FILLER, "La ceremonia se realizó en la guardería del centro vacacional de Oaxtepec.", FILLER[0]!],
  },
  {
    // No summary nor highlights: «pensiones» only in its title.
    date: "2024-02-10",
    title: "Entrega IMSS pensiones en Puebla",
    front: "section: Local\nnumber: 40/2024",
    body: ["Las personas trabajadoras recibieron su resolución en la subdelegación.", ...FILLER],
  },
];

async function writeContent(dir: string): Promise<void> {
  for (const post of POSTS) {
    const slug = post.title.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    await mkdir(path.join(dir, post.date.slice(0, 4)), { recursive: true });
    await writeFile(path.join(dir, post.date.slice(0, 4), `${post.date}-${slug}.md`), `---\ntitle: "${post.title}"\ndate: ${post.date}T10:00:00-06:00\n${post.front}\n---\n\n${post.body.join("\n\n")}\n`);
  }
}

let tmp: string;
let site: StaticSite;
let browser: Browser;
let page: Page;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-excerpts-"));
  const content = path.join(tmp, "content");
  await writeContent(content);
  const out = path.join(tmp, "site");
  await buildTestSite({ contentDir: content, publicDir: path.join(tmp, "public"), outDir: out, now: "2025-12-31T12:00:00-06:00" });
  site = await serveStatic(out);
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: site.origin, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Shown {
  title: string;
  excerpt: string;
  marked: string[];
}

/** Every result the search page shows for `search` (an address's query), with its excerpt and the words marked in it. */
async function results(search: string): Promise<Shown[]> {
  await page.goto(`/buscar/${search}`);
  await page.locator("#estado-busqueda", { hasText: /encontrad|No hay/ }).waitFor();
  return page.locator(".search-result").evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector("h2 a")?.textContent ?? "",
      excerpt: li.querySelector(".summary")?.textContent ?? "",
      marked: [...li.querySelectorAll(".summary mark")].map((m) => m.textContent ?? ""),
    })),
  );
}

function resultOf(shown: Shown[], title: string): Shown {
  const found = shown.find((r) => r.title === title);
  assert.ok(found, `«${title}» is among the results: ${shown.map((r) => r.title).join(" | ")}`);
  return found;
}

/** Neither the kicker (section, number) nor the title again: the result shows its title already. */
function assertNoRepeat(shown: Shown, number: string): void {
  assert.ok(!shown.excerpt.includes(shown.title), `the title again: «${shown.excerpt}»`);
  assert.ok(!shown.excerpt.includes(number), `the kicker: «${shown.excerpt}»`);
  assert.ok(!/Boletín No\./.test(shown.excerpt), `the kicker: «${shown.excerpt}»`);
  assert.ok(shown.excerpt.split(/\s+/).length <= 30, `30 words at most: «${shown.excerpt}»`);
}

test("a result's excerpt is a passage of its page after the title: where the words are in the text, else its summary or highlights; never the kicker and the title again", async () => {
  // Words only in the title: found (the title is searched), and the excerpt is the summary, then the text.
  const campaign = resultOf(await results("?q=sarampion"), POSTS[0]!.title);
  assertNoRepeat(campaign, "171/2025");
  assert.match(campaign.excerpt, /^Se aplicarán 50 mil dosis en Yucatán\. El Instituto Mexicano del Seguro Social/);
  assert.deepEqual(campaign.marked, [], "nothing of the excerpt is the query's word");
  // No summary nor highlights: the start of the text.
  const pensions = resultOf(await results("?q=pensiones"), POSTS[3]!.title);
  assertNoRepeat(pensions, "40/2024");
  assert.match(pensions.excerpt, /^Las personas trabajadoras recibieron su resolución/);

  // Words in the title and in the text: the passage of the text, with the word marked.
  const shown = await results("?q=hospital");
  const hospital = resultOf(shown, POSTS[1]!.title);
  assert.equal(shown[0]!.title, POSTS[1]!.title, "the title's match first");
  assertNoRepeat(hospital, "180/2025");
  assert.match(hospital.excerpt, /El nuevo hospital contará con quirófanos/);
  assert.deepEqual(hospital.marked, ["hospital"]);

  // Words only in the text, after many others: that passage, marked (as Pagefind's own excerpt was).
  const nurses = resultOf(await results("?q=guarderia"), POSTS[2]!.title);
  assertNoRepeat(nurses, "90/2024");
  assert.match(nurses.excerpt, /en la guardería del centro vacacional de Oaxtepec\./);
  assert.deepEqual(nurses.marked, ["guardería"]);

  // A search without words (two choices): each bulletin's highlights, summary or start of its text.
  const listed = await results("?q=&seccion=Local&anio=2024");
  assert.deepEqual(listed.map((r) => r.title), [POSTS[2]!.title, POSTS[3]!.title]);
  assertNoRepeat(listed[0]!, "90/2024");
  assert.match(listed[0]!.excerpt, /^El Instituto Mexicano del Seguro Social informó/);
  assertNoRepeat(listed[1]!, "40/2024");
  const built = await results("?q=&seccion=Infraestructura&anio=2025");
  assert.match(resultOf(built, POSTS[1]!.title).excerpt, /^Tendrá 90 camas y 12 consultorios\.? Atenderá a 300 mil derechohabientes/);
});
