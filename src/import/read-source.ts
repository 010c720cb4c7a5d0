import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { docxToText } from "./docx.ts";
import { pdfToText } from "./pdf.ts";

/** What the importer accepts, by extension; anything else is refused rather than guessed. */
export const IMPORT_EXTENSIONS = [".docx", ".pdf", ".txt", ".md", ".markdown", ".text"] as const;

/** A release is a few pages; beyond this the input is not a press release (or is mostly images). */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export class SourceError extends Error {}

export interface SourceText {
  text: string;
  /** Converter notes worth showing (mammoth's warnings). */
  notes: string[];
}

export async function readReleaseSource(file: string): Promise<SourceText> {
  const ext = path.extname(file).toLowerCase();
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    const resave = [".doc", ".rtf", ".odt", ".pages", ".wpd"].includes(ext) ? " Ábrelo en Word o LibreOffice y guárdalo como .docx (o expórtalo a PDF)." : "";
    throw new SourceError(`«${ext || path.basename(file)}» no es un formato que se pueda importar; se aceptan ${IMPORT_EXTENSIONS.join(", ")}.${resave}`);
  }
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
  const bytes = await readFile(file);
  try {
    if (ext === ".docx") {
      const { text, messages } = await docxToText(bytes);
      return { text, notes: messages };
    }
    if (ext === ".pdf") return { text: await pdfToText(bytes), notes: [] };
  } catch (error) {
    const kind = ext === ".docx" ? "Word" : "PDF";
    throw new SourceError(`no se pudo leer como ${kind} (${(error as Error).message.split("\n")[0]}); ¿está dañado o protegido con contraseña?`);
  }
  const text = decodeUtf8Text(bytes);
  if (isBulletinFile(text)) {
    throw new SourceError("ya es un boletín con encabezado (front matter); no se importa: cópialo a content/ y revísalo con «boletines check».");
  }
  return { text, notes: [] };
}

/** A markdown file that already has front matter with bulletin fields (importing it would mangle it). */
function isBulletinFile(text: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return !!m && /^(?:title|date|titulo|título|fecha)\s*:/im.test(m[1] ?? "");
}

/** Converted text must be UTF-8 (with or without BOM); UTF-16 and Windows-1252 are named, not mangled. */
function decodeUtf8Text(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SourceError("está en UTF-16; guárdalo como UTF-8.");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError("no es UTF-8 válido (¿Windows-1252?); guárdalo como UTF-8.");
  }
}
