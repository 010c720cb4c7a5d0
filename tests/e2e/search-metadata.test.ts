import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./server.ts";
import { buildTestSite } from "./fixture-site.ts";

/**
 * What a search finds in a bulletin besides its text (layouts/bulletin.njk, public/js/search.js,
 * src/build/search-words.ts). Pagefind 1.5 searches every metadata field of a page as words of it:
 * the date («domingo 3 de marzo de 2024») found every bulletin of a Sunday, and the lead picture's
 * address (`/img/<name>-960.webp`) every bulletin with a picture, for «webp» or its file name; the
 * words index, which had neither, disagreed with the years' indexes, and had the alt text of every
 * picture, where Pagefind searches only the first one's. Searched now: the title and the lead
 * picture's alt text, and as words of the text the alt text of every picture in the body
 * (render/markdown-direct.ts `INDEXED_ALT`); not a date nor a picture's address.
 */

// Sentences of ordinary bulletins: no weekday, no month, no «ajolote».
const FILLER = [
  "El Instituto Mexicano del Seguro Social informó que la atención en sus unidades continúa con normalidad.",
  "Las derechohabientes pueden acudir a la unidad de medicina familiar que les corresponde.",
  "Se recomienda llevar la cartilla y una identificación oficial.",
];
// Its picture (the file is the e2e fixture's).
const PHOTO = "/uploads/2024/foto.jpg";

interface Post {
  /** Its date: 2023-04-02 and 2024-03-03 are Sundays, 2024-03-09 and 2025-08-23 Saturdays, the others not weekend days. */
  date: string;
  title: string;
  front?: string;
  body?: string[];
}

async function writeSite(dir: string, posts: readonly Post[]): Promise<string> {
  const content = path.join(dir, "content");
  for (const post of posts) {
    const slug = post.title.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    await mkdir(path.join(content, post.date.slice(0, 4)), { recursive: true });
    const front = `title: "${post.title}"\ndate: ${post.date}T10:00:00-06:00\nsection: Nacional\ndescription: "Boletín de prueba"\n${post.front ?? ""}`;
    await writeFile(path.join(content, post.date.slice(0, 4), `${post.date}-${slug}.md`), `---\n${front}---\n\n${(post.body ?? FILLER).join("\n\n")}\n`);
  }
  const publicDir = path.join(dir, "public");
  await mkdir(path.join(publicDir, path.dirname(PHOTO)), { recursive: true });
  await copyFile(path.join(PROJECT_ROOT, "tests/fixtures/e2e-public/uploads/2024/vacuna-embarazo.jpg"), path.join(publicDir, PHOTO));
  const out = path.join(dir, "site");
  await buildTestSite({ contentDir: content, publicDir, outDir: out, now: "2025-12-31T12:00:00-06:00" });
  return out;
}

const LEAD = "Jornada de salud en Xochimilco";

/** A site of one year: a single index, no words index. */
const ONE_YEAR: Post[] = [
  { date: "2024-03-03", title: LEAD, front: `image: ${PHOTO}\nalt: "Un ajolote nada en el canal de Cuemanco"\n` },
  { date: "2024-03-09", title: "Entrega IMSS sillas de ruedas" },
  { date: "2024-03-12", title: "Capacita IMSS a médicos residentes" },
];

/**
 * Three years, searched through the words index. «ajolote» is in the alt text of 2023's and 2025's
 * lead pictures, and in that of the second picture in a 2024 bulletin's body. «domingo» is in the
 * text of one 2024 bulletin; others (of 2023 and 2024) are dated on a Sunday.
 */
const THREE_YEARS: Post[] = [
  { date: "2023-04-02", title: "Rescate de humedales en el Estado de México", front: `image: ${PHOTO}\nalt: "Un ajolote descansa en el lago"\n` },
  { date: "2023-06-14", title: "Inaugura IMSS clínica en Toluca" },
  { date: "2024-02-14", title: "Vacunación en mercados de la capital", body: [FILLER[0]!, "El domingo se vacunó a 500 personas en los mercados de la ciudad.", FILLER[2]!] },
  { date: "2024-03-03", title: "Amplía IMSS horarios de guarderías" },
  { date: "2024-06-12", title: "Abre IMSS ludoteca en hospital pediátrico", body: [FILLER[0]!, `![Entrada del hospital](${PHOTO})`, FILLER[1]!, `![Un ajolote de peluche en la ludoteca](${PHOTO})`] },
  { date: "2025-05-07", title: "Festival ambiental en Chapultepec", front: `image: ${PHOTO}\nalt: "Un ajolote en el lago de Chapultepec"\n` },
  { date: "2025-08-23", title: "Reconoce IMSS a enfermeras de Puebla" },
];

let tmp: string;
let one: StaticSite;
let three: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-metadata-"));
  one = await serveStatic(await writeSite(path.join(tmp, "uno"), ONE_YEAR));
  three = await serveStatic(await writeSite(path.join(tmp, "tres"), THREE_YEARS));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  context.on("request", (r) => requested.push(new URL(r.url()).pathname));
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await one?.close();
  await three?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The search page's results for `query` on `site`: each title and the date under it, and the status line. */
async function search(site: StaticSite, query: string): Promise<{ results: Array<[title: string, date: string]>; status: string }> {
  requested.length = 0;
  await page.goto(`${site.origin}/buscar/?q=${encodeURIComponent(query)}`);
  const status = page.locator("#estado-busqueda", { hasText: /encontrad|No hay/ });
  await status.waitFor();
  const results = await page.locator(".search-result").evaluateAll((items) =>
    items.map((li) => [li.querySelector("h2 a")?.textContent ?? "", li.querySelector(".meta")?.textContent ?? ""] as [string, string]),
  );
  return { results, status: (await status.textContent()) ?? "" };
}

test("a site with one index: a picture's address, and a weekday or a month only in the dates, find nothing; a word of the lead picture's alt text finds its bulletin", async () => {
  assert.deepEqual((await search(one, "ajolote")).results, [[LEAD, "domingo 3 de marzo de 2024"]]);
  // The lead picture's address on its page (`/img/<name>-960.webp`): its file name (the longest run
  // of letters and digits of it) and its format.
  await page.locator(".search-result h2 a").click();
  const src = (await page.locator(".lead-image img").getAttribute("src")) ?? "";
  const [, file, format] = /\/([^/]+)-\d+\.(\w+)$/.exec(src) ?? [];
  const name = (file ?? "").split(/[^A-Za-z0-9]+/).sort((a, b) => b.length - a.length)[0] ?? "";
  assert.ok(name.length >= 5 && format, src);
  for (const query of [format!, name, "img", "domingo", "sábado", "marzo"]) {
    const { results, status } = await search(one, query);
    assert.deepEqual(results, [], `«${query}»: ${results.map(([t]) => t).join(" | ")}`);
    assert.match(status, new RegExp(`Ningún boletín tiene «${query}»`), query);
  }
});

test("several years' indexes: a word of pictures' alt text finds their bulletins in each year, lead picture or a picture in the body; a weekday finds the bulletin whose text has it, not those dated on it", async () => {
  const ajolote = await search(three, "ajolote");
  assert.deepEqual(ajolote.results.map(([title]) => title).sort(), ["Abre IMSS ludoteca en hospital pediátrico", "Festival ambiental en Chapultepec", "Rescate de humedales en el Estado de México"]);
  assert.match(ajolote.status, /^3 boletines encontrados/);
  // The results' dates are shown, as their pages write them.
  assert.deepEqual(new Map(ajolote.results), new Map([["Abre IMSS ludoteca en hospital pediátrico", "miércoles 12 de junio de 2024"], ["Festival ambiental en Chapultepec", "miércoles 7 de mayo de 2025"], ["Rescate de humedales en el Estado de México", "domingo 2 de abril de 2023"]]));
  for (const year of ["2023", "2024", "2025"]) assert.ok(requested.some((u) => u.includes(`/pagefind/${year}/`)), year);
  // The body picture's words are found where the picture is: the result's excerpt has them.
  assert.match((await page.locator(".search-result", { hasText: "ludoteca" }).textContent()) ?? "", /ajolote de peluche/);
  // A word of no picture and no text still asks no year.
  requested.length = 0;
  const none = await search(three, "ornitorrinco");
  assert.deepEqual(none.results, []);
  assert.ok(!requested.some((u) => /\/pagefind\/20\d\d\//.test(u)), `no year's index is asked: ${requested.join(" ")}`);

  assert.deepEqual((await search(three, "domingo")).results, [["Vacunación en mercados de la capital", "miércoles 14 de febrero de 2024"]]);
  for (const query of ["sábado", "webp", "abril"]) {
    const { results, status } = await search(three, query);
    assert.deepEqual(results, [], `«${query}»: ${results.map(([t]) => t).join(" | ")}`);
    assert.match(status, new RegExp(`Ningún boletín tiene «${query}»`), query);
  }
});
