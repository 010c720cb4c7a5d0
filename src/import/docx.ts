import { Parser } from "htmlparser2";
import JSZip from "jszip";
import mammoth from "mammoth";
import { escapeMarkdown, plainText } from "./inline.ts";
import { matchYearlessNumberLine } from "./release-number.ts";
import { scriptText, superscriptShown } from "./scripts.ts";
import { readDatelineAndNumber } from "./text.ts";

/**
 * Word (.docx) to release text through mammoth's semantic HTML: one block per paragraph, lists with
 * `- `/`1. ` markers, bold as `**…**`, headings as `##`, hyperlinks as markdown links.
 * Word's page headers and footers are not part of mammoth's output: only a dateline or number found in
 * a header is added (see `headerParagraphs`); letterhead typed in the body is removed later with the
 * rest of the page furniture. Images are dropped (their bytes are never read).
 */
export interface DocxText {
  text: string;
  /** mammoth's errors (a part of the document it could not read), and what the editor should check (a superscript after a figure). */
  messages: string[];
}

export async function docxToText(buffer: Buffer): Promise<DocxText> {
  const result = await mammoth.convertToHtml(
    { buffer },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false, styleMap: NOTE_LIST_STYLES, transformDocument: paragraphTransform(markIndent) },
  );
  // mammoth's warnings are about unmapped Word styles, which mean nothing to an editor; errors do. Its
  // only errors are images it could not convert (its words, in English, only as a detail).
  const errors = result.messages
    .filter((m) => m.type === "error")
    .map((m) => `una imagen del documento no se pudo leer y se omite (detalle técnico: ${m.message.split("\n")[0]}).`);
  const notes: string[] = [];
  const body = htmlToReleaseText(result.value, notes);
  const fromHeaders = (await headerParagraphs(buffer)).filter((line) => readDatelineAndNumber(plainText(line)) || matchYearlessNumberLine(plainText(line)));
  return { text: [...fromHeaders, body].join("\n\n"), messages: [...errors, ...notes] };
}

/**
 * A list inside a footnote or an endnote: mammoth's default style map turns every paragraph of a note's
 * styles (Word's «footnote text» and «endnote text», LibreOffice's «Footnote» and «Endnote») into a `<p>`,
 * before its list rules are tried, so a note's bulleted or numbered items would lose their marks. These
 * rules (tried before mammoth's own) give them the list of its default rules, at their level.
 */
const NOTE_LIST_STYLES: string[] = ["footnote text", "endnote text", "Footnote", "Endnote"].flatMap((style) =>
  (["unordered-list", "ordered-list"] as const).flatMap((kind) =>
    [1, 2, 3, 4, 5].map((level) => `p[style-name='${style}']:${kind}(${level}) => ${"ul|ol > li > ".repeat(level - 1)}${kind === "ordered-list" ? "ol" : "ul"} > li:fresh`),
  ),
);

/** mammoth's `transforms.paragraph` (documented, missing from its type declarations). */
const paragraphTransform = (mammoth as unknown as { transforms: { paragraph(fn: (p: MammothParagraph) => MammothParagraph): (document: unknown) => unknown } }).transforms.paragraph;

/** Marks a paragraph's indentation at the start of its text (mammoth's HTML has none): one per column. */
const INDENT_MARK = "\uE0F1";
/** Word's indentation is in twentieths of a point: 180 (an eighth of an inch) is one column of text. */
const TWIPS_PER_COLUMN = 180;

/**
 * A paragraph indented by hand (not a Word list item, whose level mammoth already nests): where its first
 * line starts, as marks before its text, which `htmlToReleaseText` turns into the spaces text.ts reads as
 * a list's nesting (a `-` typed under a `•`). Only the paragraph's own indentation is known (not its style's).
 */
function markIndent(paragraph: MammothParagraph): MammothParagraph {
  if (paragraph.numbering) return paragraph;
  const twips = (value: string | null | undefined) => (value && /^-?\d+$/.test(value) ? Number(value) : 0);
  const indent = paragraph.indent ?? {};
  const start = twips(indent.start) + twips(indent.firstLine) - twips(indent.hanging);
  const columns = Math.round(start / TWIPS_PER_COLUMN);
  if (columns <= 0) return paragraph;
  const first = firstText(paragraph);
  if (first) first.value = INDENT_MARK.repeat(columns) + first.value;
  return paragraph;
}

interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
}
interface MammothParagraph extends MammothElement {
  numbering?: unknown;
  indent?: { start?: string | null; end?: string | null; firstLine?: string | null; hanging?: string | null };
}

function firstText(element: MammothElement): MammothElement | undefined {
  if (element.type === "text") return element;
  for (const child of element.children ?? []) {
    const found = firstText(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Paragraphs of the page headers (`word/header*.xml`), which mammoth leaves out. Some offices put the
 * dateline and the number (`No. 175/2024`, or `No. 175` without its year) in the first page's header;
 * only those lines are taken from it (the rest of a header is letterhead).
 */
export async function headerParagraphs(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((name) => /^word\/header\d*\.xml$/.test(name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const paragraphs: string[] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async("string");
    let current: string | undefined;
    let inText = false;
    const parser = new Parser(
      {
        onopentag(tag) {
          if (tag === "w:p") current = "";
          else if (tag === "w:t") inText = true;
          else if ((tag === "w:tab" || tag === "w:br") && current !== undefined) current += " ";
        },
        ontext(text) {
          if (inText && current !== undefined) current += text;
        },
        onclosetag(tag) {
          if (tag === "w:t") inText = false;
          else if (tag === "w:p" && current !== undefined) {
            if (current.trim()) paragraphs.push(current.replace(/\s+/g, " ").trim());
            current = undefined;
          }
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    parser.write(xml);
    parser.end();
  }
  return paragraphs;
}

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "caption"]);

/**
 * A Word table. One of two rows or more, and two columns or more, holds data (figures by region, a
 * schedule): it becomes a markdown table, its first row the header. A one-row or one-column table is
 * layout (the letterhead's cells: the number beside the dateline): its cells become paragraphs.
 */
interface Table {
  /** Each cell as its paragraphs. */
  rows: string[][][];
  /** The paragraphs of the cell being read. */
  cell?: string[];
}

/**
 * mammoth's HTML (a small, regular vocabulary) to the text format `text.ts` reads.
 *
 * Superscripts and subscripts (`<sup>`, `<sub>`: Word's «Superíndice», «Subíndice») are kept, never glued
 * to the text before them (10³ is not 103), as `scriptText` writes them (scripts.ts, shared with pdf.ts).
 * Word's footnotes and endnotes become markdown footnotes: `[^1]` where the reference is, `[^1]: …` at the
 * end of the text (mammoth's numbers; its back-link arrow is dropped). A note of several paragraphs, or with
 * a list, keeps them: its later paragraphs and lists are indented by four spaces under the `[^1]:` line
 * (`noteDefinition`), as the site's footnotes read a note's paragraphs (render/footnotes.ts).
 * Several references after one word (`salud¹,²`, `salud¹ ²`, `salud¹;²`, `salud¹⁻²`) become one call each with
 * nothing between them, `[^1][^2]`, as pdf.ts writes a PDF's (see `CALL_SEPARATOR`).
 * `notes` receives what the editor should check (a superscript right after a figure: a power or a footnote?; a
 * number typed in superscript beside a call, which is no note of the document).
 */
export function htmlToReleaseText(html: string, notes: string[] = []): string {
  const blocks: string[] = [];
  const tables: Table[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let segments: Segment[] = [];
  let prefix = "";
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let linkText = "";
  // A superscript or subscript being read: its text as typed, said when it closes.
  let script: { tag: "sup" | "sub"; text: string; depth: number } | undefined;
  // Word's notes: the reference being read (its note's id), each note's label (mammoth's number) by id, the
  // note whose text is being read, and the notes' definitions for the end of the text.
  let noteRef: { id: string; text: string } | undefined;
  const noteLabels = new Map<string, string>();
  // `lists`: the lists open around the note (mammoth's list of notes); `items`: its own list items open;
  // `list`: how many lists the note has begun (its items say which one they are in).
  let note: { label: string; blocks: NoteBlock[]; lists: number; items: number; list: number } | undefined;
  let skipText = 0;
  const definitions: string[] = [];
  // Right after a note's call (`lastCall`, its label), what follows it in the paragraph while it may still be the
  // separator before another call (`held`: text at the text's size, or a superscript's, with its style): dropped if
  // a call comes next, else written as it would have been.
  let lastCall: number | undefined;
  let held: Array<{ text: string; tag?: "sup"; bold: boolean; italic: boolean }> = [];
  const heldText = () => held.map((h) => h.text).join("");
  const append = (text: string) => {
    if (skipText > 0) return;
    if (noteRef) noteRef.text += text;
    else if (href !== undefined) linkText += text;
    else segments.push({ text, bold: bold > 0, italic: italic > 0 });
  };
  /** Text written as it is (markdown or HTML made here, never escaped). */
  const appendRaw = (text: string) => {
    if (href !== undefined) linkText += text;
    else segments.push({ text, bold: bold > 0, italic: italic > 0 });
  };
  const textBefore = () => (href !== undefined ? linkText : segments.map((s) => s.text).join(""));
  /** A superscript's or subscript's text (never a reference) as scripts.ts writes it; `style`: bold and italic when it was read. */
  const writeScript = (tag: "sup" | "sub", text: string, style = { bold: bold > 0, italic: italic > 0 }) => {
    const push = (out: string) => (href !== undefined ? (linkText += out) : segments.push({ text: out, ...style }));
    if (text.trim()) {
      const said = scriptText(tag, text, textBefore());
      push(said.text);
      if (said.note) notes.push(said.note);
    } else if (text) push(text);
  };
  /** What was held after a call, written as it would have been: it is no separator between two calls. */
  const release = () => {
    const parts = held;
    held = [];
    lastCall = undefined;
    for (const part of parts) {
      if (part.tag) writeScript(part.tag, part.text, { bold: part.bold, italic: part.italic });
      else segments.push({ text: escapeMarkdown(part.text), bold: part.bold, italic: part.italic });
    }
  };
  /** Text at the text's size, outside a note's reference: held while it may separate two calls. */
  const plain = (text: string) => {
    if (lastCall !== undefined && href === undefined && CALL_SEPARATOR.test(heldText() + text)) {
      held.push({ text, bold: bold > 0, italic: italic > 0 });
      return;
    }
    release();
    append(escapeMarkdown(text));
  };
  /** A part of a superscript or subscript between its references (or all of it): held while it may separate two calls. */
  const scriptPart = (tag: "sup" | "sub", text: string) => {
    if (text === "") return;
    const afterCall = lastCall;
    const typed = heldText() + text;
    if (afterCall !== undefined && tag === "sup" && href === undefined && CALL_SEPARATOR.test(typed)) {
      held.push({ text, tag, bold: bold > 0, italic: italic > 0 });
      return;
    }
    // Numbers typed in superscript beside a call (`salud¹,³` with only ¹ a note of Word's): no note of the document,
    // so no call; kept as typed, and said.
    const typedNumbers = tag === "sup" && afterCall !== undefined && TYPED_CALLS.test(typed) ? typed.match(/\d+/g)! : [];
    const shown = `${plainExcerpt(textBefore())}${superscriptShown(typed)}`;
    release();
    writeScript(tag, text);
    if (typedNumbers.length) notes.push(typedCallsNote(afterCall!, typedNumbers, shown));
  };
  /**
   * A note's call. Right after another call, what was held between them is the separator of two calls printed
   * together, and is left out (the site prints each call as its own superscript link; a comma between them would
   * stand on the line). A hyphen or dash between them is a range (`salud¹⁻²`): mammoth numbers the references in
   * the order they come, as Word does, so two references side by side are always two notes in a row and the range is
   * exactly those two: both are linked and nothing it cites is lost. A range whose ends are not in a row (HTML that
   * is no mammoth's) would cite notes that are not linked here: it stays as printed, and is said.
   */
  const call = (label: string) => {
    const between = heldText();
    if (lastCall !== undefined && /[-–−‐‑]/.test(between) && Number(label) !== lastCall + 1) {
      const from = lastCall;
      release();
      const tail = plainExcerpt(textBefore());
      notes.push(`«…${tail}${superscriptShown(label)}»: un guion volado entre las llamadas [^${from}] y [^${label}], que no son notas seguidas; quedó como se escribió. Si es un intervalo, escribe también las llamadas de las notas de en medio.`);
    } else if (lastCall !== undefined) held = [];
    else release();
    appendRaw(`[^${label}]`);
    lastCall = /^\d+$/.test(label) ? Number(label) : undefined;
  };
  const flush = () => {
    release();
    let body = renderSegments(segments);
    // A paragraph indented by hand (see `markIndent`), or with tabs before its text: spaces before it.
    const marks = new RegExp(`^[ \\t]*(${INDENT_MARK}*)[ \\t]*`).exec(body)!;
    const columns = marks[1]!.length + [...marks[0].replaceAll(INDENT_MARK, "")].reduce((n, c) => n + (c === "\t" ? 4 : 1), 0);
    body = body.slice(marks[0].length).replaceAll(INDENT_MARK, "");
    const cell = tables[tables.length - 1]?.cell;
    if (!cell && !note && !prefix && body.trim() && columns > 0) prefix = " ".repeat(columns);
    // A note's paragraph on one line (a line break in it is a space, as before).
    if (body.trim() && note && !cell) note.blocks.push({ text: prefix + body.replace(/\s+/g, " ").trim(), list: NOTE_ITEM_PREFIX.test(prefix) ? note.list : 0 });
    else if (body.trim()) (cell ?? blocks).push(prefix + body.trim());
    segments = [];
    prefix = "";
  };
  const closeTable = () => {
    const table = tables.pop()!;
    const columns = Math.max(0, ...table.rows.map((r) => r.length));
    const outer = tables[tables.length - 1]?.cell;
    if (!outer && note) {
      // A table inside a note: its cells' paragraphs, as the note's (a note's text is paragraphs and lists).
      for (const paragraph of table.rows.flat(2)) note.blocks.push({ text: paragraph.replace(/\s+/g, " ").trim(), list: 0 });
      return;
    }
    const target = outer ?? blocks;
    if (table.rows.length >= 2 && columns >= 2) {
      // A cell's paragraphs share its line; a `|` typed in it is text.
      const rows = table.rows.map((r) => [...r.map((c) => c.join(" ").replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|")), ...Array<string>(columns - r.length).fill("")]);
      const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
      target.push([line(rows[0]!), line(rows[0]!.map(() => "---")), ...rows.slice(1).map(line)].join("\n"));
    } else target.push(...table.rows.flat(2));
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        // Only a superscript's or a style's tags may stand between two calls printed together.
        if (!KEEP_HELD.has(name) && !(name === "a" && /-ref-\d+$/.test(attrs["id"] ?? ""))) release();
        const noteOf = /^(?:.*-)?((?:footnote|endnote)-\d+)$/.exec(attrs["id"] ?? "");
        const refOf = /^(?:.*-)?((?:footnote|endnote))-ref-(\d+)$/.exec(attrs["id"] ?? "");
        if (name === "a" && refOf && /^#/.test(attrs["href"] ?? "")) {
          // A note's reference (`<sup><a id="footnote-ref-1">[1]</a></sup>`): `[^1]`, whatever the superscript.
          noteRef = { id: `${refOf[1]}-${refOf[2]}`, text: "" };
          return;
        }
        if (name === "li" && noteOf) {
          // A note's text (mammoth lists them at the end): a definition, never a list item.
          flush();
          note = { label: noteLabels.get(noteOf[1]!) ?? noteOf[1]!.replace(/\D+/g, ""), blocks: [], lists: lists.length, items: 0, list: 0 };
          return;
        }
        if (name === "a" && note && /^#(?:.*-)?(?:footnote|endnote)-ref-\d+$/.test(attrs["href"] ?? "")) {
          // The note's link back to its reference (mammoth's «↑»).
          skipText++;
          return;
        }
        if (name === "sup" || name === "sub") {
          if (script) script.depth++;
          else script = { tag: name, text: "", depth: 1 };
          return;
        }
        if (name === "ul" || name === "ol") {
          if (note && lists.length === note.lists) note.list++;
          lists.push({ ordered: name === "ol", next: 1 });
        } else if (name === "table") {
          flush();
          tables.push({ rows: [] });
        } else if (name === "tr" && tables.length) tables[tables.length - 1]!.rows.push([]);
        else if ((name === "td" || name === "th") && tables.length) {
          flush();
          tables[tables.length - 1]!.cell = [];
        } else if (BLOCKS.has(name)) {
          flush();
          if (name === "li") {
            // A list inside an item (Word's second level) is indented under it, which text.ts reads as nesting;
            // a list inside a note, from the note's own indentation (the notes are mammoth's list).
            const list = lists[lists.length - 1];
            prefix = "    ".repeat(Math.max(0, lists.length - 1 - (note?.lists ?? 0))) + (list?.ordered ? `${list.next++}. ` : "- ");
            if (note) note.items++;
          } else if (/^h[1-6]$/.test(name)) prefix = `${"#".repeat(Math.min(6, Number(name[1]) + 1))} `;
        } else if (name === "strong" || name === "b") bold++;
        else if (name === "em" || name === "i") italic++;
        else if (name === "br") segments.push({ text: "\n", bold: false, italic: false });
        else if (name === "a" && attrs["href"] && /^https?:/i.test(attrs["href"])) {
          href = attrs["href"];
          linkText = "";
        }
      },
      ontext(text) {
        // A superscript's text is kept as typed until it closes (scriptText escapes what it writes).
        if (script && !noteRef && skipText === 0) script.text += text;
        else if (noteRef || skipText > 0) append(escapeMarkdown(text));
        else plain(text);
      },
      onclosetag(name) {
        if (name === "a" && noteRef) {
          const label = /\d+/.exec(noteRef.text)?.[0] ?? noteRef.id.replace(/\D+/g, "");
          noteLabels.set(noteRef.id, label);
          noteRef = undefined;
          if (script) script.text += `\u0000${label}\u0000`;
          else call(label);
          return;
        }
        if (!KEEP_HELD.has(name)) release();
        if (name === "li" && note) {
          flush();
          // An item of a list inside the note ends; the note's own item ends the note.
          if (note.items > 0) note.items--;
          else {
            const definition = noteDefinition(note.label, note.blocks);
            if (definition) definitions.push(definition);
            note = undefined;
          }
          return;
        }
        if (name === "a" && skipText > 0) {
          skipText--;
          return;
        }
        if ((name === "sup" || name === "sub") && script) {
          if (--script.depth > 0) return;
          const { tag, text } = script;
          script = undefined;
          // Its text and the notes' references in it, in their order (a reference is only its call).
          text.split(/\u0000(\d+)\u0000/).forEach((part, k) => (k % 2 === 1 ? call(part) : scriptPart(tag, part)));
          return;
        }
        if (name === "ul" || name === "ol") lists.pop();
        else if ((name === "td" || name === "th") && tables.length) {
          flush();
          const table = tables[tables.length - 1]!;
          const row = table.rows[table.rows.length - 1];
          if (row) row.push(table.cell ?? []);
          delete table.cell;
        } else if (name === "table" && tables.length) {
          flush();
          closeTable();
        } else if (BLOCKS.has(name)) flush();
        else if (name === "strong" || name === "b") bold--;
        else if (name === "em" || name === "i") italic--;
        else if (name === "a" && href !== undefined) {
          const url = href;
          href = undefined;
          const shown = linkText.trim();
          append(!shown || shown.replace(/\\/g, "") === url ? url : `[${shown}](${url})`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return [...blocks, ...definitions].join("\n\n");
}

/**
 * What may stand between two calls printed together after one word, as Word's writers type it: a comma or a
 * semicolon (`salud¹,²`, `salud¹;²`), a space (`salud¹ ²`), a hyphen or dash for a range (`salud¹⁻²`), with spaces
 * around it or not, in superscript or at the text's size; or nothing (`salud¹²`, two references side by side). Only
 * this is ever left out, and only between two calls.
 */
const CALL_SEPARATOR = /^\s*(?:[,;\-–−‐‑]\s*)?$/;

/** Numbers typed in superscript right after a call, with its separator: `,3`, ` 3`, `-3`, `,3,4`. */
const TYPED_CALLS = /^\s*[,;\-–−‐‑]?\s*\d{1,3}(?:\s*[,;\-–−‐‑]\s*\d{1,3})*\s*$/;

/** Tags that may stand between two calls printed together: superscripts and subscripts, bold and italic. */
const KEEP_HELD = new Set(["sup", "sub", "strong", "b", "em", "i"]);

/** The end of a paragraph's text for the editor: its last words, calls shown as superscript numbers (`…salud¹`). */
function plainExcerpt(before: string): string {
  const text = before.replace(/\[\^(\d+)\]/g, (_, n: string) => superscriptShown(n)).replace(/\\(.)/g, "$1");
  const tail = text.slice(-30);
  return tail.length < 30 ? tail.trimStart() : tail.replace(/^\S*\s+/, "");
}

/** What the editor is told of numbers typed in superscript beside a call (no note of the document); `shown`: the text before them and them. */
function typedCallsNote(call: number, numbers: string[], shown: string): string {
  const one = numbers.length === 1;
  const links = numbers.map((n) => `[^${n}]`).join("");
  return `«…${shown}»: ${one ? `el ${numbers[0]} volado` : `los números volados ${numbers.slice(0, -1).join(", ")} y ${numbers[numbers.length - 1]}`} después de la llamada [^${call}] ${one ? "no es una nota al pie del documento: se escribió como texto y quedó volado" : "no son notas al pie del documento: se escribieron como texto y quedaron volados"}. Si ${one ? "es la llamada a una nota, cambia ese número volado" : "son llamadas a notas, cambia esos números volados"} por ${links} (y si ${one ? "la nota no está al final del texto, agrégala" : "las notas no están al final del texto, agrégalas"}: ${numbers.map((n) => `[^${n}]: …`).join(", ")}).`;
}

/** A note's paragraph or list item, on one line (an item with its mark, indented under the item it is nested in). */
interface NoteBlock {
  text: string;
  /** For a list item, which of the note's lists it is in (1, 2…); 0 for a paragraph. */
  list: number;
}

/** The marks `htmlToReleaseText` gives a list item: `- ` or `1. `, after four spaces a level. */
const NOTE_ITEM_PREFIX = /^(?: {4})*(?:- |\d+\. )$/;

/**
 * A note as a markdown footnote: `[^1]: ` and its first paragraph, then each other paragraph or list after a
 * blank line, indented by four spaces (what makes it the note's, not the text's: render/footnotes.ts, and
 * the `body-footnote-paragraph` warning of check); a list's items one a line (two lists one after the other
 * stay two). Undefined for a note without text.
 */
function noteDefinition(label: string, blocks: NoteBlock[]): string | undefined {
  const [first, ...rest] = blocks;
  if (!first) return undefined;
  let text = `[^${label}]: ${first.text}`;
  let previous = first;
  for (const block of rest) {
    text += `${block.list && block.list === previous.list ? "\n" : "\n\n"}    ${block.text}`;
    previous = block;
  }
  return text;
}

/** Runs of the same style merged; `**` placed inside the spaces (`** text **` is not bold in markdown). */
function renderSegments(segments: Segment[]): string {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic && s.text !== "\n" && last.text !== "\n") last.text += s.text;
    else merged.push({ ...s });
  }
  return merged
    .map((s) => {
      if (s.text === "\n" || (!s.bold && !s.italic) || !s.text.trim()) return s.text;
      const mark = s.bold ? "**" : "*";
      const m = /^(\s*)(.*?)(\s*)$/s.exec(s.text)!;
      return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
    })
    .join("")
    .replace(/ *\n */g, "\n");
}
