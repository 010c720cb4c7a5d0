import { extractTextItems, getDocumentProxy, type StructuredTextItem } from "unpdf";

/**
 * PDF to release text. A PDF has no paragraphs, only positioned runs of text, so they are rebuilt:
 * runs on one baseline make a line; a vertical gap clearly larger than the usual line spacing, or a
 * change of font size, starts a new paragraph (blank line). Pages are separated by a form feed, which
 * `text.ts` treats as a page break (so a paragraph cut by it is joined again). Lines inside a
 * paragraph stay separate here; `text.ts` joins hard-wrapped lines. A line that starts to the right of
 * the left margin is indented with spaces (see `indentFor`): only the nesting of list items reads them.
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // verbosity 0: pdf.js's own warnings (in English, «Warning: Indexing all PDF objects») stay off the editor's terminal.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { items } = await extractTextItems(pdf);
    const pages = items.map((page) => toLines(page.filter((item) => item.dir !== "ttb")));
    const indent = indentation(pages.flat());
    return pages.map((lines) => pageText(lines, indent)).join("\n\f\n");
  } finally {
    await pdf.loadingTask.destroy();
  }
}

interface PdfLine {
  y: number;
  x: number;
  fontSize: number;
  text: string;
}

/** A gap this many times the page's usual line spacing separates paragraphs. */
const PARAGRAPH_GAP_FACTOR = 1.35;

function pageText(lines: PdfLine[], indent: (line: PdfLine) => string): string {
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
function indentation(lines: PdfLine[]): (line: PdfLine) => string {
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
function usualLineSpacing(lines: PdfLine[]): number {
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

/** Runs grouped by baseline (within a third of the font size), top to bottom, left to right. */
function toLines(items: StructuredTextItem[]): PdfLine[] {
  const sorted = [...items].filter((item) => item.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: StructuredTextItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const ref = group?.[0];
    if (group && ref && Math.abs(ref.y - item.y) <= Math.max(ref.fontSize, item.fontSize) / 3) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      group.sort((a, b) => a.x - b.x);
      let text = "";
      let end = -Infinity;
      for (const item of group) {
        const gapToPrevious = item.x - end;
        if (text && gapToPrevious > item.fontSize * 0.15) text += " ";
        text += item.str;
        end = item.x + item.width;
      }
      const fontSize = Math.max(...group.map((item) => item.fontSize));
      return {
        y: group[0]!.y,
        x: group[0]!.x,
        fontSize,
        text: text.replace(/\s+/g, " ").trim(),
      };
    })
    .filter((line) => line.text !== "");
}
