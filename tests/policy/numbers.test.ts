import assert from "node:assert/strict";
import { test } from "node:test";
import { countOf, formatCount } from "../../src/policy/numbers.ts";

test("counts are grouped as Mexican Spanish writes them: a comma between thousands, from 1,000", () => {
  const cases: Array<[number, string]> = [
    [0, "0"],
    [1, "1"],
    [999, "999"],
    [1000, "1,000"],
    [1234, "1,234"],
    [9866, "9,866"],
    [10000, "10,000"],
    [1234567, "1,234,567"],
  ];
  for (const [count, text] of cases) assert.equal(formatCount(count), text, String(count));
  // The same as the browser's formatter, which public/js/search.js uses for its count of results.
  for (const [count] of cases) assert.equal(formatCount(count), new Intl.NumberFormat("es-MX").format(count));
});

test("a count says its noun in the right number: 1 boletín, 0 and 2 boletines, grouped above a thousand", () => {
  assert.equal(countOf(1, "boletín", "boletines"), "1 boletín");
  assert.equal(countOf(0, "boletín", "boletines"), "0 boletines");
  assert.equal(countOf(2, "índice", "índices"), "2 índices");
  assert.equal(countOf(9866, "boletín", "boletines"), "9,866 boletines");
});
