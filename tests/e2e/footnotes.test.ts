import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { buildTestSite, E2E_CONTENT, E2E_NOW, E2E_PUBLIC, FIXTURE } from "./fixture-site.ts";
import { serveStatic, type StaticSite } from "./server.ts";

/**
 * A bulletin's footnotes in Debian's Chromium (src/render/footnotes.ts): the notes are a region named
 * «Notas» in the browser's own accessibility tree, a call takes the reader to its note and ↩ back to
 * the call, on a 360 px phone; the notes are set apart and smaller; axe finds nothing, light and dark.
 */

let tmp: string;
let server: StaticSite;
let browser: Browser;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-notas-"));
  const dir = path.join(tmp, "site");
  await buildTestSite({ contentDir: E2E_CONTENT, publicDir: E2E_PUBLIC, outDir: dir, now: E2E_NOW, search: false });
  server = await serveStatic(dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function openNotes(options: { colorScheme?: "light" | "dark"; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.origin, colorScheme: options.colorScheme ?? "light", viewport: { width: options.width ?? 360, height: 740 } });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  const page = await context.newPage();
  await page.goto(FIXTURE.notes);
  return page;
}

/**
 * Whether the element's top is on the screen: a fragment link scrolls its target's top to the screen's
 * (a call's, whose line height is 0, to a fraction of a pixel above it), or as far as the page goes.
 */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const { top, bottom } = el.getBoundingClientRect();
    return top > -1 && top < window.innerHeight && bottom > 0;
  });
}

test("the notes are a region named «Notas» by its heading, in Chromium's accessibility tree and for Playwright's roles", async () => {
  const page = await openNotes();
  try {
    const region = page.getByRole("region", { name: "Notas" });
    assert.equal(await region.count(), 1);
    assert.equal(await region.getByRole("heading", { name: "Notas", level: 2 }).count(), 1);
    assert.deepEqual(await region.getByRole("listitem").evaluateAll((items) => items.map((li) => li.id)), ["fn:1", "fn:2", "fn:3"]);
    // Inside the article, after the body's text.
    assert.equal(await page.locator("article.bulletin .bulletin-body > section.notas:last-child").count(), 1);

    // What a screen reader is given: Chromium's own tree has the region, with its name, holding the list.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: Array<{ nodeId: string; parentId?: string; ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const regions = nodes.filter((n) => !n.ignored && n.role?.value === "region" && n.name?.value === "Notas");
    assert.equal(regions.length, 1);
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const insideRegion = (n: (typeof nodes)[number]): boolean => {
      for (let p = n.parentId; p; p = byId.get(p)?.parentId) if (p === regions[0]!.nodeId) return true;
      return false;
    };
    assert.ok(nodes.some((n) => n.role?.value === "list" && insideRegion(n)), "the notes' list is in the region");
    assert.ok(nodes.some((n) => n.role?.value === "heading" && n.name?.value === "Notas" && insideRegion(n)), "its heading is in the region");
  } finally {
    await page.context().close();
  }
});

test("on a 360 px phone a call leads to its note and ↩ back to that call (the second call of a note to the second), the notes set apart, smaller, and nothing scrolls sideways", async () => {
  const page = await openNotes({ width: 360 });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "a note's long address breaks instead of widening the page");
    // Set apart by a rule of their own, in smaller type than the text.
    const look = await page.evaluate(() => ({
      rule: getComputedStyle(document.querySelector(".bulletin-body .notas")!).borderTopStyle,
      note: parseFloat(getComputedStyle(document.getElementById("fn:1")!).fontSize),
      text: parseFloat(getComputedStyle(document.querySelector(".bulletin-body > p")!).fontSize),
    }));
    assert.equal(look.rule, "solid");
    assert.ok(look.note < look.text, JSON.stringify(look));
    assert.ok(!(await onScreen(page, "#fn\\:2")), "the notes start off the first screen");

    for (const [call, back] of [
      [0, "Volver al texto"],
      [1, "Volver al texto, llamada 2"],
    ] as const) {
      const ref = call === 0 ? "fnref:2" : "fnref:2:2";
      await page.getByRole("link", { name: "Nota 2", exact: true }).nth(call).click();
      await page.waitForURL(`**#fn:2`);
      assert.ok(await onScreen(page, "#fn\\:2"), `call ${call + 1}: the note is on the screen`);
      assert.ok(await page.locator("#fn\\:2").evaluate((el) => el.matches(":target")), "the note is the target (and marked)");
      assert.ok(!(await onScreen(page, `#${ref.replace(/:/g, "\\:")}`)), "the call is off the screen");
      await page.locator("#fn\\:2").getByRole("link", { name: back, exact: true }).click();
      await page.waitForURL(`**#${ref}`);
      assert.ok(await onScreen(page, `#${ref.replace(/:/g, "\\:")}`), `${back}: back at the call`);
      // (The second call is a paragraph from the end: the notes may show below it.)
      if (call === 0) assert.ok(!(await onScreen(page, "#fn\\:2")), "the note is off the screen again");
    }
  } finally {
    await page.context().close();
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: the bulletin with notes has zero violations in the ${colorScheme} scheme, before and after a call is followed (the note marked)`, async () => {
    const page = await openNotes({ colorScheme, width: 1280 });
    try {
      for (const when of ["on opening", "at a note"]) {
        if (when === "at a note") {
          await page.getByRole("link", { name: "Nota 3", exact: true }).click();
          await page.waitForURL("**#fn:3");
        }
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
        assert.deepEqual(summary, [], when);
        assert.ok(results.passes.some((p) => p.id === "landmark-unique"), "axe looked at the landmarks");
      }
    } finally {
      await page.context().close();
    }
  });
}
