import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { escapeWith, frameSet, memberLookup, type NunjucksRuntimeParts } from "../../src/build/nunjucks-runtime.ts";
import { buildErrors, buildFixture, ROOT, siteTree, tempDir, treeDifference, writeGeneratedContent } from "./helpers.ts";

/**
 * build/nunjucks-runtime.ts replaces three functions of Nunjucks' runtime with faster ones that must
 * give the same results. Nothing in this file installs them before the whole-site comparison (each
 * test file runs in its own process), so the originals below are Nunjucks' own.
 */
const nunjucks = createRequire(import.meta.url)("nunjucks") as NunjucksRuntimeParts & {
  runtime: { Frame: new (parent?: unknown, isolateWrites?: boolean) => { variables: Record<string, unknown>; push(isolate?: boolean): unknown } };
};
const originalSet = nunjucks.runtime.Frame.prototype.set;
const originalEscape = nunjucks.lib.escape;
const originalLookup = nunjucks.runtime.memberLookup;

test("a whole site is the same bytes with Nunjucks' own runtime and with the faster functions (pages rendered on threads and here)", async () => {
  const content = path.join(await tempDir(), "content");
  cpSync(path.join(ROOT, "tests/fixtures/varied"), content, { recursive: true });
  writeGeneratedContent(path.join(content, "generados"), 120, 7);
  const build = async (workerThreshold: number) => {
    const { out, result } = await buildFixture(content, { workerThreshold });
    assert.ok(result.ok, buildErrors(result));
    return siteTree(out);
  };
  process.env["BOLETINES_PLAIN_NUNJUCKS"] = "1";
  const plain = await build(0);
  assert.equal(nunjucks.runtime.Frame.prototype.set, originalSet, "BOLETINES_PLAIN_NUNJUCKS=1 keeps Nunjucks as it is");
  delete process.env["BOLETINES_PLAIN_NUNJUCKS"];
  const onThreads = await build(0);
  assert.notEqual(nunjucks.runtime.Frame.prototype.set, originalSet, "the build installed the faster functions");
  const here = await build(100_000);
  assert.ok(plain.size > 400, `${plain.size} files`);
  assert.equal(treeDifference(onThreads, plain), undefined);
  assert.equal(treeDifference(here, plain), undefined);
});

const NAMES = ["a", "b", "loop", "loop.index", "loop.first", "a.b", "a.b.c", "post", "post.url", "x.y"];

test("frameSet leaves the frames as Nunjucks' Frame.set does, dotted names and writes up the chain included", () => {
  const op = fc.record({ depth: fc.nat(2), name: fc.constantFrom(...NAMES), value: fc.oneof(fc.integer(), fc.string(), fc.constant(0), fc.constant(null)), up: fc.boolean() });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), fc.boolean(), (ops, isolate) => {
      const chain = (set: typeof originalSet) => {
        const top = new nunjucks.runtime.Frame() as unknown as { push(i?: boolean): unknown };
        const middle = top.push(isolate) as { push(i?: boolean): unknown };
        const inner = middle.push();
        const frames = [top, middle, inner] as unknown as Array<{ variables: Record<string, unknown>; set: typeof originalSet }>;
        for (const f of frames) f.set = set;
        // A dotted name over a primitive throws (strict mode) in both: the same error, at the same step.
        const outcomes = ops.map(({ depth, name, value, up }) => {
          try {
            frames[depth]!.set(name, value, up);
            return "ok";
          } catch (error) {
            return (error as Error).constructor.name;
          }
        });
        return [outcomes, frames.map((f) => JSON.stringify(f.variables))];
      };
      assert.deepEqual(chain(frameSet), chain(originalSet));
    }),
    { numRuns: 400 },
  );
});

test("the escape fast path returns what Nunjucks' escape returns, for text with and without characters to escape", () => {
  const escape = escapeWith(originalEscape);
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom("a", "ñ", " ", "&", '"', "'", "<", ">", "\\", "/", "é", "\n") }), (s) => escape(s) === originalEscape(s)), { numRuns: 2000 });
  for (const s of ["", "Salud & bienestar", 'dijo "sí"', "<script>", "C:\\ruta", "sin nada"]) assert.equal(escape(s), originalEscape(s));
});

test("memberLookup gives what Nunjucks' gives, and runs a getter once instead of twice", () => {
  let reads = 0;
  const post = {
    title: "Vacunación",
    count: 0,
    get seo() {
      reads++;
      return { title: this.title };
    },
    greet(name: string) {
      return `${this.title}: ${name}`;
    },
  };
  for (const name of ["title", "count", "missing"]) assert.equal(memberLookup(post, name), originalLookup(post, name));
  assert.equal(memberLookup(null, "x"), originalLookup(null, "x"));
  assert.equal(memberLookup(undefined, "x"), originalLookup(undefined, "x"));
  assert.equal(memberLookup("texto", "length"), originalLookup("texto", "length"));
  const ours = memberLookup(post, "greet") as (n: string) => string;
  const theirs = originalLookup(post, "greet") as (n: string) => string;
  assert.equal(ours("lectores"), theirs("lectores"));
  reads = 0;
  assert.deepEqual(originalLookup(post, "seo"), { title: "Vacunación" });
  assert.equal(reads, 2, "Nunjucks reads a member twice");
  reads = 0;
  assert.deepEqual(memberLookup(post, "seo"), { title: "Vacunación" });
  assert.equal(reads, 1);
});
