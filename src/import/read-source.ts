import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { docxToText } from "./docx.ts";
import { pdfToText } from "./pdf.ts";

/** What the importer accepts, by extension; anything else is refused rather than guessed. */
export const IMPORT_EXTENSIONS = [".docx", ".pdf", ".txt", ".md", ".markdown", ".text"] as const;

/** A release is a few pages; beyond this the input is not a press release (or is mostly images). */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** An input that cannot be imported: what is wrong, what to do, and the converter's own words when they help. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** The library's message (English), shown only as a technical detail. */
    readonly detail?: string,
  ) {
    super(message);
  }

  /** Everything on one line (the `--json` record's warning). */
  get oneLine(): string {
    return [this.message, this.hint, this.detail ? `(detalle técnico: ${this.detail})` : undefined].filter(Boolean).join(" ");
  }
}

export interface SourceText {
  text: string;
  /** Notes worth showing: mammoth's errors, a superscript or footnote to check, or that a text was not UTF-8 and how it was read. */
  notes: string[];
  /** What the text was read from: only a text file's lines are the editor's (Word's and PDF's are the converter's). */
  format: "text" | "docx" | "pdf";
}

/** Word processors' formats the importer cannot read: to be saved as .docx (unless the file is plain text under that name). */
const RESAVE_EXTENSIONS = [".doc", ".rtf", ".odt", ".pages", ".wpd"];

export async function readReleaseSource(file: string): Promise<SourceText> {
  const ext = path.extname(file).toLowerCase();
  const resave = RESAVE_EXTENSIONS.includes(ext);
  const refused = () =>
    new SourceError(`«${ext || path.basename(file)}» no es un formato que se pueda importar; se aceptan ${IMPORT_EXTENSIONS.join(", ")}.${resave ? " Ábrelo en Word o LibreOffice y guárdalo como .docx (o expórtalo a PDF)." : ""}`);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext) && !resave) throw refused();
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new SourceError("no es un archivo.");
    size = info.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError("no se encontró o no se puede leer.");
  }
  if (size > MAX_INPUT_BYTES) throw new SourceError(`pesa ${(size / 1024 / 1024).toFixed(0)} MB; un boletín no pasa de ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  if (size === 0) throw new SourceError("está vacío (0 bytes).", "Revisa que sea el archivo correcto; si se descargó o copió a medias, hazlo otra vez.");
  const bytes = await readFile(file);
  if (resave) return misnamedText(bytes, ext, refused);
  if (ext === ".docx" || ext === ".pdf") {
    let converted: SourceText;
    try {
      if (ext === ".docx") {
        const { text, messages } = await docxToText(bytes);
        // The converter's own notes name it: the editor reads them beside the importer's.
        converted = { text, notes: messages.map((m) => `Word: ${m}`), format: "docx" };
      } else {
        const { text, messages } = await pdfToText(bytes);
        converted = { text, notes: messages.map((m) => `PDF: ${m}`), format: "pdf" };
      }
    } catch (error) {
      throw ext === ".docx" ? unreadableDocx(bytes, error) : unreadablePdf(bytes, error);
    }
    if (!hasText(converted.text)) {
      throw ext === ".docx"
        ? new SourceError("no tiene texto: el documento de Word está vacío o solo tiene imágenes.", "Revisa que sea el archivo correcto; si el comunicado está en una imagen, pide el texto en Word.")
        : new SourceError("no tiene texto que se pueda copiar: parece un PDF escaneado (hecho de imágenes).", "Pide el comunicado en Word, o pásale reconocimiento de texto (OCR) y vuelve a exportarlo a PDF.");
    }
    return converted;
  }
  const kind = actualKind(bytes);
  if (kind && kind.ext !== ".txt") {
    const as = kind.ext ?? (kind.said.startsWith("un archivo comprimido") ? ".docx" : undefined);
    throw new SourceError(
      `no es un archivo de texto: es ${kind.said}${as ? " con la extensión cambiada" : ""}.`,
      as ? `Si es el comunicado, cámbiale la extensión a ${as} e impórtalo otra vez.` : "Ábrelo en Word o LibreOffice y guárdalo como .docx, o expórtalo a PDF.",
    );
  }
  const { text, notes } = decodeText(bytes);
  if (!hasText(text)) throw new SourceError("está vacío: no tiene texto, solo espacios o líneas en blanco.", "Revisa que sea el archivo correcto y que se haya guardado con el texto del comunicado.");
  if (isBulletinFile(text)) {
    throw new SourceError("ya es un boletín con encabezado (front matter); no se importa: cópialo a content/ y revísalo con «boletines check».");
  }
  return { text, notes, format: "text" };
}

/**
 * A file named .doc (or .rtf, .odt…) that is plain text: a text saved or renamed so (Notepad's «Guardar como»
 * with «Todos los archivos»). Read as text (UTF-8 or Windows-1252), with a notice; any other content (a real
 * Word 97-2003 document, RTF, a web page saved as .doc, a binary) is refused as before, or named when it is
 * a PDF or a .docx with the extension changed.
 */
function misnamedText(bytes: Buffer, ext: string, refused: () => SourceError): SourceText {
  const kind = actualKind(bytes);
  if (kind?.ext === ".pdf") throw new SourceError(`no es un documento ${ext}: es ${kind.said} con la extensión cambiada.`, "Cámbiale la extensión a .pdf e impórtalo otra vez.");
  if (kind?.said.startsWith("un archivo comprimido") && ext === ".doc") {
    throw new SourceError("no es un documento .doc: es un archivo comprimido (¿un .docx con la extensión cambiada?).", "Si es un documento de Word, cámbiale la extensión a .docx e impórtalo otra vez; si no, ábrelo en Word y guárdalo como .docx.");
  }
  if (kind && kind.ext !== ".txt") throw refused();
  const head = bytes.subarray(0, 1024).toString("latin1").replace(/^\xEF\xBB\xBF/, "").trimStart();
  if (bytes.includes(0) || /^<(?:!doctype|html|\?xml|\?mso|w:)/i.test(head) || /^{\\rtf/.test(head)) throw refused();
  let read: { text: string; notes: string[] };
  try {
    read = decodeText(bytes);
  } catch {
    throw refused();
  }
  if (!hasText(read.text)) throw new SourceError("está vacío: no tiene texto, solo espacios o líneas en blanco.", "Revisa que sea el archivo correcto y que se haya guardado con el texto del comunicado.");
  if (isBulletinFile(read.text)) throw new SourceError("ya es un boletín con encabezado (front matter); no se importa: cópialo a content/ y revísalo con «boletines check».");
  return {
    text: read.text,
    notes: [`el archivo se llama ${ext} pero es texto sin formato: se importó como texto. Revisa el resultado; para no ver este aviso, cámbiale la extensión a .txt.`, ...read.notes],
    format: "text",
  };
}

/** Any letter or digit: a file of spaces, blank lines, a BOM or invisible characters has nothing to import. */
function hasText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** What a file is by its first bytes, said as «es …» (for an input whose extension lies about it). */
function actualKind(bytes: Buffer): { said: string; ext?: string } | undefined {
  const head = bytes.subarray(0, 1024).toString("latin1");
  if (head.includes("%PDF-")) return { said: "un PDF", ext: ".pdf" };
  if (head.startsWith("PK\x03\x04")) return { said: "un archivo comprimido (ZIP)" };
  if (head.startsWith("\xD0\xCF\x11\xE0")) return { said: "un documento de Word protegido con contraseña, o del formato antiguo .doc (Word 97-2003)" };
  if (head.startsWith("{\\rtf")) return { said: "un documento RTF" };
  if (!bytes.includes(0)) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { said: "un archivo de texto", ext: ".txt" };
    } catch {
      // not UTF-8 text: an unknown binary
    }
  }
  return undefined;
}

/** A .docx mammoth could not open: what the file really is, and what to do. */
function unreadableDocx(bytes: Buffer, error: unknown): SourceError {
  const detail = libraryMessage(error);
  const kind = actualKind(bytes);
  const resave = "Ábrelo en Word o LibreOffice y guárdalo como .docx (o expórtalo a PDF), o pide otra copia del comunicado.";
  if (kind?.said.startsWith("un documento de Word protegido")) {
    return new SourceError(`no se puede leer como .docx: es ${kind.said}.`, "Ábrelo en Word, quita la contraseña si la tiene (Archivo → Información → Proteger documento) y guárdalo como .docx.");
  }
  if (kind?.ext) return new SourceError(`no es un .docx válido: es ${kind.said} con la extensión cambiada.`, `Si es el comunicado, cámbiale la extensión a ${kind.ext} e impórtalo otra vez; si no, pide el .docx original.`);
  if (kind?.said.startsWith("un archivo comprimido")) {
    if (/main document part/i.test(detail)) {
      return new SourceError("no es un .docx válido: es un archivo comprimido (ZIP) sin documento de Word dentro (¿una hoja de Excel, una presentación o un .odt?).", resave);
    }
    return new SourceError("no es un .docx válido: el archivo está dañado o incompleto (¿se descargó o copió a medias?).", resave, detail);
  }
  if (kind) return new SourceError(`no es un .docx válido: es ${kind.said}.`, resave);
  return new SourceError("no es un .docx válido: no es un documento de Word, o está dañado.", resave, detail);
}

/** A .pdf pdf.js could not open: protected, damaged, or not a PDF at all. */
function unreadablePdf(bytes: Buffer, error: unknown): SourceError {
  const detail = libraryMessage(error);
  if ((error as Error)?.name === "PasswordException") {
    return new SourceError("el PDF está protegido con contraseña.", "Pide una copia sin contraseña, o ábrelo con la contraseña y vuelve a exportarlo a PDF (o guárdalo como .docx).");
  }
  const kind = actualKind(bytes);
  if (kind?.said === "un PDF") {
    return new SourceError("el PDF está dañado o incompleto (¿se descargó o copió a medias?).", "Ábrelo en un lector de PDF: si abre, vuelve a exportarlo a PDF; si no, pide otra copia del comunicado.", detail);
  }
  if (kind?.said.startsWith("un archivo comprimido")) return new SourceError("no es un PDF: es un archivo comprimido (¿un .docx con la extensión cambiada?).", "Si es un documento de Word, cámbiale la extensión a .docx e impórtalo otra vez.");
  if (kind?.ext) return new SourceError(`no es un PDF: es ${kind.said} con la extensión cambiada.`, `Si es el comunicado, cámbiale la extensión a ${kind.ext} e impórtalo otra vez; si no, pide el PDF original.`);
  if (kind) return new SourceError(`no es un PDF: es ${kind.said}.`, "Ábrelo en Word o LibreOffice y guárdalo como .docx, o pide el PDF original.");
  return new SourceError("no es un PDF válido.", "Pide otra copia del comunicado, en PDF o en Word.", detail);
}

/** The first line of a converter's error, as a technical detail. */
function libraryMessage(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!.trim();
}

/** A markdown file that already has front matter with bulletin fields (importing it would mangle it). */
function isBulletinFile(text: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return !!m && /^(?:title|date|titulo|título|fecha)\s*:/im.test(m[1] ?? "");
}

/**
 * Converted text should be UTF-8 (with or without BOM). Text saved by Notepad or by Word as «Texto sin
 * formato» with the Windows encoding is Windows-1252 (Latin-1 and typographic quotes, dashes, bullets):
 * each line that is not valid UTF-8 is read as Windows-1252, and the editor is told, so the accents can
 * be checked. A file mixing both (text pasted from two sources) keeps its UTF-8 lines, and the notice
 * says which lines were read as Windows-1252.
 * UTF-16 is named, not mangled; bytes that are text in neither encoding are refused.
 */
function decodeText(bytes: Buffer): { text: string; notes: string[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SourceError("está en UTF-16; guárdalo como UTF-8.");
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return { text: utf8.decode(bytes), notes: [] };
  } catch {
    // some line is not UTF-8: read line by line below
  }
  const lines: string[] = [];
  const latinLines: number[] = [];
  let utf8Accents = false;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      const decoded = utf8.decode(line);
      utf8Accents ||= /[^\x00-\x7F]/.test(decoded);
      lines.push(decoded);
    } catch {
      latinLines.push(lines.length + 1);
      lines.push(decodeWindows1252(line));
    }
    if (end === -1) break;
    start = end + 1;
  }
  const text = lines.join("\n");
  if (!looksLikeText(text)) throw new SourceError("no es UTF-8 válido ni texto en Windows-1252 (Latin-1); guárdalo como texto UTF-8.");
  // Only a file that also has UTF-8 accents mixes both: then which lines were read so is worth saying.
  const which = !utf8Accents || latinLines.length > 10 ? "" : ` (${latinLines.length === 1 ? "línea" : "líneas"} ${listLines(latinLines)})`;
  return {
    text,
    notes: [`el archivo no está en UTF-8: se leyó como Windows-1252 (Latin-1)${which}. Revisa los acentos, la ñ y las comillas; para evitarlo, guárdalo como texto UTF-8.`],
  };
}

/**
 * What Windows-1252 puts at 0x80–0x9F (where ISO-8859-1 has control characters): quotes, dashes, the
 * bullet, the ellipsis, the euro. Node 20's TextDecoder("windows-1252") decodes those bytes as
 * ISO-8859-1, so the table is written here. The five bytes Windows-1252 leaves unassigned stay controls.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** `3`, `3 y 7`, `3, 7 y 12`. */
function listLines(numbers: number[]): string {
  return numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(", ")} y ${numbers[numbers.length - 1]}`;
}

/**
 * Text in Windows-1252 has letters and almost no control characters or unassigned bytes (which the
 * decoder maps to C0/C1 controls); a binary file read that way is mostly those.
 */
function looksLikeText(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g)?.length ?? 0;
  return /\p{L}/u.test(text) && controls <= text.length / 100;
}
