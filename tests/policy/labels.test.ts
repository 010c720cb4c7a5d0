import assert from "node:assert/strict";
import { test } from "node:test";
import { acronymsIn, cleanLabel, LabelChooser, labelSlug, preferVariant, shoutedLabel } from "../../src/policy/labels.ts";

test("tag identity is the slug", () => {
  for (const v of ["Vacunación", "vacunacion", "VACUNACIÓN", " vacunación ", "Vacunacion"]) assert.equal(labelSlug(v), "vacunacion");
  assert.equal(labelSlug("Salud & Bienestar"), "salud-y-bienestar");
  assert.equal(labelSlug("asistencias medicas"), "asistencias-medicas");
  assert.notEqual(labelSlug("IMSS"), labelSlug("IMSS-Bienestar"));
});

test("labels are trimmed and inner whitespace collapsed", () => {
  assert.equal(cleanLabel("  Salud   mental \t"), "Salud mental");
  assert.equal(cleanLabel("chihuahua "), "chihuahua");
});

const choices: Array<[string[], string]> = [
  // More accents (Spanish spelling) first, even when fewer files use it.
  [["vacunacion", "vacunacion", "Vacunación"], "Vacunación"],
  [["planificacion familiar", "planificacion familiar", "planificacion familiar", "planificación familiar", "planificación familiar"], "planificación familiar"],
  [["VACUNACION", "vacunación"], "vacunación"],
  // Then mixed case or an acronym, over all lower case, over shouted capitals.
  [["VACUNACIÓN", "Vacunación"], "Vacunación"],
  [["imss", "IMSS"], "IMSS"],
  [["vih", "vih", "VIH"], "VIH"],
  [["salud mental", "Salud Mental", "SALUD MENTAL"], "Salud Mental"],
  [["CARDIOLOGÍA EN ZACATECAS", "CARDIOLOGÍA EN ZACATECAS", "cardiología en zacatecas"], "cardiología en zacatecas"],
  // A short word in capitals is shouting too, and any spelling not in capitals is shown before it, accents aside.
  [["SALUD", "SALUD", "salud"], "salud"],
  [["VACUNACIÓN", "VACUNACIÓN", "vacunacion"], "vacunacion"],
  [["LOCAL", "Local"], "Local"],
  // Acronyms are capitals on purpose, also when longer than five letters.
  [["issste", "ISSSTE"], "ISSSTE"],
  [["Infonavit", "INFONAVIT", "INFONAVIT"], "INFONAVIT"],
  // Then the most used.
  [["Salud Mental", "Salud mental", "Salud mental"], "Salud mental"],
  // Then code-point order, so the result never depends on input order.
  [["Salud Mental", "Salud mental"], "Salud Mental"],
  [["Salud mental", "Salud Mental"], "Salud Mental"],
];

for (const [variants, expected] of choices) {
  test(`label of ${JSON.stringify(variants)} is ${expected}`, () => {
    const chooser = new LabelChooser();
    for (const v of variants) chooser.add(labelSlug(v), v);
    assert.equal(chooser.labelOf(labelSlug(expected)), expected);
    const reversed = new LabelChooser();
    for (const v of [...variants].reverse()) reversed.add(labelSlug(v), v);
    assert.equal(reversed.labelOf(labelSlug(expected)), expected, "independent of order");
  });
}

test("preferVariant is a strict order", () => {
  assert.ok(preferVariant("Vacunación", "vacunacion") < 0);
  assert.ok(preferVariant("vacunacion", "Vacunación") > 0);
  assert.equal(preferVariant("x", "x"), 0);
});

test("a label written all in capitals is shouting unless every word is an acronym; its capitals put right keep the acronyms", () => {
  const shouted: Array<[string, string]> = [
    ["SALUD", "Salud"],
    ["VACUNACIÓN", "Vacunación"],
    ["SALUD MENTAL", "Salud Mental"],
    ["NUEVO LEÓN", "Nuevo León"],
    ["CIUDAD DE MÉXICO", "Ciudad de México"],
    ["DÍA MUNDIAL DE LA SALUD", "Día Mundial de la Salud"],
    ["IMSS CHIHUAHUA", "IMSS Chihuahua"],
    ["IMSS-BIENESTAR", "IMSS-Bienestar"],
    ["VIH Y SALUD SEXUAL", "VIH y Salud Sexual"],
    ["TB PULMONAR", "TB Pulmonar"],
    ["PREVENCIÓN DEL COVID-19", "Prevención del COVID-19"],
  ];
  for (const [label, capitalized] of shouted) assert.equal(shoutedLabel(label), capitalized, label);
  // Acronyms (listed, without vowels, ending in two consonants, a letter three times), short words, labels with small letters, numbers.
  for (const label of ["IMSS", "ISSSTE", "COVID-19", "VIH", "VIH Y SIDA", "UMF 21", "CDMX", "H1N1", "SNTSS", "UNAM", "DE", "Salud", "salud mental", "IMSS Chihuahua", "2024"]) {
    assert.equal(shoutedLabel(label), undefined, label);
  }
});

test("an acronym the corpus vouches for is not shouting: kept as written, and preferred as a mixed-case spelling would be", () => {
  const lexicon = new Set(["SAI", "UNEME"]);
  assert.equal(shoutedLabel("SAI"), "Sai");
  assert.equal(shoutedLabel("SAI", lexicon), undefined);
  assert.equal(shoutedLabel("UNEME EN COAHUILA"), "Uneme en Coahuila");
  assert.equal(shoutedLabel("UNEME EN COAHUILA", lexicon), "UNEME en Coahuila");
  assert.equal(shoutedLabel("UNEME IMSS", lexicon), undefined);
  // Other words still shout.
  assert.equal(shoutedLabel("SALUD", lexicon), "Salud");
  assert.ok(preferVariant("Uneme", "UNEME") < 0);
  assert.ok(preferVariant("UNEME", "Uneme", lexicon) < 0);
  const chooser = new LabelChooser(lexicon);
  chooser.add("uneme", "Uneme");
  chooser.add("uneme", "Uneme");
  chooser.add("uneme", "UNEME");
  // Equally well spelled: the most used wins, as between any two spellings.
  assert.equal(chooser.labelOf("uneme"), "Uneme");
  const plain = new LabelChooser();
  plain.add("sai", "SAI");
  plain.add("sai", "SAI");
  plain.add("sai", "sai");
  assert.equal(plain.labelOf("sai"), "sai");
  const vouched = new LabelChooser(lexicon);
  vouched.add("sai", "SAI");
  vouched.add("sai", "SAI");
  vouched.add("sai", "sai");
  assert.equal(vouched.labelOf("sai"), "SAI");
});

test("acronymsIn: words in capitals used as acronyms in running text or introduced in parentheses, not headings, rule acronyms or accented words", () => {
  const uses = (text: string) => acronymsIn([text]).map((u) => `${u.word}${u.introduced ? "()" : ""}`);
  assert.deepEqual(uses("la implementación del Sistema de Abasto Institucional (SAI), con el fin"), ["SAI()"]);
  assert.deepEqual(uses("acudió a la UNEME de Saltillo"), ["UNEME"]);
  assert.deepEqual(uses("las UNEME."), ["UNEME"]);
  // Rule acronyms (two final consonants, no vowel, listed) are not gathered: they need no evidence.
  assert.deepEqual(uses("el IMSS y la UMF con el ISSSTE y la UMAE"), []);
  // Headings and shouted runs: no word with small letters beside it, or another word in capitals.
  assert.deepEqual(uses("UNIDAD DE COMUNICACIÓN SOCIAL"), []);
  assert.deepEqual(uses("**GOBIERNO DE\nMÉXICO**"), []);
  assert.deepEqual(uses("LINK DE FOTOS: https://example.org/fotos"), []);
  assert.deepEqual(uses("el programa SALUD PARA TODOS inicia"), []);
  // Accented words are words; parts of longer words are not words.
  assert.deepEqual(uses("en MÉXICO hoy"), []);
  assert.deepEqual(uses("en CAMPAÑA hoy y en SAIx y xSAI"), []);
  // Once per word, in order of first use; introduced once is introduced.
  assert.deepEqual(uses("la UNEME y el SAI; después, el Sistema (SAI) y la UNEME"), ["UNEME", "SAI()"]);
  assert.deepEqual(acronymsIn(["Título sin siglas", "", "texto"]), []);
});
