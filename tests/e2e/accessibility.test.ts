import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { FIXTURE, startFixtureSite, type FixtureSite } from "./fixture-site.ts";

/** axe-core on every page kind, in the light and the dark scheme: zero violations. */
const PAGES: Array<{ kind: string; path: string; ready?: string }> = [
  { kind: "portada", path: "/" },
  { kind: "boletín con imagen", path: FIXTURE.featured },
  { kind: "boletín sin imagen", path: FIXTURE.missingImage },
  { kind: "tema (página 2)", path: FIXTURE.tagPage2 },
  { kind: "sección", path: FIXTURE.section },
  { kind: "archivo del año", path: FIXTURE.year },
  { kind: "archivo del mes", path: "/boletines/2024/03/" },
  { kind: "índice del archivo", path: FIXTURE.archive },
  { kind: "índice de temas", path: FIXTURE.tags },
  { kind: "búsqueda sin consulta", path: FIXTURE.search },
  { kind: "búsqueda con resultados", path: `${FIXTURE.search}?q=vacunacion`, ready: ".search-result a" },
  { kind: "suscripción", path: FIXTURE.subscribe },
  { kind: "404", path: "/no-existe/" },
];

let site: FixtureSite;
let browser: Browser;
const contexts: Record<"light" | "dark", { context: BrowserContext; page: Page }> = {} as never;

before(async () => {
  site = await startFixtureSite();
  browser = await launchBrowser();
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme, baseURL: site.origin });
    context.setDefaultTimeout(E2E_TIMEOUT_MS);
    contexts[scheme] = { context, page: await context.newPage() };
  }
});
after(async () => {
  await browser?.close();
  await site?.dispose();
});

for (const scheme of ["light", "dark"] as const) {
  for (const { kind, path, ready } of PAGES) {
    test(`axe: ${kind} (${path}) has zero violations in the ${scheme} scheme`, async () => {
      const { page } = contexts[scheme];
      await page.goto(path);
      if (ready) await page.locator(ready).first().waitFor();
      // The scheme really is applied: the page background follows it.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, scheme === "dark" ? "rgb(22, 19, 15)" : "rgb(255, 255, 255)");
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
      assert.deepEqual(summary, []);
      assert.ok(results.passes.length > 10, "axe ran its rules");
    });
  }
}
