import assert from "node:assert/strict";
import { test } from "node:test";
import { searchShardOf, searchShardPlan, searchShards } from "../../src/render/site-data.ts";
import type { PostView } from "../../src/render/views.ts";

/** Which search index each published bulletin is in (src/render/site-data.ts): its year, or a part of whole months of a large year. */
type Dated = Pick<PostView, "url" | "searchYear" | "bulletin">;

function post(year: number, month: number, n: number): Dated {
  return { url: `/boletines/${year}/${String(month).padStart(2, "0")}/b-${n}/`, searchYear: String(year), bulletin: { date: { year, month } } } as unknown as Dated;
}

/** `count` bulletins of `year`, spread over its months in turn. */
function year(y: number, count: number): Dated[] {
  return Array.from({ length: count }, (_, i) => post(y, (i % 12) + 1, i));
}

test("a year at or under the limit is one index; a larger one the fewest parts of whole months that hold it", () => {
  const posts = [...year(2021, 4), ...year(2022, 5), ...year(2023, 9), ...year(2024, 11), ...year(2025, 40)];
  const plan = searchShardPlan(posts, 4);
  assert.deepEqual(Object.fromEntries(plan), { "2021": 1, "2022": 2, "2023": 3, "2024": 3, "2025": 12 });
  assert.deepEqual(
    searchShards(posts, plan).map((s) => s.name),
    [
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(12 - i).padStart(2, "0")}`),
      "2024-09", "2024-05", "2024-01",
      "2023-09", "2023-05", "2023-01",
      "2022-01", // Its five bulletins are all from January to May: no July index.
      "2021",
    ],
  );
  assert.ok(searchShards(posts, plan).every((s) => s.name.startsWith(s.year)));
  // Parts are whole months: a bulletin's part depends only on its month.
  assert.equal(searchShardOf(post(2023, 4, 99), plan), "2023-01");
  assert.equal(searchShardOf(post(2023, 5, 99), plan), "2023-05");
  assert.equal(searchShardOf(post(2022, 6, 99), plan), "2022-01");
  assert.equal(searchShardOf(post(2022, 7, 99), plan), "2022-07");
  assert.equal(searchShardOf(post(2021, 12, 99), plan), "2021");
});

test("a new bulletin never moves another to another index, unless its year needs more parts", () => {
  const posts = year(2024, 7);
  const before = searchShardPlan(posts, 4);
  const added = [...posts, post(2024, 3, 100)];
  const after = searchShardPlan(added, 4);
  for (const p of posts) assert.equal(searchShardOf(p, after), searchShardOf(p, before), p.url);
  // Past 2 × 4, thirds.
  assert.equal(searchShardPlan([...added, post(2024, 1, 101)], 4).get("2024"), 3);
});

test("a published bulletin without a date has no index: an error names it", () => {
  const undated = { url: "/boletines/sin-fecha/", bulletin: {} } as unknown as Dated;
  assert.throws(() => searchShardPlan([undated], 10), /\/boletines\/sin-fecha\/ está publicado sin fecha/);
});
