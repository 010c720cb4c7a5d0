import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import type { DateTime } from "luxon";
import { buildSite, PROJECT_ROOT, type BuildResult } from "../../src/build/build.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { buildErrors, FIXED_NOW, siteTree as tree, treeDifference as difference } from "./helpers.ts";

/**
 * Random histories of what editors do (and what time does) between two `boletines build` runs:
 * after every step, the site the incremental build published (build cache, page digests, linked
 * generations, prefetch thread, worker threads) is byte for byte the site a build from scratch makes
 * of the same content at the same moment. A page whose digest misses one of its inputs shows up
 * here as a stale page, whatever the input is.
 *
 * A fixed seed keeps runs reproducible; FC_SEED explores other histories, FC_RUNS scales their
 * number (a failure prints the seed and the shrunk history: the steps that reproduce it).
 */
const SEED = Number(process.env["FC_SEED"] ?? 20261122);
const RUNS = Number(process.env["FC_RUNS"] ?? 1);

/** One bulletin as an editor wrote it: the test writes it in the legacy Jekyll shape (nil, blank lines in lists). */
interface Spec {
  title: string;
  date: string;
  tags: string[];
  section: string;
  description?: string;
  /** An old address (`redirect_from: /news/N`, N from the file's serial number). */
  redirect: boolean;
  draft: boolean;
  featured: boolean;
  image: boolean;
  /** `redirect_to:` another site: the file's addresses forward there, with no page of its own. */
  forward: boolean;
  paragraphs: string[];
}

// Small pools, so that lists paginate (20 a page), tags are shared, and labels compete (the
// corpus-wide label of a tag or section is the most used spelling, policy/labels.ts).
const TAGS = ["Salud", "salud", "SALUD", "Vacunación", "vacunacion", "Guarderías", "Día del Médico", "Trasplantes", "IMSS Bienestar"];
const SECTIONS = ["Local", "local", "Nacional", "Salud", "Prestaciones"];
const WORDS = ["derechohabientes", "consultas", "jornada", "vacunas", "guardería", "Querétaro", "Mérida", "cirugías", "pensiones", "enfermería"];
// Years on both sides of the build's clock (FIXED_NOW is 2026-01-01): some bulletins are embargoed until the clock moves.
const DATES = fc.tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 4 })).map(([y, mo, d, h, kind]) => {
  const day = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const hh = String(h).padStart(2, "0");
  return [`${day}T${hh}:08:00.000-06:00`, `${day} ${hh}:30:00`, day, `${day}T${hh}:00:00Z`, `${day}T${hh}:45:00-07:00`][kind]!;
});
// Now and then a paragraph that is the picture (its file comes and goes with "picture-file"), shown as `<picture>` when it is there.
const SENTENCE = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 40 }).map((w) => `${w.join(" ")}.`);
const PARAGRAPH = fc.oneof(
  { arbitrary: SENTENCE, weight: 9 },
  { arbitrary: fc.constant("![Foto de la jornada](/uploads/2025/foto.jpg)"), weight: 1 },
);

const SPEC: fc.Arbitrary<Spec> = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }).map((w) => w.join(" ")),
  date: DATES,
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }),
  section: fc.constantFrom(...SECTIONS),
  description: fc.option(SENTENCE, { nil: undefined }),
  redirect: fc.boolean(),
  draft: fc.constantFrom(false, false, false, false, false, false, false, false, true),
  featured: fc.constantFrom(false, false, false, true),
  image: fc.constantFrom(false, false, true),
  forward: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  paragraphs: fc.array(PARAGRAPH, { minLength: 1, maxLength: 4 }),
});

/** What happens between two builds. `at` picks a bulletin (modulo how many there are). */
type Step =
  | { kind: "body"; at: number; paragraph: string }
  | { kind: "title"; at: number; title: string }
  | { kind: "date"; at: number; date: string }
  | { kind: "tags"; at: number; tags: string[] }
  | { kind: "section"; at: number; section: string }
  | { kind: "description"; at: number; description: string | undefined }
  | { kind: "redirect"; at: number; on: boolean }
  | { kind: "draft"; at: number }
  | { kind: "featured"; at: number }
  | { kind: "image"; at: number }
  | { kind: "forward"; at: number }
  | { kind: "add"; spec: Spec }
  | { kind: "delete"; at: number }
  | { kind: "rename"; at: number }
  | { kind: "touch"; at: number }
  | { kind: "picture-file" }
  | { kind: "clock"; days: number }
  | { kind: "preview" }
  | { kind: "broken"; at: number; text: string };

const at = fc.nat({ max: 1000 });
const STEP: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("body" as const), at, paragraph: PARAGRAPH }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("title" as const), at, title: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }).map((w) => w.join(" ")) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("date" as const), at, date: DATES }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("tags" as const), at, tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("section" as const), at, section: fc.constantFrom(...SECTIONS) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("description" as const), at, description: fc.option(SENTENCE, { nil: undefined }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("redirect" as const), at, on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("draft" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("featured" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("image" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("forward" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("add" as const), spec: SPEC }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("rename" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("touch" as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("picture-file" as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("clock" as const), days: fc.integer({ min: 1, max: 400 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("preview" as const) }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("broken" as const), at, text: fc.constantFrom("date: 2024-02-30", "title: [sin cerrar", "tags: {a: [}") }),
    weight: 2,
  },
);

const PICTURE = "/uploads/2025/foto.jpg";
const PICTURE_SOURCE = path.join(PROJECT_ROOT, "tests/fixtures/e2e-public/uploads/2025/vacunacion-merida.jpg");

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * The bulletin's file, as a legacy post or a converted release would have it. `serial` is the file's
 * (unique): its title ends with it, so that no two bulletins of a month share a URL (a collision is
 * an error, and histories make valid content), and its old address is numbered by it.
 */
function fileText(spec: Spec, serial: number): string {
  const lines = ["---", "layout: post", `title: ${yamlString(`${spec.title} ${serial}`)} `, `date: ${spec.date}`, "tags:"];
  for (const t of spec.tags) lines.push("  ", `  - ${t}`);
  if (!spec.tags.length) lines.push("  ");
  lines.push(`description: ${spec.description ? yamlString(spec.description) : "nil"}`);
  lines.push(spec.image ? `image: ${PICTURE}` : "image: nil");
  lines.push(`front: ${spec.featured}`, `section: ${spec.section}`);
  if (spec.draft) lines.push("draft: true");
  if (spec.redirect) lines.push(`redirect_from: /news/${100000 + serial}`);
  if (spec.forward) lines.push(`redirect_to: https://www.gob.mx/imss/prensa/${serial}`);
  lines.push("---", "", spec.paragraphs.join("\n\n"), "");
  return lines.join("\n");
}

/** The content folder, the public folder and the clock, as the steps leave them. */
class History {
  readonly files = new Map<string, Spec>();
  private serial = 0;
  now: DateTime = FIXED_NOW;
  preview = false;
  pictureThere = true;

  constructor(
    readonly content: string,
    readonly publicDir: string,
  ) {}

  private nameFor(spec: Spec): string {
    this.serial++;
    const slug = spec.title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return `${spec.date.slice(0, 4)}/${spec.date.slice(0, 10)}-${slug}-${this.serial}.md`;
  }

  private write(file: string): void {
    const spec = this.files.get(file)!;
    const abs = path.join(this.content, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    // Titles and redirect numbers end with the file's serial: unique, and stable across edits.
    writeFileSync(abs, fileText(spec, Number(/-(\d+)\.md$/.exec(file)![1])));
  }

  add(spec: Spec): string {
    const file = this.nameFor(spec);
    this.files.set(file, structuredClone(spec));
    this.write(file);
    return file;
  }

  private pick(index: number): string | undefined {
    const names = [...this.files.keys()].sort();
    return names.length ? names[index % names.length] : undefined;
  }

  /** Applies a step; returns the file a broken step damaged (restored after the failing build). */
  apply(step: Step): string | undefined {
    if (step.kind === "add") {
      this.add(step.spec);
      return;
    }
    if (step.kind === "clock") {
      this.now = this.now.plus({ days: step.days });
      return;
    }
    if (step.kind === "preview") {
      this.preview = !this.preview;
      return;
    }
    if (step.kind === "picture-file") {
      const abs = path.join(this.publicDir, PICTURE);
      if (this.pictureThere) unlinkSync(abs);
      else cpSync(PICTURE_SOURCE, abs);
      this.pictureThere = !this.pictureThere;
      return;
    }
    const file = this.pick(step.at);
    if (!file) return;
    const spec = this.files.get(file)!;
    const abs = path.join(this.content, file);
    switch (step.kind) {
      case "body":
        spec.paragraphs.splice(step.at % (spec.paragraphs.length + 1), 0, step.paragraph);
        break;
      case "title":
        spec.title = step.title;
        break;
      case "date":
        spec.date = step.date;
        break;
      case "tags":
        spec.tags = step.tags;
        break;
      case "section":
        spec.section = step.section;
        break;
      case "description":
        spec.description = step.description;
        break;
      case "redirect":
        spec.redirect = step.on;
        break;
      case "draft":
        spec.draft = !spec.draft;
        break;
      case "featured":
        spec.featured = !spec.featured;
        break;
      case "image":
        spec.image = !spec.image;
        break;
      case "forward":
        spec.forward = !spec.forward;
        break;
      case "delete":
        this.files.delete(file);
        unlinkSync(abs);
        return;
      case "rename": {
        this.files.delete(file);
        const renamed = this.nameFor(spec);
        this.files.set(renamed, spec);
        mkdirSync(path.dirname(path.join(this.content, renamed)), { recursive: true });
        renameSync(abs, path.join(this.content, renamed));
        return;
      }
      case "touch": {
        const later = new Date(Date.now() + 5000);
        utimesSync(abs, later, later);
        return;
      }
      case "broken":
        writeFileSync(abs, readFileSync(abs, "utf8").replace(/^---\n/, `---\n${step.text}\n`));
        return file;
    }
    this.write(file);
    return;
  }

  restore(file: string): void {
    this.write(file);
  }
}

/**
 * The first history tried: every kind of step at least once, and the crossings random histories
 * reach only now and then (a scheduled bulletin whose date the clock passes while previewing, a
 * picture that appears under a bulletin that names it, a broken file, a rename).
 */
type Threads = "main" | "prefetch" | "workers";

function tour(): [Spec[], Step[][], Threads, boolean] {
  const initial = fc.sample(fc.array(SPEC, { minLength: 25, maxLength: 25 }), { seed: SEED, numRuns: 1 })[0]!;
  // Sorted by file name (the order steps pick in), the first bulletin is the earliest dated.
  const paragraph = "jornada de vacunación en Mérida.";
  const steps: Step[][] = [
    [{ kind: "date", at: 0, date: "2026-02-15T10:08:00.000-06:00" }, { kind: "body", at: 1, paragraph }],
    [{ kind: "clock", days: 60 }],
    [{ kind: "preview" }],
    [{ kind: "tags", at: 2, tags: ["SALUD", "Trasplantes"] }, { kind: "section", at: 3, section: "local" }],
    [{ kind: "title", at: 4, title: "cirugías en Querétaro" }, { kind: "description", at: 5, description: undefined }, { kind: "redirect", at: 6, on: true }],
    [{ kind: "draft", at: 7 }, { kind: "featured", at: 8 }, { kind: "image", at: 9 }, { kind: "forward", at: 14 }],
    [{ kind: "picture-file" }, { kind: "add", spec: { ...initial[0]!, title: "nueva jornada", date: "2025-12-31 23:30:00" } }],
    [{ kind: "rename", at: 10 }, { kind: "delete", at: 11 }, { kind: "touch", at: 12 }],
    [{ kind: "broken", at: 13, text: "date: 2024-02-30" }],
    [{ kind: "clock", days: 200 }, { kind: "preview" }],
  ];
  return [initial, steps, "prefetch", true];
}

let root: string | undefined;
after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test("after any history of edits, renames, deletions, broken files, clock and preview changes, each rebuild equals a build from scratch", async (t) => {
  root = mkdtempSync(path.join(os.tmpdir(), "boletines-histories-"));
  let run = 0;
  const builds = { incremental: 0, failed: 0, incrementalMs: 0, scratchMs: 0 };
  /** Steps tried, by kind (and the clock's, by mode): every kind must have been exercised. */
  const tried = new Map<string, number>();
  const count = (key: string): void => void tried.set(key, (tried.get(key) ?? 0) + 1);
  await fc.assert(
    fc.asyncProperty(
      fc.array(SPEC, { minLength: 20, maxLength: 45 }),
      fc.array(fc.array(STEP, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 9 }),
      // Where the incremental build does its work: all on the main thread; with the prefetch thread
      // (edited files parsed there, the output checked there); or also with file and page worker
      // threads (a cold large site). Threads cost ~0.3 s to start under tsx: the main thread is the most tried.
      fc.oneof({ arbitrary: fc.constant<Threads>("main"), weight: 6 }, { arbitrary: fc.constant<Threads>("prefetch"), weight: 2 }, { arbitrary: fc.constant<Threads>("workers"), weight: 1 }),
      fc.boolean(),
      async (initial, steps, threads, preview) => {
        const dir = path.join(root!, `run-${run++}`);
        count(`threads: ${threads}`);
        const content = path.join(dir, "content");
        const publicDir = path.join(dir, "public");
        mkdirSync(content, { recursive: true });
        cpSync(path.join(PROJECT_ROOT, "public"), publicDir, { recursive: true });
        mkdirSync(path.dirname(path.join(publicDir, PICTURE)), { recursive: true });
        cpSync(PICTURE_SOURCE, path.join(publicDir, PICTURE));
        const history = new History(content, publicDir);
        history.preview = preview;
        for (const spec of initial) history.add(spec);
        const out = path.join(dir, "_site");
        const cache = path.join(dir, "cache");
        let fresh = 0;
        const build = (outDir: string, cacheDir?: string): Promise<BuildResult> =>
          buildSite({
            contentDir: content,
            publicDir,
            outDir,
            drafts: history.preview,
            future: history.preview,
            now: history.now,
            site: DEFAULT_SITE,
            quiet: true,
            // The search index is not byte-stable (Pagefind #638); its reuse is tested in search-index.test.ts.
            search: false,
            ...(cacheDir ? { cacheDir, prefetch: threads !== "main", ...(threads === "workers" ? { workerThreshold: 0 } : {}) } : {}),
          });
        const compare = async (label: string): Promise<void> => {
          let started = performance.now();
          const incremental = await build(out, cache);
          builds.incremental++;
          builds.incrementalMs += performance.now() - started;
          const scratch = path.join(dir, `fresh-${fresh++}`);
          started = performance.now();
          const expected = await build(scratch);
          builds.scratchMs += performance.now() - started;
          // Histories make valid content between their broken steps: both builds must succeed.
          assert.ok(expected.ok, `${label}: the build from scratch failed: ${buildErrors(expected)}`);
          assert.ok(incremental.ok, `${label}: the incremental build failed: ${buildErrors(incremental)}`);
          const diff = difference(tree(out), tree(scratch));
          rmSync(scratch, { recursive: true, force: true });
          assert.equal(diff, undefined, `${label}: ${diff}`);
        };
        await compare("first build");
        for (const [i, group] of steps.entries()) {
          const broken: string[] = [];
          // Damage comes last in a step, so that no other edit of the same step rewrites or moves it.
          for (const step of [...group.filter((s) => s.kind !== "broken"), ...group.filter((s) => s.kind === "broken")]) {
            count(step.kind === "clock" ? `clock (${history.preview ? "preview" : "production"})` : step.kind);
            const damaged = history.apply(step);
            if (damaged) broken.push(damaged);
          }
          if (broken.length) {
            // A build that fails publishes nothing: the site stays what it was.
            const before = tree(out);
            const failed = await build(out, cache);
            builds.failed++;
            assert.equal(failed.ok, false, `step ${i}: a broken file must fail the build`);
            assert.equal(difference(tree(out), before), undefined, `step ${i}: a failed build changed the published site`);
            for (const file of broken) if (history.files.has(file)) history.restore(file);
          }
          await compare(`step ${i} (${group.map((s) => s.kind).join(", ")})`);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    ),
    { seed: SEED, numRuns: Math.max(1, Math.round(6 * RUNS)), endOnFailure: process.env["FC_SHRINK"] === undefined, includeErrorInReport: true, examples: [tour()] },
  );
  t.diagnostic(`${builds.incremental} incremental builds (${(builds.incrementalMs / 1000).toFixed(1)} s; from scratch ${(builds.scratchMs / 1000).toFixed(1)} s), ${builds.failed} failing as they should; steps: ${[...tried].sort().map(([k, n]) => `${k} ${n}`).join(", ")}`);
  const kinds = ["threads: prefetch", "body", "title", "date", "tags", "section", "description", "redirect", "draft", "featured", "image", "forward", "add", "delete", "rename", "touch", "picture-file", "clock (preview)", "clock (production)", "preview", "broken"];
  assert.deepEqual(kinds.filter((k) => !tried.has(k)), [], "every kind of step was tried");
  assert.ok(builds.failed >= 1, "a broken file failed a build");
});
