import { extractTextItems, getDocumentProxy, type StructuredTextItem } from "unpdf";
import { joinWrapped } from "./inline.ts";
import { isBareNumber, isLetterheadOffice, isPageFurniture } from "./page-furniture.ts";
import { scriptText, superscriptShown } from "./scripts.ts";

/**
 * PDF to release text. A PDF has no paragraphs, only positioned runs of text, so they are rebuilt:
 * runs on one baseline make a line; a vertical gap clearly larger than the usual line spacing, or a
 * change of font size, starts a new paragraph (blank line). Pages are separated by a form feed, which
 * `text.ts` treats as a page break (so a paragraph cut by it is joined again). Lines inside a
 * paragraph stay separate here; `text.ts` joins hard-wrapped lines. A line that starts to the right of
 * the left margin is indented with spaces (see `indentFor`): only the nesting of list items reads them.
 *
 * A smaller run raised from its line is a superscript, one lowered a subscript (see `toLines`): written as
 * the .docx path writes Word's (scripts.ts: m², 10³, CO₂, 1.er, <sup>TM</sup>), never glued to the text
 * (10³ is not «103») nor left on a line of its own. Footnotes (see `findFootnotes`): a superscript number
 * after a word (the call) and, at the foot of the page, a note that starts with that number become a
 * markdown footnote, `[^1]` in the text and `[^1]: …` after the page's text (text.ts takes it to the end of
 * the body); several calls after one word (`salud¹,²`, `salud¹ ²`, `salud¹⁻³`) become one call each, `[^1][^2]`
 * (see `CallGroup`); digits raised at the text's own size are a call only after a word, with its note at the foot
 * of that page (see `liftRaisedDigits`), and otherwise stay as printed; when a call is not certain, the note is
 * kept, uncalled, and the editor is told.
 */
export interface PdfText {
  text: string;
  /** What the editor should check (Spanish): a superscript after a figure, a footnote without a certain call. */
  messages: string[];
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  // verbosity 0: pdf.js's own warnings (in English, «Warning: Indexing all PDF objects») stay off the editor's terminal.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { items } = await extractTextItems(pdf);
    return itemsToText(items);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The text of a PDF from pdf.js's text items, one array per page (the geometry alone: testable without a PDF). */
export function itemsToText(pages: StructuredTextItem[][]): PdfText {
  const messages: string[] = [];
  const lines = pages.map((page, p) => toLines(page.filter((item) => item.dir !== "ttb"), p + 1));
  const notes = findFootnotes(lines);
  pairFootnotes(notes, lines, messages);
  const rendered = lines.map((page) => page.map((line) => ({ y: line.y, x: line.x, fontSize: line.fontSize, text: renderLine(line, messages) })));
  const indent = indentation(rendered.flat());
  const text = rendered
    .map((page, p) => {
      const definitions = notes.filter((note) => note.page === p + 1 && note.label).map((note) => `[^${note.label}]: ${noteText(note, messages)}`);
      return [pageText(page, indent), ...definitions].filter((part) => part !== "").join("\n\n");
    })
    .join("\n\f\n");
  return { text, messages };
}

/**
 * A superscript or subscript of a line; `label` once it is known to be a footnote's call, `group` once it starts
 * the calls of several notes (and some of them are known).
 */
interface Script {
  tag: "sup" | "sub";
  script: string;
  label?: string;
  group?: CallGroup;
  /** Digits raised at the text's own size (`RAISED_SAME`): a call only once paired with its note, else text as printed. */
  raised?: boolean;
}
type Piece = { text: string } | Script;

const isScript = (piece: Piece | undefined): piece is Script => piece !== undefined && "tag" in piece;

interface PdfLine {
  page: number;
  /** The baseline of its text (its superscripts and subscripts aside). */
  y: number;
  x: number;
  /** The largest font size of its text, superscripts and subscripts aside. */
  fontSize: number;
  pieces: Piece[];
}

interface TextLine {
  y: number;
  x: number;
  fontSize: number;
  text: string;
}

/** A gap this many times the page's usual line spacing separates paragraphs. */
const PARAGRAPH_GAP_FACTOR = 1.35;

function pageText(lines: TextLine[], indent: (line: TextLine) => string): string {
  if (lines.length === 0) return "";
  const usual = usualLineSpacing(lines);
  const out: string[] = [indent(lines[0]!) + lines[0]!.text];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const gap = previous.y - line.y;
    const sizeChanged = Math.abs(previous.fontSize - line.fontSize) > 0.5;
    // Indentation does not tell a wrapped item from the next paragraph (a bullet typed with a tab wraps
    // to the margin), so only spacing and font size do.
    if (gap > usual * PARAGRAPH_GAP_FACTOR || sizeChanged) out.push("");
    out.push(indent(line) + line.text);
  }
  return out.join("\n");
}

/** How much of the body's font size counts as one column of indentation (about a character's width). */
const COLUMN_WIDTH_EM = 0.5;

/**
 * A line's distance from the document's left margin, as spaces: Word indents each list level a quarter or
 * half an inch more (18 or 36 points: 3 or 6 columns at 11 points), which `text.ts` reads as the item's
 * nesting, whatever its glyph. The margin is where most lines start (body text is left-aligned or
 * justified, so its lines share their x; headings, centred lines and list items are fewer), the same on
 * every page, so a list that a page break cuts keeps its levels; left of it counts as none. A column is
 * half the body's usual font size, the same for every line (a bold or larger item is not indented more).
 */
function indentation(lines: TextLine[]): (line: TextLine) => string {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  let margin = 0;
  let most = 0;
  for (const [x, count] of counts) {
    if (count > most || (count === most && x < margin)) {
      margin = x;
      most = count;
    }
  }
  const sizes = lines.map((l) => l.fontSize).sort((a, b) => a - b);
  const column = (sizes[Math.floor(sizes.length / 2)] ?? 12) * COLUMN_WIDTH_EM;
  return (line) => {
    const columns = Math.round((line.x - margin) / column);
    return columns > 0 ? " ".repeat(columns) : "";
  };
}

/**
 * The spacing of lines inside a paragraph: the lower quartile of the gaps (most gaps are in-paragraph
 * ones, but a page of one-line paragraphs has none), capped by what single spacing gives the body font.
 */
function usualLineSpacing(lines: Array<{ y: number; fontSize: number }>): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const fontSizes = lines.map((l) => l.fontSize).sort((a, b) => a - b);
  const singleSpacing = (fontSizes[Math.floor(fontSizes.length / 2)] ?? 12) * 1.4;
  const quartile = gaps[Math.floor(gaps.length / 4)];
  return quartile === undefined ? singleSpacing : Math.min(quartile, singleSpacing);
}

/** A run of text as pdf.js gives it; `script` once it is known to be a superscript or subscript of its line. */
interface Run {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
  script?: "sup" | "sub";
  /** Digits raised at the size of the text beside them (`RAISED_SAME`). */
  raised?: boolean;
}

/**
 * A superscript or subscript is at most this part of the size of the text beside it (Word prints them at
 * about two thirds, LibreOffice at 58 %), and beside it: at most this many of that text's font size away.
 */
const SCRIPT_SIZE = 0.85;
const SCRIPT_REACH = 1;
/**
 * Its baseline, from that text's, in that text's font size: raised at least `RAISED` (Word and LibreOffice
 * raise a superscript a third of the size) and at most `HIGHEST`; lowered at least `LOWERED` (a tenth in
 * LibreOffice) and at most `LOWEST`. Closer to the baseline, a smaller run is only smaller text of the line.
 */
const RAISED = 0.12;
const HIGHEST = 0.7;
/**
 * Digits at the size of the text beside them, glued to it and raised at least this part of its size (Word's
 * «Posición: Elevado 3 pto», a LibreOffice note's anchor at «25% 100%»): maybe a note's call or number, which
 * `pairFootnotes` takes only with its note at the foot of that page, and otherwise leaves as text.
 */
const RAISED_SAME = 0.2;
/** What may be a raised call or note number: one to three digits. */
const RAISED_DIGITS_RE = /^\s*\d{1,3}\s*$/;
const LOWERED = 0.05;
const LOWEST = 0.45;

/**
 * Runs to lines, top to bottom. The largest runs are placed first, so every line has its text before its
 * smaller runs are read: a run on a line's baseline (within a third of the font size) is part of it; a
 * smaller run raised or lowered beside a line's text is its superscript or subscript (LibreOffice and Word
 * give it its own baseline, which read alone made it a line of its own: «2 3» over «m que prepara 10»).
 */
function toLines(items: StructuredTextItem[], page: number): PdfLine[] {
  const runs: Run[] = items
    .filter((item) => item.str.trim() !== "")
    .map((item) => ({ text: item.str, x: item.x, end: item.x + item.width, y: item.y, size: item.fontSize }))
    .sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const groups: Array<{ y: number; size: number; runs: Run[] }> = [];
  for (const run of runs) {
    let best: { group: (typeof groups)[number]; script?: "sup" | "sub"; distance: number } | undefined;
    for (const group of groups) {
      const placed = placeRun(group, run);
      if (placed && (!best || placed.distance < best.distance)) best = { group, ...placed };
    }
    if (!best) groups.push({ y: run.y, size: run.size, runs: [run] });
    else best.group.runs.push(best.script ? { ...run, script: best.script } : run);
  }
  liftRaisedDigits(groups);
  return groups
    .map((group) => composeLine(group.runs, page))
    .filter((line) => line.pieces.length > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
}

type Group = { y: number; size: number; runs: Run[] };

/**
 * Digits raised at the size of the text they are glued to (`RAISED_SAME`) are marked as superscripts of its line:
 * those on the line's runs, and those a third of their size or more above it, which were read as a line of their
 * own («2 2» over «y otro con 10 y.») and go back to their line. Anything else stays as it is.
 */
function liftRaisedDigits(groups: Group[]): void {
  // The text a run of digits is raised from: glued before it (a call) or, at the line's start, after it (a note's number).
  const base = (run: Run, runs: Run[]) =>
    runs.find((r) => {
      if (r === run || r.script || r.raised || Math.abs(r.size - run.size) > 0.5) return false;
      const rise = (run.y - r.y) / r.size;
      if (rise < RAISED_SAME || rise > HIGHEST) return false;
      const glue = r.size * 0.15;
      const after = run.x - r.end;
      const before = r.x - run.end;
      return (after >= -glue && after <= glue) || (before >= -glue && before <= glue && !runs.some((o) => o !== run && !o.script && o.x < run.x));
    });
  for (const group of [...groups]) {
    const digits = group.runs.filter((run) => !run.script && Math.abs(run.size - group.size) <= 0.5);
    if (digits.length === 0 || !digits.every((run) => RAISED_DIGITS_RE.test(run.text))) continue;
    const line = groups.find((other) => other !== group && digits.every((run) => base(run, other.runs)));
    if (!line) continue;
    groups.splice(groups.indexOf(group), 1);
    for (const run of digits) line.runs.push({ ...run, script: "sup", raised: true });
    // Its smaller runs (superscripts of its line read beside the digits) go with it, placed again on their line.
    for (const run of group.runs.filter((r) => !digits.includes(r))) {
      const placed = placeRun(line, { ...run, script: undefined });
      line.runs.push({ ...run, script: placed?.script ?? run.script });
    }
  }
  for (const group of groups) {
    const runs = group.runs;
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k]!;
      if (!run.script && RAISED_DIGITS_RE.test(run.text) && base(run, runs)) runs[k] = { ...run, script: "sup", raised: true };
    }
  }
}

/** Whether `run` goes on the line `group` (as its text, or as a superscript or subscript), and how far from its baseline. */
function placeRun(group: { y: number; size: number; runs: Run[] }, run: Run): { script?: "sup" | "sub"; distance: number } | undefined {
  const dy = run.y - group.y;
  if (Math.abs(dy) > Math.max(group.size, run.size)) return undefined;
  // The line's text nearest to the run, beside it: a superscript touches its base (or is a space away).
  let host: Run | undefined;
  let gap = Infinity;
  for (const r of group.runs) {
    if (r.script) continue;
    const g = Math.max(r.x - run.end, run.x - r.end, 0);
    if (g < gap) {
      gap = g;
      host = r;
    }
  }
  if (host && run.size <= host.size * SCRIPT_SIZE && gap <= host.size * SCRIPT_REACH) {
    const rise = (run.y - host.y) / host.size;
    if (rise >= RAISED && rise <= HIGHEST) return { script: "sup", distance: Math.abs(dy) };
    if (rise <= -LOWERED && rise >= -LOWEST) return { script: "sub", distance: Math.abs(dy) };
  }
  if (Math.abs(dy) <= Math.max(group.size, run.size) / 3) return { distance: Math.abs(dy) };
  return undefined;
}

/** A line's runs, left to right, as text and scripts; a space where the runs are apart. */
function composeLine(runs: Run[], page: number): PdfLine {
  runs.sort((a, b) => a.x - b.x);
  const pieces: Piece[] = [];
  const addText = (text: string) => {
    const last = pieces[pieces.length - 1];
    if (last && !isScript(last)) last.text += text;
    else pieces.push({ text });
  };
  let end = -Infinity;
  for (const run of runs) {
    const spaced = pieces.length > 0 && run.x - end > run.size * 0.15;
    if (run.script) {
      const last = pieces[pieces.length - 1];
      const script = run.text.trim();
      if (spaced || /^\s/.test(run.text)) addText(" ");
      if (isScript(last) && last.tag === run.script && !last.raised === !run.raised && !spaced && !/^\s/.test(run.text)) last.script += script;
      else pieces.push(run.raised ? { tag: run.script, script, raised: true } : { tag: run.script, script });
      if (/\s$/.test(run.text)) addText(" ");
    } else addText((spaced ? " " : "") + run.text);
    end = run.end;
  }
  // Spaces as the text shows them: one between words, none at the ends.
  const cleaned: Piece[] = [];
  for (const piece of pieces) {
    if (isScript(piece)) cleaned.push(piece);
    else {
      const text = piece.text.replace(/\s+/g, " ");
      if (text) cleaned.push({ text });
    }
  }
  const first = cleaned[0];
  if (first && !isScript(first)) first.text = first.text.trimStart();
  const last = cleaned[cleaned.length - 1];
  if (last && !isScript(last)) last.text = last.text.trimEnd();
  const main = runs.filter((run) => !run.script);
  return {
    page,
    y: main[0]?.y ?? runs[0]!.y,
    x: Math.min(...runs.map((run) => run.x)),
    fontSize: Math.max(...main.map((run) => run.size)),
    pieces: cleaned.filter((piece) => isScript(piece) || piece.text !== ""),
  };
}

/** The line's text with its scripts as printed (`1 Monto…`, `m2`): what furniture and excerpts are read from. */
function rawText(line: PdfLine, from = 0): string {
  return line.pieces
    .slice(from)
    .map((piece) => (isScript(piece) ? piece.script : piece.text))
    .join("")
    .trim();
}

/** The line as the bulletin's text: scripts as scripts.ts writes them, a footnote's call as `[^label]`, a group's as `groupText`. */
function renderLine(line: PdfLine, messages: string[], from = 0): string {
  let out = "";
  const pieces = line.pieces;
  for (let i = from; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!isScript(piece)) out += piece.text;
    else if (piece.group) {
      out += groupText(piece.group, out);
      i += piece.group.span - 1;
    } else if (piece.label) out += `[^${piece.label}]`;
    // Raised at the text's size and not a note's call: the digits as printed, as before they were read as raised.
    else if (piece.raised) out += piece.script;
    else {
      const said = scriptText(piece.tag, piece.script, out);
      out += said.text;
      if (said.note) messages.push(said.note);
    }
  }
  return out.trim();
}

/**
 * A group of calls as the bulletin's text, after `before`: each number linked to its note as its own call
 * (`[^1][^2]`, the signs between them left out); the numbers not linked as printed, in a superscript with the signs
 * between them and the calls beside them (`[^1]<sup>,3</sup>`: not `[^1]³`, which reads as 13).
 */
function groupText(group: CallGroup, before: string): string {
  let out = "";
  let printed = "";
  const flush = (after: string) => {
    if (printed !== "") out += scriptText("sup", printed + after, before + out).text;
    printed = "";
  };
  group.units.forEach((unit, k) => {
    if (unit.calls.every((call) => call.label !== undefined)) {
      flush(k > 0 ? unit.before : "");
      out += unit.calls.map((call) => `[^${call.label}]`).join("");
    } else printed += (k > 0 ? unit.before : "") + unit.text;
  });
  flush("");
  return out;
}

/** A footnote at the foot of a page: its number as printed, its lines, and its label once it is written. */
interface Footnote {
  page: number;
  number: number;
  /** Whether the number is printed as a superscript (Word) or as text before the note (LibreOffice's default). */
  superscript: boolean;
  lines: PdfLine[];
  label?: string;
}

/** A superscript number after a word or figure: maybe a footnote's call. */
interface Call {
  page: number;
  /** Its superscript (a group's first one). */
  piece: Script;
  value: number;
  /** What it follows: a word (or a closing sign), a figure (a power?), a unit (m², km³: a power). */
  after: "word" | "figure" | "unit";
  /** The text before it and the call, for the editor (`…5 mil pacientes¹`). */
  shown: string;
  /** The group of calls it is one of (`salud¹,²`); its label is then its own, not its superscript's. */
  group?: CallGroup;
  label?: string;
  /** Digits raised at the text's size (`RAISED_SAME`): a call only with its note at the foot of its own page. */
  raised?: boolean;
}

/**
 * The calls of several notes after one word, as Word and LibreOffice print them when a sentence cites two or
 * more: a list (`salud¹,²`, `salud¹ ²`, `salud¹;³`), a range (`salud¹⁻³`: notes 1, 2 and 3), or two calls printed
 * together without a sign between them (`salud⁵⁶`, read so only when the page has notes 5 and 6 and no 56).
 * Each number becomes its own call, `[^1][^2]`: the site prints each as a superscript link, apart from the next
 * one, so the signs between them are left out (a comma printed between two links would stand on the line).
 */
interface CallGroup {
  page: number;
  /** How many pieces of its line it takes, from its first superscript (the spaces or commas between its superscripts too). */
  span: number;
  units: CallUnit[];
  /** The text before it and the group as printed, for the editor (`…la obesidad¹⁻³`). */
  shown: string;
}

/**
 * A number of a group, or a range or numbers printed together, which are calls all together or not at all (a range
 * is not linked in part). A number or range that is not linked stays as it is printed, with the signs around it.
 */
interface CallUnit {
  kind: "number" | "range" | "glued";
  /** The sign before it as printed (`,`, ` `, `, `; nothing for the first one). */
  before: string;
  text: string;
  calls: Call[];
}

/** A range of calls spans at most this many notes (¹⁻³ does; a wider one is read as text). */
const RANGE_NOTES = 20;

/** Units a superscript 2 or 3 squares or cubes (m², km³): a power, never a call. */
const UNIT_RE = /^(?:[kcdm]?m|mts?|pies?|ft|in)$/;

/** The footnote calls of the pages' lines (superscript numbers glued to a word or figure; several after a word: `CallGroup`). */
function findCalls(lines: PdfLine[][]): Call[] {
  const calls: Call[] = [];
  for (const page of lines) {
    for (const line of page) {
      const pieces = line.pieces;
      let before = "";
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        if (!isScript(piece)) {
          before += piece.text;
          continue;
        }
        const glued = piece.tag === "sup" && before !== "" && !/\s$/.test(before);
        const last = before.slice(-1);
        const word = /\p{L}+$/u.exec(before)?.[0];
        const tail = before.slice(-30);
        const lead = `…${tail.length < 30 ? tail.trimStart() : tail.replace(/^\S*\s+/, "")}`;
        // Several numbers after a word (never after a figure, 10²,³, nor a unit, m²,³).
        const citation = glued && !piece.raised && /[\p{L}.,;:)\]”»"'’%!?…]/u.test(last) && !(word !== undefined && UNIT_RE.test(word)) ? citationAt(pieces, i) : undefined;
        if (citation) {
          const shown = `${lead}${superscriptShown(citation.text)}`;
          const group: CallGroup = { page: line.page, span: citation.span, units: [], shown };
          for (const unit of citation.units) {
            const unitCalls = unit.numbers.map((value): Call => ({ page: line.page, piece, value, after: "word", shown, group }));
            group.units.push({ kind: unit.kind, before: unit.before, text: unit.text, calls: unitCalls });
            calls.push(...unitCalls);
          }
          before += superscriptShown(citation.text);
          i += citation.span - 1;
          continue;
        }
        if (glued && /^\d{1,6}$/.test(piece.script)) {
          const value = Number(piece.script);
          const after = /\d/.test(last) ? "figure" : word !== undefined && (value === 2 || value === 3) && UNIT_RE.test(word) ? "unit" : /[\p{L}.,;:)\]”»"'’%!?…]/u.test(last) ? "word" : undefined;
          const said = scriptText("sup", piece.script, before).text;
          // More than three digits: no note's number, but maybe calls printed together after a word (¹¹¹²: 11 and 12).
          if (piece.raised) {
            // Raised at the text's size: a call only after a word (10 raised 2 may be a power: only said), shown as the text has it until paired.
            if (after === "word" || after === "figure") calls.push({ page: line.page, piece, value, after, shown: `${lead}${piece.script}`, raised: true });
          } else if (after && (piece.script.length <= 3 || after === "word")) calls.push({ page: line.page, piece, value, after, shown: `${lead}${said}` });
        }
        // As the text will show it (m², ¹), for the next call's excerpt.
        before += piece.raised ? piece.script : scriptText(piece.tag, piece.script, before).text;
      }
    }
  }
  return calls;
}

/**
 * The group of calls a line's superscript at `i` starts, if it is one: its numbers, in one superscript (`1,2`,
 * `1-3`) or in several with spaces or a comma between them (`1` ` ` `2`), the longest that reads as a group.
 * It ends before a space, a sign or the line's end: a superscript glued to the letters after it is no call (¹⁸F).
 */
function citationAt(pieces: Piece[], i: number): { span: number; text: string; units: Array<Omit<CallUnit, "calls"> & { numbers: number[] }> } | undefined {
  const extents = [{ span: 1, text: (pieces[i] as Script).script }];
  for (;;) {
    const { span, text } = extents[extents.length - 1]!;
    const between = pieces[i + span];
    const next = pieces[i + span + 1];
    if (!between || isScript(between) || !/^\s*[,;]?\s*$/.test(between.text) || !isScript(next) || next.tag !== "sup" || next.raised) break;
    extents.push({ span: span + 2, text: text + between.text + next.script });
  }
  for (const { span, text } of extents.reverse()) {
    const after = pieces[i + span];
    if (after && (isScript(after) || /^[\p{L}\p{N}]/u.test(after.text))) continue;
    const units = citationUnits(text);
    if (units) return { span, text, units };
  }
  return undefined;
}

/**
 * The numbers of a group of calls as printed (`1,2`, `1, 3`, `1 2`, `1-3`, `1–3`, `1,3-5`), or undefined when the
 * text is not one: fewer than two numbers, a number starting with 0, numbers not in increasing order (3,1 is no
 * citation), a range wider than `RANGE_NOTES`.
 */
function citationUnits(text: string): Array<Omit<CallUnit, "calls"> & { numbers: number[] }> | undefined {
  const units: Array<Omit<CallUnit, "calls"> & { numbers: number[] }> = [];
  let rest = text;
  let before = "";
  let previous = 0;
  for (;;) {
    const m = /^([1-9]\d{0,2})(?:\s*[-–−‐‑]\s*([1-9]\d{0,2}))?(?!\d)/.exec(rest);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from <= previous || to < from || (m[2] !== undefined && (to === from || to - from >= RANGE_NOTES))) return undefined;
    units.push({ kind: m[2] === undefined ? "number" : "range", before, text: m[0], numbers: Array.from({ length: to - from + 1 }, (_, k) => from + k) });
    previous = to;
    rest = rest.slice(m[0].length);
    if (rest === "") break;
    const separator = /^(?:\s*[,;]\s*|\s+)/.exec(rest);
    if (!separator) return undefined;
    before = separator[0];
    rest = rest.slice(before.length);
  }
  return units.reduce((count, unit) => count + unit.numbers.length, 0) > 1 ? units : undefined;
}

/**
 * The ways a superscript's digits read as several calls printed together (`56`: 5 and 6; `123`: 1, 2 and 3 or 1 and
 * 23), each in increasing order, no number starting with 0.
 */
function gluedSplits(digits: string): number[][] {
  const splits: number[][] = [];
  const walk = (rest: string, taken: number[]) => {
    if (rest === "") {
      if (taken.length > 1) splits.push(taken);
      return;
    }
    for (let k = 1; k <= Math.min(3, rest.length); k++) {
      const part = rest.slice(0, k);
      if (part.startsWith("0") || (taken.length === 0 && k === rest.length)) continue;
      const value = Number(part);
      if (value > (taken[taken.length - 1] ?? 0)) walk(rest.slice(k), [...taken, value]);
    }
  };
  walk(digits, []);
  return splits;
}

/**
 * The number a line starts with when the line may start a footnote: a superscript number followed by text
 * (Word, and LibreOffice with Word's styles), or a number, a space and text (LibreOffice's own).
 */
function noteMarker(line: PdfLine): { number: number; superscript: boolean } | undefined {
  const [first, second] = line.pieces;
  if (isScript(first)) return first.tag === "sup" && /^\d{1,3}$/.test(first.script) && second && !isScript(second) && second.text.trim() ? { number: Number(first.script), superscript: true } : undefined;
  const plain = first ? /^(\d{1,3})[ \t]+(?=\S)/.exec(first.text) : null;
  return plain ? { number: Number(plain[1]), superscript: false } : undefined;
}

/**
 * Headers, footers and page numbers: they may follow the notes at the foot of a page. `running`: the lines
 * the document repeats on several pages (a footer with the office's address), furniture too.
 */
function isFurnitureLine(line: PdfLine, running: Set<string>): boolean {
  const text = rawText(line);
  return running.has(text) || isPageFurniture(text) || isBareNumber(text) || isLetterheadOffice(text);
}

/** The lines printed on more than one page: a running header or footer. */
function runningLines(lines: PdfLine[][]): Set<string> {
  const pages = new Map<string, Set<number>>();
  for (const page of lines) for (const line of page) pages.set(rawText(line), (pages.get(rawText(line)) ?? new Set()).add(line.page));
  return new Set([...pages].filter(([, on]) => on.size > 1).map(([text]) => text));
}

/** The lines of a note are this many times its font size apart, at most (single spacing is about 1.15). */
const NOTE_LINE_SPACING = 1.6;
/** Two notes, at most this many (a note's paragraph may have space after it). */
const NOTE_GAP = 3;

/**
 * The footnotes at the foot of each page, taken out of its lines (they are not the body's text). A page's
 * notes are its last lines (only headers, footers, page numbers or smaller print below them), apart from the
 * text above them (a gap larger than its line spacing, or a smaller font), each starting with its number:
 * a superscript in a smaller font than the body's (Word), or the number of a superscript call of the page,
 * as a superscript or as text before the note (LibreOffice's default notes, as large as the text).
 * A note goes on over the lines right under it, in its font; lines at the top of a page's foot, in the
 * notes' smaller font and without a number, continue the last note of the page before (Word carries a long
 * note over). Word's endnotes, after the text of the last page, are read the same way.
 */
function findFootnotes(lines: PdfLine[][]): Footnote[] {
  const size = bodyFontSize(lines.flat());
  const calls = findCalls(lines);
  const running = runningLines(lines);
  const notes: Footnote[] = [];
  lines.forEach((page, p) => {
    // The numbers the page calls (the last page's foot may also hold endnotes, called on any page); of a
    // superscript after a word, the calls it may be printed together (⁵⁶: 5 and 6) too.
    const last = p === lines.length - 1;
    const called = new Set(
      calls
        .filter((call) => (call.page === p + 1 || (last && !call.raised)) && !(call.raised && call.after !== "word"))
        .flatMap((call) => [call.value, ...(call.after === "word" && !call.group && !call.raised ? gluedSplits(call.piece.script).flat() : [])]),
    );
    // A note of the page before may go on at the top of this page's foot, in its font.
    const previous = notes[notes.length - 1];
    const carrying = previous && previous.page === p ? previous.lines[previous.lines.length - 1]!.fontSize : undefined;
    const foot = footOf(page, { bodySize: size, called, running, ...(carrying !== undefined ? { carrying } : {}) });
    if (!foot) return;
    const carried = foot.carried;
    if (carried.length) previous!.lines.push(...carried);
    notes.push(...foot.notes.map((note) => ({ ...note, page: p + 1 })));
    const taken = new Set([...carried, ...foot.notes.flatMap((note) => note.lines)]);
    lines[p] = page.filter((line) => !taken.has(line));
  });
  return notes;
}

interface FootContext {
  bodySize: number;
  /** The numbers of the superscript calls the page's notes may answer. */
  called: Set<number>;
  running: Set<string>;
  /** The font size of the page before's last note, when the page may carry it over. */
  carrying?: number;
}

/** A page's footnotes (see `findFootnotes`), and the lines at the top of its foot that carry a note over. */
function footOf(page: PdfLine[], { bodySize, called, running, carrying }: FootContext): { notes: Array<Omit<Footnote, "page">>; carried: PdfLine[] } | undefined {
  const spacing = usualLineSpacing(page);
  const small = (line: PdfLine) => line.fontSize < bodySize - 0.5;
  const furniture = (line: PdfLine) => isFurnitureLine(line, running);
  const apart = (above: PdfLine | undefined, line: PdfLine) => !above || above.y - line.y > spacing * PARAGRAPH_GAP_FACTOR || line.fontSize < above.fontSize - 0.5;
  const close = (above: PdfLine, line: PdfLine) => Math.abs(above.fontSize - line.fontSize) <= 0.5 && above.y - line.y <= line.fontSize * NOTE_LINE_SPACING;
  // A line carrying the page before's last note over: in its font, smaller than the body's, without a number.
  const carries = (line: PdfLine) => carrying !== undefined && small(line) && Math.abs(line.fontSize - carrying) <= 0.5 && !noteMarker(line) && !furniture(line);
  for (let i = 1; i < page.length; i++) {
    const first = page[i]!;
    const marker = noteMarker(first);
    // A number as text starts a note only if the page calls it (a table's row may start with one); a superscript
    // in the body's font too (a paragraph may start with ¹⁸F).
    if (!marker || (!(marker.superscript && small(first)) && !called.has(marker.number))) continue;
    const notes: Array<Omit<Footnote, "page">> = [];
    let j = i;
    for (; j < page.length; j++) {
      const line = page[j]!;
      const next = noteMarker(line);
      const current = notes[notes.length - 1];
      // The next note: numbered as the first one is, in its font, and (a number as text) the next number.
      const starts =
        next &&
        (j === i ||
          (next.superscript === marker.superscript &&
            Math.abs(line.fontSize - first.fontSize) <= 0.5 &&
            page[j - 1]!.y - line.y <= line.fontSize * NOTE_GAP &&
            (next.superscript || next.number === current!.number + 1)));
      if (starts) notes.push({ number: next.number, superscript: next.superscript, lines: [line] });
      else if (current && close(page[j - 1]!, line) && !furniture(line)) current.lines.push(line);
      else break;
    }
    // Notes are the last text of their page: only furniture or smaller print (a footer) after them.
    if (page.slice(j).some((line) => !furniture(line) && !small(line))) continue;
    // Lines just above the first note, in the font of the page before's last note: that note, carried over.
    let top = i;
    while (top > 1 && carries(page[top - 1]!) && close(page[top - 1]!, page[top]!)) top--;
    const carried = top < i && apart(page[top - 1], page[top]!);
    if (!carried && !apart(page[i - 1], first)) continue;
    return { notes, carried: carried ? page.slice(top, i) : [] };
  }
  // No note starts on the page: its foot may still carry the page before's last note over.
  let end = page.length;
  while (end > 0 && furniture(page[end - 1]!)) end--;
  let top = end - 1;
  if (top < 1 || !carries(page[top]!)) return undefined;
  while (top > 1 && carries(page[top - 1]!) && close(page[top - 1]!, page[top]!)) top--;
  return apart(page[top - 1], page[top]!) ? { notes: [], carried: page.slice(top, end) } : undefined;
}

/** The body's font size: the size of most of the text (by characters), which titles and notes are not. */
function bodyFontSize(lines: PdfLine[]): number {
  const bySize = lines.map((line) => ({ size: line.fontSize, weight: rawText(line).length })).sort((a, b) => a.size - b.size);
  const total = bySize.reduce((sum, entry) => sum + entry.weight, 0);
  let seen = 0;
  for (const entry of bySize) {
    seen += entry.weight;
    if (seen * 2 >= total) return entry.size;
  }
  return 12;
}

/** A note's text, without its number, its lines joined (a word cut at a line's end joined again). */
function noteText(note: Footnote, messages: string[]): string {
  return note.lines
    .map((line, k) => {
      if (k > 0 || note.superscript) return renderLine(line, messages, k === 0 ? 1 : 0);
      return renderLine(line, messages).replace(/^\d{1,3}[ \t]+/, "");
    })
    .filter((text) => text !== "")
    .reduce((acc, text) => (acc ? joinWrapped(acc, text) : text), "");
}

/** The first words of a note, for the editor. */
function noteExcerpt(note: Footnote): string {
  const text = note.lines.map((line, k) => rawText(line, k === 0 && note.superscript ? 1 : 0)).join(" ");
  const words = (note.superscript ? text : text.replace(/^\d{1,3}[ \t]+/, "")).split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : words.join(" ");
}

/**
 * Each note's call: the superscript of its number on its page (or, for an endnote or a note carried over,
 * on a page before) after a word, or, when there is none, the only one after a figure (said: it may be a
 * power). A note with no such call, or with several, is not paired (nothing is guessed): it is kept, as an
 * uncalled note at the end of the text, and the editor is told where to put its call. Labels are the
 * printed numbers (another when numbers restart on each page).
 *
 * The numbers of a group of calls (`CallGroup`: `salud¹,²`, `salud¹⁻³`) pair one by one, as calls of their own;
 * one without its note stays as printed and is said. A range, or calls printed together (`⁵⁶`), is linked whole
 * or not at all: when one of its notes is missing, or paired elsewhere, it stays as printed and its notes wait,
 * uncalled, for the editor.
 */
function pairFootnotes(notes: Footnote[], lines: PdfLine[][], messages: string[]): void {
  if (notes.length === 0) return;
  // The notes' lines are out of the pages by now: a number inside a note calls nothing.
  const calls = findCalls(lines);
  // Whether a note of that number may answer a call on that page (its own, or a later one's: carried over, endnotes).
  const noted = (value: number, page: number) => notes.some((note) => note.number === value && note.page >= page);
  // Calls printed together (⁵⁶): read so only when no note has their number and they read one way only as notes there are.
  for (let k = 0; k < calls.length; k++) {
    const call = calls[k]!;
    if (call.after !== "word" || call.group || call.raised || call.piece.script.length < 2 || noted(call.value, call.page)) continue;
    const splits = gluedSplits(call.piece.script).filter((split) => split.every((value) => noted(value, call.page)));
    if (splits.length !== 1) continue;
    const group: CallGroup = { page: call.page, span: 1, units: [], shown: call.shown };
    const unitCalls = splits[0]!.map((value): Call => ({ ...call, value, group }));
    group.units.push({ kind: "glued", before: "", text: call.piece.script, calls: unitCalls });
    calls.splice(k, 1, ...unitCalls);
    k += unitCalls.length - 1;
  }
  const used = new Set<Call>();
  const labels = new Set<string>();
  const labelFor = (number: number) => {
    let label = number;
    if (labels.has(String(label))) label = Math.max(...[...labels].map(Number)) + 1;
    labels.add(String(label));
    return String(label);
  };
  const ambiguous = new Set<Call>();
  for (const note of notes) {
    // Digits raised at the text's size call only a note at the foot of their own page.
    const open = calls.filter((call) => !used.has(call) && call.value === note.number && (call.raised ? call.page === note.page && call.after === "word" : call.page <= note.page) && call.after !== "unit");
    const onPage = open.filter((call) => call.page === note.page);
    const pool = onPage.length ? onPage : open;
    const words = pool.filter((call) => call.after === "word");
    const figures = pool.filter((call) => call.after === "figure");
    const said = `Página ${note.page}: la nota al pie ${note.number} («${noteExcerpt(note)}»)`;
    note.label = labelFor(note.number);
    const call = words.length === 1 ? words[0] : words.length === 0 && figures.length === 1 ? figures[0] : undefined;
    if (call) {
      used.add(call);
      if (call.group) call.label = note.label;
      else call.piece.label = note.label;
      if (call.after === "figure") messages.push(`${said} se unió al único ${note.number} volado de la página, que va justo después de una cifra («${call.shown}»): revisa que sea su llamada y no una potencia.`);
      continue;
    }
    const candidates = words.length > 1 ? words : figures;
    for (const candidate of candidates) ambiguous.add(candidate);
    messages.push(
      candidates.length > 1
        ? `${said} no se unió a su llamada: hay ${candidates.length} números ${note.number} volados que pueden serlo (${candidates.map((c) => `«${c.shown}»`).join(", ")}). Quedó al final del texto como [^${note.label}], sin llamada: escribe [^${note.label}] en lugar del número volado que la llama.`
        : `${said} no tiene en el texto un ${note.number} volado que la llame. Quedó al final del texto como [^${note.label}], sin llamada: escribe [^${note.label}] donde va la llamada, o bórrala si sobra.${raisedAfterFigures(calls, note)}`,
    );
  }
  const groups = new Set(calls.flatMap((call) => (call.group ? [call.group] : [])));
  for (const group of groups) {
    groupMessages(group, ambiguous, noted, messages);
    // Its superscript is written as the group's calls once one of them is known.
    if (group.units.some((unit) => unit.calls.some((call) => call.label !== undefined))) group.units[0]!.calls[0]!.piece.group = group;
  }
  for (const call of calls) {
    if (used.has(call) || ambiguous.has(call) || call.after !== "word" || call.group || call.raised) continue;
    messages.push(
      `Página ${call.page}: «${call.shown}»: un número volado después de una palabra, sin nota al pie con ese número en la página; quedó volado. Si es la llamada a una nota, agrega la nota al final del texto ([^${call.value}]: …) y cambia el número volado por [^${call.value}].`,
    );
  }
}

/**
 * For a note without a call: the digits of its number raised at the text's size right after a figure on its page
 * (`3,500` raised `3`), never taken for its call (a power?) and left as text, which the editor may look at.
 */
function raisedAfterFigures(calls: Call[], note: Footnote): string {
  const found = calls.filter((call) => call.raised && call.after === "figure" && call.value === note.number && call.page === note.page);
  if (found.length === 0) return "";
  return ` En la página, justo después de una cifra, ${found.length === 1 ? `hay un ${note.number} elevado que quedó como texto` : `hay ${found.length} números ${note.number} elevados que quedaron como texto`} (${found.map((call) => `«${call.shown}»`).join(", ")}): si es su llamada, cambia ese ${note.number} por [^${note.label}].`;
}

/** «1», «1 y 3», «1, 2 y 3». */
function spanishList(items: Array<string | number>): string {
  return items.length === 1 ? String(items[0]) : `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`;
}

/**
 * What the editor is told of a group of calls once its notes are paired, and its ranges (or calls printed together)
 * linked in part undone: a number without a note (kept as printed), a range not linked and the notes it leaves
 * uncalled, calls read as printed together (to check). Numbers whose note has several possible calls are said by
 * that note's message.
 */
function groupMessages(group: CallGroup, ambiguous: Set<Call>, noted: (value: number, page: number) => boolean, messages: string[]): void {
  const head = `Página ${group.page}: «${group.shown}»:`;
  for (const unit of group.units) {
    if (unit.kind === "number") continue;
    const linked = unit.calls.filter((call) => call.label !== undefined);
    const values = unit.calls.map((call) => call.value);
    if (linked.length === unit.calls.length) {
      if (unit.kind === "glued") {
        messages.push(`${head} no hay nota ${unit.text} al pie de la página; el volado se leyó como las llamadas a las notas ${spanishList(values)}, impresas juntas (${linked.map((call) => `[^${call.label}]`).join("")}): revisa que así sea.`);
      }
      continue;
    }
    const absent = values.filter((value) => !noted(value, group.page));
    // Not linked because its notes have other possible calls: those notes' messages say so.
    if (linked.length === 0 && absent.length === 0) continue;
    const labels = linked.map((call) => call.label!);
    for (const call of linked) delete call.label;
    const what = unit.kind === "range" ? `el intervalo de llamadas ${values[0]} a ${values[values.length - 1]}` : `el volado ${superscriptShown(unit.text)}, que puede ser las llamadas ${spanishList(values)} impresas juntas,`;
    const why = absent.length === 0 ? "" : absent.length === 1 ? ` porque la nota ${absent[0]} no está al pie de la página` : ` porque las notas ${spanishList(absent)} no están al pie de la página`;
    const waiting =
      labels.length === 0
        ? ""
        : ` ${labels.length === 1 ? "Su nota quedó" : "Sus notas quedaron"} al final del texto como ${spanishList(labels.map((label) => `[^${label}]`))}, sin llamada: escribe ${labels.map((label) => `[^${label}]`).join("")} en lugar del volado si ${labels.length === 1 ? "es su llamada" : "son sus llamadas"}.`;
    messages.push(`${head} ${what} no se unió a sus notas${why}; quedó volado como se imprimió.${waiting}`);
  }
  const missing = group.units.flatMap((unit) => (unit.kind === "number" ? unit.calls.filter((call) => call.label === undefined && !ambiguous.has(call)) : [])).map((call) => call.value);
  if (missing.length === 0) return;
  const one = missing.length === 1;
  const others = group.units.flatMap((unit) => unit.calls).filter((call) => !missing.includes(call.value));
  const rest = others.length > 0 && others.every((call) => call.label !== undefined) ? ` (${others.length === 1 ? "el otro se unió a su nota" : "los demás se unieron a sus notas"})` : "";
  messages.push(
    `${head} ${one ? `el ${missing[0]} volado no tiene nota al pie con ese número` : `los números volados ${spanishList(missing)} no tienen nota al pie con esos números`} en la página; ${one ? "quedó volado como se imprimió" : "quedaron volados como se imprimieron"}${rest}. Si ${one ? "es la llamada a una nota, agrega la nota" : "son llamadas a notas, agrega las notas"} al final del texto (${missing.map((value) => `[^${value}]: …`).join(", ")}) y cambia ${one ? "ese número volado" : "esos números volados"} por ${missing.map((value) => `[^${value}]`).join("")}.`,
  );
}
