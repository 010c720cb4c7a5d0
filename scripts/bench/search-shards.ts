/**
 * `node --import tsx scripts/bench/search-shards.ts`: an experiment, not part of the build. Can
 * Pagefind indexes made separately (one per year, say) be searched together without Pagefind's
 * longest-prefix fallback (Pagefind issue #780) returning pages for a word that one index lacks?
 *
 * Two tiny sites, indexed by the Pagefind command, searched in Debian's Chromium (headless) with
 * `mergeIndex`: index A has "Querétaro", index B only words like "que". B alone answers
 * "queretaro" with its "que" pages. B with a vocabulary page (every word of both sites) answers
 * with nothing of its own once the page is filtered out (`kind`), and a prefix typed so far ("quer")
 * still works. Prints each query and the pages found. Findings: scripts/bench/NOTES.md, session 9.
 * The build did this in session 10; since session 11 it keeps a words index instead, which the
 * browser asks first for the years that have the words (src/build/search-index.ts,
 * src/build/search-words.ts, public/js/search.js).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const PAGEFIND = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner/bin.cjs");
const work = mkdtempSync(path.join(os.tmpdir(), "boletines-shards-"));
const site = path.join(work, "site");

function page(dir: string, slug: string, title: string, kind: string, text: string): void {
  mkdirSync(path.join(work, dir, slug), { recursive: true });
  const html = `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><span data-pagefind-filter="kind">${kind}</span><p>${text}</p></article></body></html>`;
  writeFileSync(path.join(work, dir, slug, "index.html"), html);
}

const texts = {
  q1: "El IMSS en Querétaro inauguró una clínica que atiende a miles.",
  q2: "Campaña de vacunación en Querétaro para que todos se protejan.",
  o1: "Dijo que la clínica atiende a quienes lo necesitan.",
  o2: "Es importante que las personas acudan a su unidad.",
};
page("a", "q1", "Querétaro uno", "boletin", texts.q1);
page("a", "q2", "Querétaro dos", "boletin", texts.q2);
for (const dir of ["b", "b-vocabulary"]) {
  page(dir, "o1", "Otro uno", "boletin", texts.o1);
  page(dir, "o2", "Otro dos", "boletin", texts.o2);
}
const words = new Set(Object.values(texts).flatMap((t) => t.toLowerCase().replace(/[.,]/g, "").split(/\s+/)));
page("b-vocabulary", "vocabulario", "vocabulario", "vocabulario", [...words].join(" "));
for (const dir of ["a", "b", "b-vocabulary"]) {
  execFileSync(process.execPath, [PAGEFIND, "--site", path.join(work, dir), "--output-path", path.join(site, `pf-${dir}`)], { stdio: "ignore" });
}
writeFileSync(
  path.join(site, "index.html"),
  `<!doctype html><html><body><script type="module">
window.run = async (other, q, filters) => {
  const pf = await import("/pf-a/pagefind.js");
  await pf.options({ basePath: "/pf-a/" });
  await pf.mergeIndex(other);
  const s = await pf.search(q, { filters });
  return (await Promise.all(s.results.map((r) => r.data()))).map((d) => d.meta.title);
};
window.ready = true;
</script></body></html>`,
);

const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".json": "application/json", ".wasm": "application/wasm" };
const server = http.createServer((req, res) => {
  let file = path.join(site, decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
  if (!file.startsWith(site)) file = site;
  if (file.endsWith("/")) file += "index.html";
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
try {
  const tab = await browser.newPage();
  const cases: Array<[other: string, query: string, filters: Record<string, string>]> = [
    ["/pf-b/", "queretaro", {}],
    ["/pf-b-vocabulary/", "queretaro", { kind: "boletin" }],
    ["/pf-b-vocabulary/", "quer", { kind: "boletin" }],
    ["/pf-b-vocabulary/", "clínica", { kind: "boletin" }],
  ];
  for (const [other, query, filters] of cases) {
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const found = await tab.evaluate(
      ([o, q, f]) => (window as unknown as { run: (o: string, q: string, f: object) => Promise<string[]> }).run(o, q, f),
      [other, query, filters] as const,
    );
    console.log(`A + ${other.slice(4, -1)}, «${query}»${Object.keys(filters).length ? ` (${JSON.stringify(filters)})` : ""}: ${found.join(", ") || "nada"}`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
