import { escapeMarkdown } from "./inline.ts";

/**
 * Superscripts and subscripts, however the source marks them (Word's «Superíndice» and «Subíndice», read by
 * docx.ts; a PDF's smaller runs raised or lowered from their line, read by pdf.ts), written the same way:
 * digits and signs as their Unicode characters (m², 10³, CO₂, which read the same in titles, feeds and
 * search, and are never glued to the text before them: 10³ is not 103), an ordinal's letters after a figure
 * in the Spanish style (1.er, 1.ª, 2.º), anything else as `<sup>`/`<sub>` in the text (the site publishes both).
 */

const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾" };
const SUBSCRIPT: Record<string, string> = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎" };
/** The letters of an abbreviated ordinal (1.er, 2.º, 3.as, 1.era), as Word superscripts them. */
const ORDINAL_RE = /^\.?(?:[oa]s?|er[oa]?s?|[nrdtvm][oa]s?|av[oa]s?)$/i;

/**
 * A superscript's or subscript's text as it is written in the bulletin, after `before` (the paragraph's text
 * so far, escaped); `note` when the editor should check it: a superscript number right after a figure
 * (3,500¹) is a power or a footnote's call, and which one only the writer knows.
 */
export function scriptText(tag: "sup" | "sub", text: string, before: string): { text: string; note?: string } {
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const core = text.trim();
  const table = tag === "sup" ? SUPERSCRIPT : SUBSCRIPT;
  const last = before.slice(-1);
  if ([...core].every((c) => table[c] !== undefined)) {
    const said = [...core].map((c) => table[c]).join("");
    const figure = /(?:^|[^\d.,])([\d][\d.,  ]*)$/.exec(before)?.[1];
    if (tag === "sup" && !lead && figure && /\d$/.test(figure) && figure !== "10" && /^\d/.test(core)) {
      // The figure and the words before it, from a word's start.
      const tail = before.replace(/\\(.)/g, "$1").slice(-30);
      const shown = `${tail.length < 30 ? tail.trimStart() : tail.replace(/^\S*\s+/, "")}${said}`;
      return {
        text: `${lead}${said}${trail}`,
        note: `«…${shown}»: un número en superíndice justo después de una cifra; se escribió volado (${said}), no pegado a la cifra. Si es la llamada a una nota, revisa que la nota esté en el texto; si es una potencia, está bien.`,
      };
    }
    return { text: `${lead}${said}${trail}` };
  }
  if (tag === "sup" && !lead && /\p{L}/u.test(last) && /^[oa]$/.test(core)) return { text: `${core === "o" ? "º" : "ª"}${trail}` };
  if (tag === "sup" && !lead && /[\d.]/.test(last) && /\d/.test(before.replace(/\.$/, "").slice(-1)) && ORDINAL_RE.test(core)) {
    // Spanish ordinal abbreviations: a period, then the letters (1.er, 1.ª, 2.º, 3.os).
    const letters = core.replace(/^\./, "");
    const said = letters === "o" ? "º" : letters === "a" ? "ª" : letters;
    return { text: `${last === "." ? "" : "."}${said}${trail}` };
  }
  return { text: `${lead}<${tag}>${escapeMarkdown(core)}</${tag}>${trail}` };
}

/** A superscript as an editor reads it in a message: its digits and signs as Unicode superscripts, anything else as printed (¹,³, ¹–³). */
export function superscriptShown(text: string): string {
  return [...text].map((c) => SUPERSCRIPT[c] ?? c).join("");
}
