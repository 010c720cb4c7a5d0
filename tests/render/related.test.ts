import assert from "node:assert/strict";
import { test } from "node:test";
import { findRelated, packRelated, packSubjects, RELATED_DEFAULTS, unpackRelated, unpackSubjects, type RelatedOptions, type RelatedSubject } from "../../src/render/related.ts";

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

/** The definition, written plainly (every candidate scored and sorted): the fast version must agree. */
function relatedByDefinition(subjects: readonly RelatedSubject[], { limit, window }: RelatedOptions): number[][] {
  const groupOf = (key: (s: RelatedSubject) => ReadonlyArray<string | number>) => {
    const groups = new Map<string | number, number[]>();
    subjects.forEach((s, i) => new Set(key(s)).forEach((k) => groups.set(k, [...(groups.get(k) ?? []), i])));
    return groups;
  };
  const byTag = groupOf((s) => s.tags);
  const bySection = groupOf((s) => [s.section]);
  const around = (members: number[], self: number) => {
    const pos = members.indexOf(self);
    return members.slice(Math.max(0, pos - window), pos + window + 1).filter((m) => m !== self);
  };
  return subjects.map((s, self) => {
    const order = (scores: Map<number, number>) =>
      [...scores].sort(([a, sa], [b, sb]) => sb - sa || Math.abs(subjects[a]!.epochMs - s.epochMs) - Math.abs(subjects[b]!.epochMs - s.epochMs) || (subjects[a]!.id < subjects[b]!.id ? -1 : 1)).map(([i]) => i);
    const tagScores = new Map<number, number>();
    for (const t of s.tags) for (const o of around(byTag.get(t)!, self)) tagScores.set(o, s.tags.filter((x) => subjects[o]!.tags.includes(x)).length);
    const chosen = order(tagScores).slice(0, limit);
    const rest = new Map(around(bySection.get(s.section)!, self).filter((o) => !chosen.includes(o)).map((o) => [o, 0] as [number, number]));
    return [...chosen, ...order(rest).slice(0, limit - chosen.length)];
  });
}

test("the windowed top-k selection gives exactly what scoring and sorting every candidate gives", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const n of [1, 2, 40, 800]) {
    const subjects: RelatedSubject[] = Array.from({ length: n }, (_, i) => ({
      id: `b${Math.floor(random() * 1e6)}-${i}`,
      tags: Array.from({ length: Math.floor(random() * 5) }, () => `t${Math.floor(random() * (n / 10 + 3))}`),
      section: `s${Math.floor(random() * 6)}`,
      // Few distinct days: many ties on distance, broken by id.
      epochMs: Math.floor(random() * 30) * 86_400_000,
    }));
    subjects.sort((a, b) => b.epochMs - a.epochMs || (a.id < b.id ? -1 : 1));
    for (const options of [RELATED_DEFAULTS, { limit: 5, window: 2 }, { limit: 1, window: 30 }]) {
      assert.deepEqual(findRelated(subjects, options), relatedByDefinition(subjects, options), `n=${n} ${JSON.stringify(options)}`);
    }
  }
});

test("subjects and results packed for another thread give the same related bulletins", () => {
  for (const n of [0, 1, 300]) {
    const s: RelatedSubject[] = Array.from({ length: n }, (_, i) => ({
      id: `2024/boletín-${(i * 7919) % 1000}`,
      tags: i % 5 === 0 ? [] : [`salud`, `t${i % 13}`, `t${i % 13}`],
      section: `s${i % 4}`,
      epochMs: Math.floor((n - i) / 3) * 86_400_000,
    }));
    const packed = packSubjects(s);
    // What a thread receives: the packed arrays cloned as postMessage would.
    const received = unpackSubjects(structuredClone(packed));
    assert.equal(received.length, n);
    const there = findRelated(received);
    assert.deepEqual(unpackRelated(structuredClone(packRelated(there))), findRelated(s), `n=${n}`);
    if (n > 1) assert.ok(there.some((r) => r.length > 0), "some related found");
  }
});
