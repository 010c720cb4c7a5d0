import { Parser } from "htmlparser2";
import JSZip from "jszip";
import mammoth from "mammoth";
import { plainText } from "./inline.ts";
import { matchYearlessNumberLine } from "./release-number.ts";
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
  /** mammoth's errors (a part of the document it could not read), for the editor. */
  messages: string[];
}

export async function docxToText(buffer: Buffer): Promise<DocxText> {
  const result = await mammoth.convertToHtml(
    { buffer },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
  );
  // mammoth's warnings are about unmapped Word styles, which mean nothing to an editor; errors do. Its
  // only errors are images it could not convert (its words, in English, only as a detail).
  const errors = result.messages
    .filter((m) => m.type === "error")
    .map((m) => `una imagen del documento no se pudo leer y se omite (detalle técnico: ${m.message.split("\n")[0]}).`);
  const body = htmlToReleaseText(result.value);
  const fromHeaders = (await headerParagraphs(buffer)).filter((line) => readDatelineAndNumber(plainText(line)) || matchYearlessNumberLine(plainText(line)));
  return { text: [...fromHeaders, body].join("\n\n"), messages: errors };
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

/** mammoth's HTML (a small, regular vocabulary) to the text format `text.ts` reads. */
export function htmlToReleaseText(html: string): string {
  const blocks: string[] = [];
  const tables: Table[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let segments: Segment[] = [];
  let prefix = "";
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let linkText = "";
  const append = (text: string) => {
    if (href !== undefined) linkText += text;
    else segments.push({ text, bold: bold > 0, italic: italic > 0 });
  };
  const flush = () => {
    const body = renderSegments(segments);
    const cell = tables[tables.length - 1]?.cell;
    if (body.trim()) (cell ?? blocks).push(prefix + body.trim());
    segments = [];
    prefix = "";
  };
  const closeTable = () => {
    const table = tables.pop()!;
    const columns = Math.max(0, ...table.rows.map((r) => r.length));
    const target = tables[tables.length - 1]?.cell ?? blocks;
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
        if (name === "ul" || name === "ol") lists.push({ ordered: name === "ol", next: 1 });
        else if (name === "table") {
          flush();
          tables.push({ rows: [] });
        } else if (name === "tr" && tables.length) tables[tables.length - 1]!.rows.push([]);
        else if ((name === "td" || name === "th") && tables.length) {
          flush();
          tables[tables.length - 1]!.cell = [];
        } else if (BLOCKS.has(name)) {
          flush();
          if (name === "li") {
            // A list inside an item (Word's second level) is indented under it, which text.ts reads as nesting.
            const list = lists[lists.length - 1];
            prefix = "    ".repeat(Math.max(0, lists.length - 1)) + (list?.ordered ? `${list.next++}. ` : "- ");
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
        append(escapeMarkdown(text));
      },
      onclosetag(name) {
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
  return blocks.join("\n\n");
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

/**
 * Word text is plain text: characters markdown would read as markup are escaped, so a `*` or a `<`
 * typed in Word shows as typed. Bullets typed by hand (`- `, `• `) stay: they are the writer's list.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, (c) => `\\${c}`);
}
