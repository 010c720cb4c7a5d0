import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import { DateTime } from "luxon";
import { sha1 } from "../../src/build/digest.ts";
import { DigestMemo } from "../../src/build/digest-memo.ts";
import { layoutEnvironment } from "../../src/build/pages.ts";
import { siteFiles } from "../../src/build/site-files.ts";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { applyCorpusLabels } from "../../src/model/corpus.ts";
import { buildSiteData } from "../../src/render/site-data.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { fm, normalizeText } from "../model/helpers.ts";
import { ROOT } from "./helpers.ts";

/**
 * The digest memo (build/digest-memo.ts) answers with a saved digest only when the inputs are the
 * saved ones: after any change of a corpus, every file's digest with the last build's memo is the
 * digest computed from scratch, and an edit of one bulletin computes few digests again.
 */
const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const RUNS = Number(process.env["FC_RUNS"] ?? 1) * 40;

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Spec {
  title: string;
  day: number;
  tags: string[];
  section: string;
  redirect: boolean;
  draft: boolean;
  featured: boolean;
  /** A `slug:` of its own: its title can change under the same URL. */
  slug: boolean;
  body: string;
}

// Small pools: lists paginate (3 a page below), tags are shared and their spellings compete for the label.
const TAGS = ["Salud", "salud", "SALUD", "Vacunación", "vacunacion", "Guarderías", "Trasplantes"];
const SECTIONS = ["Local", "local", "Nacional", "Prestaciones"];
const SPEC: fc.Arbitrary<Spec> = fc.record({
  title: fc.constantFrom("Jornada de salud", "Campaña de vacunación", "Nueva guardería", "Trasplante de riñón", "Pensiones"),
  day: fc.integer({ min: 0, max: 900 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  section: fc.constantFrom(...SECTIONS),
  redirect: fc.boolean(),
  draft: fc.constantFrom(false, false, false, true),
  featured: fc.constantFrom(false, false, true),
  slug: fc.boolean(),
  body: fc.constantFrom("Texto.", "Otro texto.", "Consultas y cirugías."),
});

type Change = { kind: "edit"; at: number; spec: Spec } | { kind: "title"; at: number; title: string } | { kind: "add"; spec: Spec } | { kind: "delete"; at: number } | { kind: "clock"; days: number };
const CHANGE: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), at: fc.nat(), spec: SPEC }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("title" as const), at: fc.nat(), title: fc.constantFrom("Otra jornada", "Jornada de salud") }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("add" as const), spec: SPEC }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("clock" as const), days: fc.integer({ min: 1, max: 300 }) }), weight: 1 },
);

function text(spec: Spec, serial: number): string {
  const date = DateTime.fromISO("2024-01-01T10:00:00-06:00", { setZone: true }).plus({ days: spec.day }).toISO()!;
  const tags = spec.tags.length ? `[${spec.tags.map((t) => JSON.stringify(t)).join(", ")}]` : "[]";
  const lines = [`title: ${JSON.stringify(`${spec.title} ${serial}`)}`, `date: ${date}`, `tags: ${tags}`, `section: ${spec.section}`, 'description: "d"'];
  if (spec.redirect) lines.push(`redirect_from: [/news/${serial}, "/viejo/${serial}/"]`);
  if (spec.draft) lines.push("draft: true");
  if (spec.featured) lines.push("front: true");
  if (spec.slug) lines.push(`slug: boletin-${serial}`);
  return fm(lines.join("\n"), `${spec.body}\n`);
}

/** A corpus as files (path → text): the source key of a bulletin is the hash of its file and its path, as the build cache's. */
async function digests(files: Map<string, string>, now: DateTime, memo?: DigestMemo): Promise<Map<string, string>> {
  const bulletins: Bulletin[] = [];
  for (const [file, source] of files) {
    const r = normalizeText(source, { file });
    assert.ok(r.bulletin, JSON.stringify(r.problems));
    if (r.bulletin.draft) continue;
    bulletins.push(r.bulletin);
  }
  const data = buildSiteData(applyCorpusLabels(bulletins), { site: { ...DEFAULT_SITE, pageSize: 3 }, now });
  const context = { site: DEFAULT_SITE, preview: false, boletines: { assets: data.assets, metaContentSecurityPolicy: data.metaContentSecurityPolicy } };
  const sourceKey = (b: Bulletin): string => `${sha1(files.get(b.file)!)}\0${b.file}`;
  const made = await siteFiles(data, layoutEnvironment(), context, { publicDir: path.join(ROOT, "public"), sourceKey, ...(memo ? { memo } : {}) });
  return new Map(made.map((f) => [f.file, f.digest]));
}

/** Applies a change to the corpus (the clock is the caller's). */
function apply(corpus: Map<string, Spec>, change: Change, serial: number): void {
  const names = [...corpus.keys()].sort();
  const name = names.length && "at" in change ? names[change.at % names.length]! : undefined;
  if (change.kind === "add") corpus.set(`content/b-${serial}.md`, change.spec);
  else if (change.kind === "edit" && name) corpus.set(name, change.spec);
  else if (change.kind === "title" && name) corpus.set(name, { ...corpus.get(name)!, title: change.title });
  else if (change.kind === "delete" && name) corpus.delete(name);
}

function filesOf(corpus: Map<string, Spec>): Map<string, string> {
  return new Map([...corpus].map(([name, spec]) => [name, text(spec, Number(/b-(\d+)/.exec(name)![1]))]));
}

test("after any change, the digests made with the last build's memo are the digests made from scratch", async () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "boletines-memo-"));
  dirs.push(cacheDir);
  await fc.assert(
    fc.asyncProperty(fc.array(SPEC, { minLength: 1, maxLength: 14 }), fc.array(CHANGE, { minLength: 1, maxLength: 6 }), async (specs, changes) => {
      const corpus = new Map(specs.map((s, i) => [`content/b-${i}.md`, s]));
      let now = DateTime.fromISO("2025-06-01T00:00:00-06:00", { setZone: true });
      let serial = specs.length;
      let memo = DigestMemo.empty("v");
      await digests(filesOf(corpus), now, memo);
      memo.write(cacheDir);
      for (const change of changes) {
        apply(corpus, change, serial++);
        const files = filesOf(corpus);
        if (change.kind === "clock") now = now.plus({ days: change.days });
        memo = DigestMemo.read(cacheDir, "v");
        const remembered = await digests(files, now, memo);
        assert.deepEqual(remembered, await digests(files, now));
        memo.write(cacheDir);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test("one edited bulletin computes its own digests and its neighbours', and reuses the rest", async () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "boletines-memo-"));
  dirs.push(cacheDir);
  const spec = (i: number): Spec => ({ title: "Jornada de salud", day: i * 3, tags: [TAGS[i % 7]!], section: SECTIONS[i % 4]!, redirect: i % 2 === 0, draft: false, featured: false, slug: false, body: "Texto." });
  const files = new Map(Array.from({ length: 60 }, (_, i) => [`content/b-${i}.md`, text(spec(i), i)]));
  const now = DateTime.fromISO("2026-06-01T00:00:00-06:00", { setZone: true });
  const first = DigestMemo.empty("v");
  const all = await digests(files, now, first);
  assert.equal(first.counts.reused, 0);
  first.write(cacheDir);

  // Nothing changed: every digest reused.
  const same = DigestMemo.read(cacheDir, "v");
  assert.deepEqual(await digests(files, now, same), all);
  assert.equal(same.counts.computed, 0);
  assert.equal(same.changedCount, 0);

  // A body edited: its card, its page, its neighbours' pages, the pages of its lists that show it.
  files.set("content/b-30.md", text({ ...spec(30), body: "Otro texto." }, 30));
  const edited = DigestMemo.read(cacheDir, "v");
  const after = await digests(files, now);
  assert.deepEqual(await digests(files, now, edited), after);
  assert.equal(edited.changedCount, 1);
  // Computed again: no more pages than those whose digest changed (its page, its neighbours' and
  // related bulletins' pages, the list pages showing it, its redirect stub; the feeds are not memoized).
  const differ = [...after].filter(([file, digest]) => all.get(file) !== digest).length;
  assert.ok(edited.counts.computed <= differ, `${edited.counts.computed} computed, ${differ} changed`);
  assert.ok(differ > 5);

  // A memo made under other settings or code is not used.
  const other = DigestMemo.read(cacheDir, "w");
  await digests(files, now, other);
  assert.equal(other.counts.reused, 0);

  // A damaged memo is not used either.
  writeFileSync(path.join(cacheDir, "digests.json"), '{"format":1,"validFor":"v","urls":[');
  const damaged = DigestMemo.read(cacheDir, "v");
  assert.deepEqual(await digests(files, now, damaged), await digests(files, now));
  assert.equal(damaged.counts.reused, 0);
});
