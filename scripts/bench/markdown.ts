/**
 * `node --import tsx scripts/bench/markdown.ts [DIR] [--rounds N] [--reference]`: CPU time of
 * `renderMarkdownAndText` over the bodies of every `.md` file under DIR (default: the 10,000-bulletin
 * bench corpus, `.bench/n10000/content`; make it with `npm run bench -- --sizes 10000 --generate-only`).
 * A script, not a test: nothing here asserts a time. The first round warms the JIT and is not counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { parseSource } from "../../src/model/load.ts";
import * as md from "../../src/render/markdown.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "3" },
    /** Also time the reference implementation (marked + sanitize-html twice). */
    reference: { type: "boolean", default: false },
  },
});
const dir = path.resolve(positionals[0] ?? path.join(ROOT, ".bench/n10000/content"));
const rounds = Math.max(1, Number(values.rounds));

function listMarkdown(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(folder, f));
}

const bodies: string[] = [];
for (const file of listMarkdown(dir)) {
  const loaded = parseSource(readFileSync(file, "utf8"), file, path.relative(dir, file));
  if (loaded.ok) bodies.push(loaded.doc.body);
}
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);

function cpuMs(fn: (body: string) => unknown): number {
  const start = process.cpuUsage();
  for (const body of bodies) fn(body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function time(label: string, fn: (body: string) => unknown): void {
  cpuMs(fn);
  const runs = Array.from({ length: rounds }, () => cpuMs(fn));
  const best = Math.min(...runs);
  console.log(`${label}: ${runs.map((ms) => ms.toFixed(0)).join(", ")} ms CPU (best ${best.toFixed(0)} ms, ${((best * 1000) / bodies.length).toFixed(1)} µs per body)`);
}

console.log(`${bodies.length} bodies, ${(bytes / 1024 / 1024).toFixed(1)} MiB, from ${path.relative(ROOT, dir) || "."}`);
console.log(`uptime: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
time("renderMarkdownAndText", md.renderMarkdownAndText);
time("readingMinutes(text)", (() => {
  const texts = bodies.map((b) => md.renderMarkdownAndText(b).text);
  let i = 0;
  return () => md.readingMinutes(texts[i++ % texts.length]!);
})());
const mod = md as Record<string, unknown>;
if (values.reference && typeof mod["renderMarkdownAndTextReference"] === "function") {
  time("renderMarkdownAndTextReference", mod["renderMarkdownAndTextReference"] as (body: string) => unknown);
}
if (typeof mod["markdownRenderPath"] === "function") {
  const pathOf = mod["markdownRenderPath"] as (body: string) => string;
  const counts = new Map<string, number>();
  for (const body of bodies) counts.set(pathOf(body), (counts.get(pathOf(body)) ?? 0) + 1);
  console.log(`paths: ${[...counts].map(([k, n]) => `${k} ${n} (${((100 * n) / bodies.length).toFixed(1)} %)`).join(", ")}`);
}
