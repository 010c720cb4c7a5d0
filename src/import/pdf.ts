import { extractTextItems, getDocumentProxy, type StructuredTextItem } from "unpdf";

/**
 * PDF to release text. A PDF has no paragraphs, only positioned runs of text, so they are rebuilt:
 * runs on one baseline make a line; a vertical gap clearly larger than the usual line spacing, or a
 * change of font size, starts a new paragraph (blank line). Pages are separated by a form feed, which
 * `text.ts` treats as a page break (so a paragraph cut by it is joined again). Lines inside a
 * paragraph stay separate here; `text.ts` joins hard-wrapped lines.
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // verbosity 0: pdf.js's own warnings (in English, «Warning: Indexing all PDF objects») stay off the editor's terminal.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { items } = await extractTextItems(pdf);
    return items.map(pageText).join("\n\f\n");
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

function pageText(items: StructuredTextItem[]): string {
  const lines = toLines(items.filter((item) => item.dir !== "ttb"));
  if (lines.length === 0) return "";
  const usual = usualLineSpacing(lines);
  const out: string[] = [lines[0]!.text];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const gap = previous.y - line.y;
    const sizeChanged = Math.abs(previous.fontSize - line.fontSize) > 0.5;
    // Indentation does not tell a wrapped item from the next paragraph (a bullet typed with a tab wraps
    // to the margin), so only spacing and font size do.
    if (gap > usual * PARAGRAPH_GAP_FACTOR || sizeChanged) out.push("");
    out.push(line.text);
  }
  return out.join("\n");
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
