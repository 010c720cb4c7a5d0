import assert from "node:assert/strict";
import { test } from "node:test";
import { isAbsent } from "../../src/policy/empty.ts";

test("values that mean absent", () => {
  for (const v of [null, undefined, "", "   ", "nil", "NIL", " nil ", "~", "null", "Null", "undefined", "Invalid Date", "NaN", Number.NaN, "none"]) {
    assert.equal(isAbsent(v), true, JSON.stringify(v));
  }
});

test("values that are present", () => {
  for (const v of ["0", 0, false, true, "nila", "nil.", "Nilo", "x", [], {}]) assert.equal(isAbsent(v), false, JSON.stringify(v));
});
