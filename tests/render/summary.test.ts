import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { markdownToText, renderMarkdown } from "../../src/render/markdown.ts";
import { bulletinSummary, LEAD_CHARS, SUMMARY_LENGTH } from "../../src/render/summary.ts";

const TITLE = "IMSS inaugura clínica de medicina familiar en Mérida";
const NEXT = "El Instituto Mexicano del Seguro Social (IMSS) inauguró hoy la Unidad de Medicina Familiar número 68, que atenderá a 40 mil derechohabientes de la zona norte de la ciudad.";
const MORE = "La unidad cuenta con 10 consultorios, laboratorio, rayos X y farmacia, y abrirá de lunes a viernes de 8 a 20 horas, informó la directora de la unidad.";

/** The summary from the whole text and from the lead the build cache keeps: always the same. */
function summaryOf(title: string, body: string, description?: string): string {
  const b = { title, body, ...(description !== undefined ? { description } : {}) };
  const whole = markdownToText(body);
  const fromWhole = bulletinSummary(b, whole);
  let bodyReads = 0;
  const cached = {
    title,
    ...(description !== undefined ? { description } : {}),
    get body() {
      bodyReads++;
      return body;
    },
  };
  assert.equal(bulletinSummary(cached, whole.slice(0, LEAD_CHARS)), fromWhole, "the cache's lead gives the summary the whole text gives");
  if (!fold(whole).startsWith(fold(title).slice(0, 1))) assert.equal(bodyReads, 0, "the body is read only when the text starts like the title");
  return fromWhole;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

test("a first paragraph or heading that repeats the title is left out of the summary: bold, heading, other case, no accents, trailing period", () => {
  const bodies = [
    `**${TITLE}.**\n\n${NEXT}\n\n${MORE}`,
    `**${TITLE}**.\n\n${NEXT}\n\n${MORE}`,
    `# ${TITLE}\n${NEXT}\n\n${MORE}`,
    `## ${TITLE.toUpperCase().normalize("NFD").replace(/\p{M}/gu, "")}\n\n${NEXT}\n\n${MORE}`,
    `${TITLE.toLowerCase()}:\n\n${NEXT}\n\n${MORE}`,
    `${TITLE}\n=======\n\n${NEXT}\n\n${MORE}`,
    `<h2>${TITLE}</h2>\n\n${NEXT}\n\n${MORE}`,
    `_${TITLE.replace("clínica", "clínica\n ")}_\n\n${NEXT}\n\n${MORE}`,
    `\n\n[mapa]: https://example.org/mapa\n\n**${TITLE}**\n\n${NEXT}\n\n${MORE}`,
  ];
  for (const body of bodies) {
    const summary = summaryOf(TITLE, body);
    assert.ok(summary.startsWith("El Instituto Mexicano del Seguro Social (IMSS) inauguró hoy"), `${JSON.stringify(body.slice(0, 80))} → ${summary}`);
    assert.ok(summary.endsWith("…") && summary.length <= SUMMARY_LENGTH + 1, summary);
    // The body itself is never altered: the page still prints its first paragraph.
    assert.ok(fold(markdownToText(body)).startsWith(fold(TITLE)));
    assert.match(renderMarkdown(body), /inaugura clínica|INAUGURA CLINICA/);
  }
  // Short: what follows is the whole summary, uncut.
  assert.equal(summaryOf(TITLE, `**${TITLE}**\n\nTexto breve.`), "Texto breve.");
});

test("the title is not left out when it is not a paragraph of its own, or is not the title", () => {
  const cases: Array<[string, string]> = [
    // The first sentence starts with the title's words and goes on.
    [`${TITLE} y anuncia otra en Progreso. ${NEXT}`, `${TITLE} y anuncia otra en Progreso.`],
    // The title and the text in one paragraph (a soft line break).
    [`**${TITLE}**\n${NEXT}`, TITLE],
    // Only part of the title.
    [`**IMSS inaugura clínica**\n\n${NEXT}`, "IMSS inaugura clínica"],
    // The title further down.
    [`${NEXT}\n\n**${TITLE}**`, NEXT.slice(0, 40)],
    // A list that starts with the title's words.
    [`- ${TITLE}\n- ${NEXT}`, TITLE],
  ];
  for (const [body, start] of cases) assert.ok(summaryOf(TITLE, body).startsWith(start), `${JSON.stringify(body.slice(0, 60))} → ${summaryOf(TITLE, body)}`);
  // A body that is only its title keeps it as its summary (never an empty one).
  assert.equal(summaryOf(TITLE, `**${TITLE}**`), TITLE);
  // The description always wins, and no body is read for it.
  assert.equal(summaryOf(TITLE, `**${TITLE}**\n\n${NEXT}`, "Una frase que resume."), "Una frase que resume.");
});

test("the summary from the build cache's lead equals the one from the whole text, whatever the title's length and the body", () => {
  const word = fc.constantFrom("IMSS", "inaugura", "clínica", "Mérida", "SALUD", "vacunación", "a", "de", "la", "2024", "¡Vacúnate!", "niños");
  const title = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(" "));
  const wrap = fc.constantFrom((t: string) => `**${t}**`, (t: string) => `## ${t}`, (t: string) => `${t}.`, (t: string) => t.toUpperCase(), (t: string) => `${t} y algo más`);
  const paragraph = fc.array(word, { minLength: 1, maxLength: 80 }).map((w) => w.join(" "));
  fc.assert(
    fc.property(title, wrap, fc.array(paragraph, { maxLength: 4 }), (t, w, rest) => {
      const summary = summaryOf(t, [w(t), ...rest].join("\n\n"));
      assert.ok(summary.length <= SUMMARY_LENGTH + 1);
    }),
    { numRuns: 400, seed: 4242 },
  );
});
