/**
 * `npm run audit`: Lighthouse (mobile preset) with Debian's Chromium on the fixture site served on
 * 127.0.0.1, for the home page, a bulletin and a search. Writes the four category scores to
 * docs/lighthouse.md and docs/lighthouse.json. Not part of `npm test`: scores are measured, never asserted.
 *
 * The site is built with its base URL set to the served origin, so canonical links point at the
 * pages Lighthouse actually loads (a canonical on another host is reported by the SEO audit).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { PROJECT_ROOT } from "../src/build/build.ts";
import { DEFAULT_SITE } from "../src/site.ts";
import { FIXTURE, startFixtureSite } from "../tests/e2e/fixture-site.ts";
import { freePort } from "../tests/e2e/server.ts";
import { CHROMIUM_ARGS, ensureChromium } from "../tests/e2e/tools.ts";

const PAGES = [
  { name: "Portada", path: "/" },
  { name: "Boletín", path: FIXTURE.featured },
  { name: "Boletín con imagen en el texto", path: FIXTURE.bodyPicture },
  { name: "Tema", path: FIXTURE.tag },
  { name: "Búsqueda", path: `${FIXTURE.search}?q=vacunacion` },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

async function startChromium(): Promise<{ port: number; child: ChildProcess; profile: string }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "boletines-lh-"));
  const child = spawn(ensureChromium(), [...CHROMIUM_ARGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Chromium prints its DevTools endpoint on stderr once it listens: no polling, no sleeping.
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`Chromium terminó (código ${code}) antes de escuchar:\n${seen}`)));
  });
  return { port, child, profile };
}

async function main(): Promise<void> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const site = await startFixtureSite({ site: { ...DEFAULT_SITE, baseUrl: origin }, port });
  const chrome = await startChromium();
  const rows: Array<{ page: string; url: string; scores: Record<string, number> }> = [];
  try {
    for (const page of PAGES) {
      const result = await lighthouse(`${origin}${page.path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse no devolvió resultados para ${page.path}`);
      const lhr = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
        .map((a) => `${a.id} (${a.score})`);
      rows.push({ page: page.name, url: page.path, scores });
      process.stdout.write(`${page.name} ${page.path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(", ")}\n`);
      if (failing.length) process.stdout.write(`  auditorías por mejorar: ${failing.join(", ")}\n`);
    }
  } finally {
    chrome.child.kill();
    await rm(chrome.profile, { recursive: true, force: true }).catch(() => undefined);
    await site.dispose();
  }
  const table = [
    "# Lighthouse",
    "",
    "Measured by `npm run audit` (Lighthouse, mobile preset with simulated throttling, Debian Chromium, fixture site",
    "`tests/fixtures/e2e-content` served on 127.0.0.1). Scores vary from run to run and with machine load: total blocking",
    "time, the metric that moves most, is CPU time scaled by Lighthouse's throttling.",
    "",
    `Machine during this run: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min) at the end.`,
    "",
    "| Página | Ruta | Rendimiento | Accesibilidad | Buenas prácticas | SEO |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.page} | \`${r.url}\` | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} |`),
    "",
  ].join("\n");
  await writeFile(path.join(PROJECT_ROOT, "docs/lighthouse.md"), table);
  await writeFile(path.join(PROJECT_ROOT, "docs/lighthouse.json"), `${JSON.stringify(rows, null, 2)}\n`);
  process.stdout.write("Escrito docs/lighthouse.md y docs/lighthouse.json\n");
}

await main();
