import assert from "node:assert/strict";
import { test } from "node:test";
import { findUnpublishable, hasUnpublishable, publishable } from "../../src/policy/characters.ts";

test("characters no page or feed can carry are found, each kind named once, in order", () => {
  const text = "a\vb\u0001c\u000bd\u0085e\uFFFEf\uFDD0g\uD800h\uDC00i";
  const found = findUnpublishable(text);
  assert.deepEqual(found, {
    first: 1,
    count: 8,
    described: ["U+000B (salto de línea manual de Word)", "U+0001", "U+0085 (salto de línea de otra codificación)", "U+FFFE", "U+FDD0", "U+D800", "U+DC00"],
  });
  assert.equal(publishable(text), "a b c d e f g h i", "each one a space: lines and columns stay");
});

test("what pages may carry is left alone: tabs and line breaks, emoji (a surrogate pair), every other letter", () => {
  for (const ok of ["", "a\tb\nc\rd", "🙂 Ωμέγα «comillas» “curvas” … \u00A0\u200B\uFEFF", "\uD83D\uDE42"]) {
    assert.equal(findUnpublishable(ok), undefined, JSON.stringify(ok));
    assert.equal(publishable(ok), ok);
  }
  assert.equal(hasUnpublishable(["a", 1, "b\u0007"]), true);
  assert.equal(hasUnpublishable(["a", 1, null]), false);
  assert.equal(hasUnpublishable({ a: "\u0007" }), false, "only texts and lists of texts are looked at");
});
