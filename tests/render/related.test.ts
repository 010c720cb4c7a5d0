import assert from "node:assert/strict";
import { test } from "node:test";
import { findRelated, type RelatedSubject } from "../../src/render/related.ts";

const DAY = 86_400_000;
/** Newest first, one day apart. */
function subjects(specs: Array<[string, string[], string]>): RelatedSubject[] {
  return specs.map(([id, tags, section], i) => ({ id, tags, section, epochMs: (specs.length - i) * DAY }));
}

test("most shared tags first, then nearest in time, then same section", () => {
  const s = subjects([
    ["a", ["vacunas", "influenza"], "nacional"],
    ["b", ["vacunas"], "nacional"],
    ["c", ["vacunas", "influenza"], "local"],
    ["d", [], "nacional"],
    ["e", ["pensiones"], "local"],
  ]);
  const r = findRelated(s, { limit: 3, window: 10 });
  const ids = (i: number): string[] => r[i]!.map((j) => s[j]!.id);
  assert.deepEqual(ids(0), ["c", "b", "d"]);
  assert.deepEqual(ids(2), ["a", "b", "e"]);
  assert.deepEqual(ids(3), ["b", "a"], "no tags: the section, nearest first");
  assert.deepEqual(ids(4), ["c"], "nothing shared: only its section");
});

test("never itself, never twice, at most `limit`", () => {
  const s = subjects(Array.from({ length: 30 }, (_, i) => [`n${String(i).padStart(2, "0")}`, ["salud", i % 2 ? "par" : "impar"], "nacional"] as [string, string[], string]));
  const r = findRelated(s, { limit: 4, window: 6 });
  r.forEach((list, i) => {
    assert.ok(list.length <= 4);
    assert.ok(!list.includes(i));
    assert.equal(new Set(list).size, list.length);
    // Two shared tags beat one.
    assert.ok(list.slice(0, Math.min(list.length, 3)).every((j) => j % 2 === i % 2), `${i}: ${list.join(",")}`);
  });
});

test("deterministic: equal dates are broken by id", () => {
  const s: RelatedSubject[] = [
    { id: "x", tags: ["t"], section: "s", epochMs: 10 },
    { id: "c", tags: ["t"], section: "s", epochMs: 5 },
    { id: "b", tags: ["t"], section: "s", epochMs: 5 },
    { id: "a", tags: ["t"], section: "s", epochMs: 5 },
  ];
  const first = findRelated(s, { limit: 3, window: 5 });
  assert.deepEqual(first[0]!.map((j) => s[j]!.id), ["a", "b", "c"]);
  assert.deepEqual(findRelated(s, { limit: 3, window: 5 }), first);
});

test("looks only at a window of neighbours: 50,000 bulletins in one tag stay fast and local", () => {
  const n = 50_000;
  const s: RelatedSubject[] = Array.from({ length: n }, (_, i) => ({ id: `b${i}`, tags: ["salud", `t${i % 50}`], section: `s${i % 7}`, epochMs: (n - i) * 3_600_000 }));
  const r = findRelated(s, { limit: 3, window: 12 });
  assert.equal(r.length, n);
  // With a window of 12, a related bulletin is at most 12 positions away in one of its lists:
  // for the shared `t…` tag that is 12 × 50 positions overall.
  r.forEach((list, i) => list.forEach((j) => assert.ok(Math.abs(i - j) <= 12 * 50, `${i} → ${j}`)));
  assert.ok(r[1000]!.every((j) => s[j]!.tags[1] === s[1000]!.tags[1]), "two shared tags win");
});
