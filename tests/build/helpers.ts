import { spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { DateTime } from "luxon";
import { buildSite, type BuildOptions, type BuildResult } from "../../src/build/build.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { generateBulletins } from "../../scripts/bench/corpus.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXED_NOW = DateTime.fromISO("2026-01-01T00:00:00-06:00", { setZone: true });

export async function tempDir(prefix = "boletines-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Build `contentDir` into a fresh temp folder with a fixed clock. */
export async function buildFixture(contentDir: string, overrides: Partial<BuildOptions> = {}): Promise<{ out: string; result: BuildResult }> {
  const out = overrides.outDir ?? path.join(await tempDir(), "_site");
  const result = await buildSite({
    contentDir,
    publicDir: path.join(ROOT, "public"),
    outDir: out,
    drafts: false,
    future: false,
    now: FIXED_NOW,
    site: DEFAULT_SITE,
    quiet: true,
    search: false,
    ...overrides,
  });
  return { out, result };
}

export async function copyDir(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export async function read(out: string, rel: string): Promise<string> {
  return readFile(path.join(out, rel), "utf8");
}

/** Writes `count` bulletins of the benchmark's generator (legacy front-matter shape) under `contentDir`. */
export function writeGeneratedContent(contentDir: string, count: number, seed: number): void {
  for (const b of generateBulletins(count, seed)) {
    mkdirSync(path.dirname(path.join(contentDir, b.relPath)), { recursive: true });
    writeFileSync(path.join(contentDir, b.relPath), b.text);
  }
}

/** A TCP port free on 127.0.0.1 right now (for servers the tests start). */
export { freePort } from "../e2e/server.ts";

/** Every file of a built site (through the `_site` link), by path relative to it. */
export function siteTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return files;
}

/** The first difference between two sites, named with its context (undefined: the same files, the same bytes). */
export function treeDifference(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string | undefined {
  for (const f of expected.keys()) if (!actual.has(f)) return `missing ${f}`;
  for (const f of actual.keys()) if (!expected.has(f)) return `extra ${f}`;
  for (const [f, bytes] of actual) {
    const other = expected.get(f)!;
    if (bytes.equals(other)) continue;
    const a = bytes.toString("utf8");
    const b = other.toString("utf8");
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `${f} differs at ${i}: «${a.slice(Math.max(0, i - 80), i + 80)}» / expected «${b.slice(Math.max(0, i - 80), i + 80)}»`;
  }
  return undefined;
}

/** The errors of a failed build, for an assertion's message. */
export function buildErrors(result: BuildResult): string {
  return result.ok ? "" : `${result.fatal ?? ""} ${JSON.stringify(result.problems.filter((p) => p.severity === "error"))}`;
}

/** Runs git in `cwd` as an editor with a name would (a repository of the test's own); fails the test if git does. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", ["-c", "user.name=Editora", "-c", "user.email=editora@example.org", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A PNG file's signature and header claiming this size (the header is all a size reader looks at). */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(16))), chunk("IEND", Buffer.alloc(0))]);
}
