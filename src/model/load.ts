import { closeSync, fstatSync, openSync, readSync, type Dirent } from "node:fs";
import { lstat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type GrayMatter from "gray-matter";
import type JsYaml from "js-yaml";
import { lazyRequire } from "../lazy-require.ts";
import type { Problem } from "./problems.ts";

const grayMatter = lazyRequire<typeof GrayMatter>("gray-matter");
const jsYaml = lazyRequire<typeof JsYaml>("js-yaml");

/**
 * Reading `content/`: files, encodings, front matter. Produces raw values with positions;
 * `normalize.ts` turns them into a `Bulletin`.
 */
export interface FieldPosition {
  line: number;
  column: number;
}

export interface SourceDocument {
  /** Path shown to the user (relative to the working directory when possible). */
  file: string;
  /** Path relative to the content folder, `/`-separated, e.g. `2021/2021-08-19-reconoce.md`. */
  relPath: string;
  /**
   * Front matter as plain values, read with YAML's failsafe schema: every scalar is the text the editor
   * wrote (`title: 1.50` is «1.50», `title: no` is «no», dates stay strings); an empty value is null.
   * What a flag or a date means is decided by the field that reads it (normalize.ts).
   */
  data: Record<string, unknown>;
  /** Position of each top-level field's key. */
  fields: Record<string, FieldPosition>;
  /**
   * The front matter as written, from the line after the opening `---` (its line N is the file's line
   * N): where an item of a list field is written is looked up here only when a problem names it
   * (`itemPosition`), not for every file.
   */
  matter: string;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** Text YAML read as a comment after a value (` #…`): not part of the value, so said to the editor. */
  comments: DroppedComment[];
}

/** ` #VacúnateYa` after `title: Arranca campaña`: YAML ends the value there and drops the rest. */
export interface DroppedComment {
  line: number;
  column: number;
  /** The top-level field the line belongs to. */
  field: string | undefined;
  /** What was dropped, from the `#`. */
  text: string;
  /** The line written so that it keeps the whole text, when that is what it most likely meant (checked by parsing it). */
  fixed?: string;
}

export type LoadResult = { ok: true; doc: SourceDocument } | { ok: false; problems: Problem[] };

/** Larger files are refused: a bulletin is a few kilobytes; megabytes mean a pasted binary or a mistake. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * A bulletin's front matter has no use for YAML aliases; a handful is tolerated, many are refused
 * (defends anything downstream against "billion laughs" expansions).
 */
const MAX_ALIAS_COUNT = 50;
export const CONTENT_EXTENSIONS = [".md", ".markdown"];

/** An absolute path with nothing to normalize: no `.` or `..` segment, no empty one, no trailing slash (not the root). */
const PLAIN_ABSOLUTE = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

export function displayPath(absPath: string, cwd = process.cwd()): string {
  // The usual cases without path.relative (asked once per content file on every build): a plain
  // absolute path inside the working folder, or outside it (shown whole, as path.relative would lead).
  if (path.sep === "/" && PLAIN_ABSOLUTE.test(absPath) && PLAIN_ABSOLUTE.test(cwd)) return absPath.startsWith(`${cwd}/`) ? absPath.slice(cwd.length + 1) : absPath;
  const rel = path.relative(cwd, absPath);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : absPath;
}

export interface ContentFile {
  absPath: string;
  relPath: string;
  /** Size, modification time and inode, when the listing stat-ed the file (build/prefetch.ts). */
  stamp?: [size: number, mtimeMs: number, ino: number];
}

export interface Listing {
  files: ContentFile[];
  problems: Problem[];
}

/**
 * All bulletin files under `contentDir`, sorted by relative path (determinism).
 * Folders and files whose names start with `.` or `_` are skipped (editor back-ups, notes).
 * A symlink is followed only when it stays inside the content folder.
 */
export async function listContentFiles(contentDir: string): Promise<Listing> {
  const root = await realpath(contentDir);
  // Paths under the content folder as given: their relative path is what follows this prefix.
  const base = path.resolve(contentDir) + path.sep;
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  async function walk(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      // An unreadable folder is reported like an unreadable file; the rest of the content is still checked.
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "EACCES" || code === "EPERM" ? "no hay permiso de lectura" : (error as Error).message;
      problems.push(fileProblem(dir, "folder-unreadable", `No se puede leer la carpeta: ${reason}.`, "Revisa los permisos de la carpeta y vuelve a intentarlo."));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          problems.push(fileProblem(abs, "symlink-broken", "Es un enlace simbólico roto.", "Borra el enlace o apúntalo a un archivo dentro de content/."));
          continue;
        }
        if (target !== root && !target.startsWith(root + path.sep)) {
          if (isContentName(entry.name) || (await lstat(target)).isDirectory()) {
            problems.push(
              fileProblem(abs, "symlink-outside", `Es un enlace simbólico a ${target}, fuera de la carpeta de contenido; no se lee.`, "Copia el archivo dentro de content/ en lugar de enlazarlo."),
            );
          }
          continue;
        }
        const stat = await lstat(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        if (isDir) continue; // a link to a folder inside content/ would list files twice
      }
      if (isDir) await walk(abs);
      else if (isFile && isContentName(entry.name)) {
        files.push({ absPath: abs, relPath: abs.startsWith(base) ? abs.slice(base.length).split(path.sep).join("/") : path.relative(contentDir, abs).split(path.sep).join("/") });
      } else if (isFile) {
        problems.push(notReadProblem(abs, entry.name));
      }
    }
  }
  await walk(contentDir);
  return { files, problems };
}

export function isContentName(name: string): boolean {
  return CONTENT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/** Releases as they arrive, before `boletines import` makes them bulletins. */
const RELEASE_EXTENSIONS = [".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt"];
/** Pictures, which the site takes from public/. */
const PICTURE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".heic", ".tif", ".tiff", ".bmp"];

/**
 * A file of content/ that is no bulletin (not .md or .markdown) is not read, and said, so that nothing
 * put there is lost without a word: a bulletin saved as `.md.txt` (Windows hides the extension), a
 * release not imported yet, a picture that belongs in public/. Names starting with `_` or `.` stay quiet.
 */
function notReadProblem(absPath: string, name: string): Problem {
  const lower = name.toLowerCase();
  const ext = path.extname(lower);
  const asBulletin = CONTENT_EXTENSIONS.find((e) => lower.endsWith(`${e}${ext}`) && ext !== "");
  const hint = asBulletin
    ? `Si es un boletín, quítale el ${name.slice(-ext.length)} del final: ${name.slice(0, -ext.length)} (Windows oculta las extensiones y agrega .txt al guardar).`
    : RELEASE_EXTENSIONS.includes(ext)
      ? `Si es un comunicado, conviértelo en boletín con node bin/boletines.js import ${displayPath(absPath)} (escribe el .md en content/) y quita este archivo de aquí.`
      : PICTURE_EXTENSIONS.includes(ext)
        ? "Las imágenes van en public/ (por ejemplo public/uploads/2024/foto.jpg) y se enlazan como /uploads/2024/foto.jpg."
        : "Si no es un boletín, muévelo fuera de content/ o empieza su nombre con _ para que se ignore sin aviso.";
  return { severity: "warning", code: "file-not-read", file: displayPath(absPath), message: `No se publica: solo se leen archivos ${CONTENT_EXTENSIONS.join(" y ")}.`, hint };
}

function fileProblem(absPath: string, code: string, message: string, hint: string): Problem {
  return { severity: "error", code, file: displayPath(absPath), message, hint };
}

/**
 * Synchronous on purpose: for tens of thousands of small files, one blocking read each is several
 * times cheaper than the open/stat/read/close round trips of the promise API.
 */
export function loadContentFile(file: ContentFile, onBytes?: (bytes: Buffer) => void): LoadResult {
  const shown = displayPath(file.absPath);
  const read = readBounded(file.absPath);
  if ("error" in read) {
    const reason = read.error.code === "EACCES" || read.error.code === "EPERM" ? "no hay permiso de lectura" : read.error.code === "ENOENT" ? "desapareció mientras se leía" : read.error.message;
    return { ok: false, problems: [{ severity: "error", code: "file-unreadable", file: shown, message: `No se puede leer el archivo: ${reason}.`, hint: "Revisa los permisos del archivo y vuelve a intentarlo." }] };
  }
  if ("size" in read) return tooLarge(read.size, shown);
  const bytes = read.bytes;
  // The very bytes parsed (the build cache names a file by their hash).
  onBytes?.(bytes);
  const decoded = decodeText(bytes, shown);
  if (!decoded.ok) return decoded;
  return parseSource(decoded.text, shown, file.relPath);
}

function tooLarge(size: number, file: string): { ok: false; problems: Problem[] } {
  return {
    ok: false,
    problems: [
      {
        severity: "error",
        code: "file-too-large",
        file,
        message: `El archivo pesa ${(size / 1024 / 1024).toFixed(1)} MB; el máximo para un boletín es ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        hint: "Revisa que no se haya pegado una imagen o un documento dentro del texto; las imágenes van en public/.",
      },
    ],
  };
}

/**
 * The file's bytes, or only its size when it is over the limit: a huge file (a pasted video, a
 * multi-gigabyte mistake) is refused without reading it. Same system calls as readFileSync.
 */
function readBounded(absPath: string): { bytes: Buffer } | { size: number } | { error: NodeJS.ErrnoException } {
  let fd: number;
  try {
    fd = openSync(absPath, "r");
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { size };
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, bytes, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { bytes: bytes.subarray(0, offset) };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  } finally {
    closeSync(fd);
  }
}

function decodeText(bytes: Buffer, file: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const fail = (code: string, message: string, hint: string) => ({
    ok: false as const,
    problems: [{ severity: "error" as const, code, file, message, hint }],
  });
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length, file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail("encoding-utf16", "El archivo está en UTF-16.", "Guárdalo como UTF-8 (en tu editor: «Guardar con codificación» → UTF-8).");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString("latin1").split("\n").length;
    return {
      ok: false,
      problems: [
        {
          severity: "error",
          code: "encoding-invalid",
          file,
          line,
          message: "El archivo no es UTF-8 válido (¿Windows-1252 o Latin-1?).",
          hint: "Guárdalo como UTF-8 (en tu editor: «Guardar con codificación» → UTF-8).",
        },
      ],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    const line = text.slice(0, nul).split("\n").length;
    return {
      ok: false,
      problems: [{ severity: "error", code: "nul-byte", file, line, message: "El archivo contiene un carácter nulo (NUL): parece binario o está dañado.", hint: "Quita el carácter o vuelve a exportar el texto." }],
    };
  }
  return { ok: true, text };
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes; a prefix may end inside a valid multi-byte char, so allow 3 bytes slack.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

const FRONT_MATTER_OPEN = "---";
/** Where gray-matter ends the front matter: the first line that starts with `---` after the first. */
const FRONT_MATTER_CLOSE = `\n${FRONT_MATTER_OPEN}`;

/** Parse one file's text. Exported for the importer and tests (same rules as files on disk). */
export function parseSource(input: string, file: string, relPath: string): LoadResult {
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, "\n");
  const problem = (code: string, message: string, hint: string, line?: number, column?: number): LoadResult => ({
    ok: false,
    problems: [{ severity: "error", code, file, message, hint, ...(line ? { line, column: column ?? 1 } : {}) }],
  });
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")).trimEnd();
  if (firstLine !== FRONT_MATTER_OPEN) {
    if (/^---\s*\S/.test(firstLine)) {
      return problem("front-matter-language", `El encabezado usa «${firstLine}»: solo se acepta YAML.`, "Empieza el archivo con una línea que diga solo ---.", 1);
    }
    return problem(
      "front-matter-missing",
      "El archivo no empieza con el encabezado (front matter) entre líneas ---.",
      "La primera línea debe ser --- seguida de los campos (title:, date:…) y otra línea ---.",
      1,
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return problem("front-matter-unclosed", "El encabezado no se cierra: falta la línea --- después de los campos.", "Agrega una línea con --- al final de los campos.", 1);
  }

  // gray-matter ends the front matter at the first line that starts with `---`: one that says more
  // (`----`, `--- fin`) would leave the rest of it as the body's first line (`-` makes an empty list item).
  const closeAt = text.indexOf(FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN.length);
  const closeEnd = text.indexOf("\n", closeAt + 1);
  const closing = text.slice(closeAt + 1, closeEnd === -1 ? text.length : closeEnd);
  if (closing.trimEnd() !== FRONT_MATTER_OPEN) {
    const line = text.slice(0, closeAt + 1).split("\n").length;
    return problem("front-matter-close", `La línea que cierra el encabezado dice «${closing.trimEnd()}»: debe decir solo ---.`, "Deja en esa línea tres guiones y nada más.", line);
  }

  // gray-matter is given the front matter and its delimiters only. It looks every input up in a
  // cache keyed by the whole text, which hashes the text: for a body of a few kilobytes that cost as
  // much as parsing the YAML. The body is then what gray-matter would have made it: everything after
  // the first `\n---`, less the one line break that ends that line.
  const headEnd = text.indexOf(FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN.length) + FRONT_MATTER_CLOSE.length;
  const head = text.slice(0, headEnd);
  const rest = text.slice(headEnd);
  const body = rest.charCodeAt(0) === 0x0a ? rest.slice(1) : rest;
  let parsed: GrayMatter.GrayMatterFile<string>;
  const yaml = jsYaml();
  try {
    parsed = grayMatter()(head, {
      language: "yaml",
      engines: {
        // Duplicate keys are errors; the schema keeps every scalar as written (FRONT_MATTER_SCHEMA).
        yaml: {
          parse: (source: string): object => {
            if (countAliases(source) > MAX_ALIAS_COUNT) throw new AliasBombError();
            return (yaml.load(source, { schema: frontMatterSchema() }) ?? {}) as object;
          },
          stringify: () => {
            throw new Error("not used");
          },
        },
      },
    });
  } catch (error) {
    return yamlProblem(error, file, head);
  }
  const data = parsed.data as unknown;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return problem("front-matter-not-map", "El encabezado no es una lista de campos «nombre: valor».", "Escribe un campo por línea, por ejemplo title: \"Mi boletín\".", 2);
  }
  const bodyStart = text.length - body.length;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  return { ok: true, doc: { file, relPath, data: data as Record<string, unknown>, fields: fieldPositions(parsed.matter), matter: parsed.matter, body, bodyLine, comments: droppedComments(parsed.matter) } };
}

class AliasBombError extends Error {}

/**
 * js-yaml's failsafe schema: no scalar is resolved to a number, a boolean or null. A text field keeps
 * exactly what the editor wrote (`title: 1.50`, `007`, `1e3`, `0x1A`, `.5`, `no`, `True` would be
 * 1.5, 7, 1000, 26, 0.5, false, true with the core schema), and a date its offset. Only an empty value
 * is null; `nil`, `~`, `null` are texts that every field takes as «no value» (policy/empty.ts).
 */
function frontMatterSchema(): JsYaml.Schema {
  return jsYaml().FAILSAFE_SCHEMA;
}

function countAliases(source: string): number {
  return (source.match(/(?:^|[\s[{,])\*[^\s,\]}]+/g) ?? []).length;
}

/** A key at the start of a line of the front matter (`title:`, `"title":`). */
const KEY_AT_START = /^(?:"([^"]+)"|'([^']+)'|([^\s#"'\-?:][^:#]*?))\s*:(?:\s|$)/;

/**
 * Where `text` (an item of the list or the value of `field`, as written) is in the front matter: the
 * first place it appears on the field's key line (after the key) or on the lines under it, up to the
 * next field. Undefined when the field has no line or the text is written otherwise (quoted with
 * escapes, folded over lines): then the field's own line says where.
 */
export function itemPosition(doc: Pick<SourceDocument, "fields" | "matter">, field: string, text: string): FieldPosition | undefined {
  const key = doc.fields[field];
  if (!key || text === "") return undefined;
  const lines = doc.matter.split("\n");
  for (let i = key.line - 1; i < lines.length; i++) {
    const line = lines[i]!;
    let from = 0;
    if (i === key.line - 1) from = KEY_AT_START.exec(line)?.[0].length ?? 0;
    else if (KEY_AT_START.test(line)) break;
    const at = line.indexOf(text, from);
    if (at >= 0) return { line: i + 1, column: at + 1 };
  }
  return undefined;
}

/**
 * Line of each top-level field. Front matter is a block map whose keys start at column 1;
 * gray-matter's block starts with the newline after the opening ---, so block line N is file line N.
 */
function fieldPositions(block: string): Record<string, FieldPosition> {
  const fields: Record<string, FieldPosition> = {};
  const lines = block.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = KEY_AT_START.exec(lines[i]!);
    const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (key !== undefined && !(key in fields)) fields[key] = { line: i + 1, column: 1 };
  }
  return fields;
}

/**
 * Comments after a value in the front matter (`title: Arranca campaña #VacúnateYa` is the title
 * «Arranca campaña»). Lines inside a block scalar (`|`, `>`) are text, not comments; whole-line
 * comments are the editor's own notes and are left alone.
 */
function droppedComments(block: string): DroppedComment[] {
  const found: DroppedComment[] = [];
  if (!block.includes("#")) return found;
  let field: string | undefined;
  let inBlockScalar = false;
  block.split("\n").forEach((raw, i) => {
    const top = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(raw);
    if (top) {
      field = top[1];
      inBlockScalar = false;
    } else if (inBlockScalar || /^\s*(#|$)/.test(raw)) return;
    const m = top ? /^[A-Za-z_][\w-]*[ \t]*:[ \t]+/.exec(raw) : /^([ \t]*-[ \t]+)/.exec(raw);
    if (!m) return;
    const value = raw.slice(m[0].length);
    if (top && /^[|>][+-]?\d*[ \t]*(#.*)?$/.test(value)) {
      inBlockScalar = true;
      return;
    }
    const at = commentStart(value);
    if (at === undefined) return;
    const text = value.slice(at).trimEnd();
    if (text.replace(/^#+/, "").trim() === "") return;
    const kept = value.slice(0, at).trim();
    const plain = !/^["'[{]/.test(kept);
    const meant = value.trim();
    const fixed = `${m[0]}${quotedYaml(meant)}`;
    const parsedFixed = plain ? loadYaml(fixed.trimStart())?.value : undefined;
    const keeps = top ? (parsedFixed as Record<string, unknown> | undefined)?.[top[1]!] === meant : Array.isArray(parsedFixed) && parsedFixed[0] === meant;
    found.push({ line: i + 1, column: m[0].length + at + 1, field, text, ...(plain && keeps ? { fixed } : {}) });
  });
  return found;
}

/** Where a comment starts in a value (a `#` at its start or after a space, outside quotes), if anywhere. */
function commentStart(value: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && value[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    // A quote opens only where a value or a flow item starts.
    if ((c === '"' || c === "'") && (i === 0 || /[[{,:\s]/.test(value[i - 1]!))) quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(value[i - 1]!))) return i;
  }
  return undefined;
}

/**
 * Every reason js-yaml's loader (node_modules/js-yaml/lib/loader.js) can give for front matter it cannot
 * read, said in Spanish: what is wrong and, when it is not to quote the value (`quotedLine` writes that
 * line when quoting gives the text back), what to do. The reason is matched in this order; `m` is the
 * match, to name what the reason quotes (an alias, a tag). Duplicated keys, more than one document and
 * an unclosed quote are said with more detail in `yamlProblem`; a reason not here (a later js-yaml) is
 * said as «detalle técnico».
 */
const YAML_REASONS: Array<{ re: RegExp; says: string | ((m: RegExpExecArray) => string); todo?: string; quoting?: false }> = [
  // Before the tags: «%YAML», «%TAG» lines (their reasons speak of tag handles and prefixes too).
  {
    re: /directive|YAML version|tag handle \(first argument\)|tag prefix|previously declared suffix|directives end mark/,
    says: "una línea empieza con «%», que YAML lee como una directiva",
    todo: "Cada campo empieza con su nombre (title:, date:…). Si «%» es parte de un valor, escribe el valor entre comillas: description: \"%50 de descuento\".",
  },
  { re: /within a (double|single) quoted scalar/, says: "faltan las comillas que cierran un valor", todo: "Cierra las comillas al final del valor, o quítalas." },
  { re: /within a flow collection/, says: "falta cerrar una lista «[…]» o «{…}»", todo: "Cierra la lista con «]» en la misma línea: tags: [salud, imss]; si «[» o «{» es parte del texto, pon el valor entre comillas." },
  { re: /missed comma between flow collection entries/, says: "falta una coma entre los elementos de una lista «[…]», o su «]»", todo: "Separa los elementos con comas y cierra la lista: tags: [salud, imss]." },
  { re: /expected the node content, but found ','/, says: "una lista «[…]» tiene una coma de más (un elemento vacío)", todo: "Quita la coma sobrante: tags: [salud, imss]." },
  { re: /end of the stream or a document separator is expected/, says: "una línea no tiene la forma «nombre: valor»", todo: "Escribe cada campo como nombre: valor, con un espacio después de «:»; los elementos de una lista van debajo de su campo, cada uno con «- » y la misma sangría." },
  {
    re: /a whitespace character is expected after the key-value separator|a multiline key may not be an implicit key|a colon is missed/,
    says: "a una línea le falta el espacio después de «:», o no tiene la forma «nombre: valor»",
    todo: "Escribe cada campo como nombre: valor, con un espacio después de «:» (date: 2024-04-09).",
  },
  {
    re: /incomplete explicit mapping pair|nested arrays are not supported inside keys/,
    says: "una línea empieza con «?», que YAML lee como el comienzo de un nombre de campo",
    todo: "Cada campo es nombre: valor en una línea; si «?» es parte de un valor, escribe el valor entre comillas.",
  },
  { re: /unknown escape sequence|expected hexadecimal character/, says: "una barra invertida «\\» entre comillas dobles no forma un escape válido", todo: "Escribe «\\\\» por cada barra invertida, o escribe el valor entre comillas simples ('…')." },
  {
    re: /expected valid JSON character|non-printable characters|null byte/,
    says: "hay caracteres de control invisibles",
    todo: "Borra el carácter invisible de esa línea (suele llegar al copiar de Word o de un PDF) o vuelve a escribir el valor.",
    // Quoted, the character would still be there.
    quoting: false,
  },
  { re: /tab characters must not be used in indentation/, says: "hay tabuladores en la sangría (YAML solo acepta espacios)", todo: "Cambia los tabuladores del principio de la línea por espacios." },
  { re: /bad indentation of a sequence entry/, says: "un elemento de lista («- ») no tiene la sangría de los demás", todo: "Escribe cada «- » en su propia línea, con la misma sangría que los demás elementos (por ejemplo, dos espacios)." },
  { re: /bad indentation of a mapping entry/, says: "un valor sin comillas contiene «: », o sigue texto después de cerrar unas comillas, «]» o «}»" },
  {
    re: /chomping mode|indentation width|a line break is expected/,
    says: "«|» o «>» al principio de un valor anuncian un texto en varias líneas, y lo que les sigue en esa línea no es válido",
    todo: "Si el valor empieza con «|» o «>», escríbelo entre comillas; si es un texto en varias líneas, deja «|» o «>» al final de la línea y escribe el texto debajo, con sangría.",
  },
  {
    re: /unknown tag !<(.*)>/,
    says: (m) => `un valor empieza con «${writtenTag(m[1]!)}», que YAML lee como una etiqueta de tipo, no como texto`,
    todo: "Quita la etiqueta (aquí cada valor se lee como texto); si «!» es parte del texto, escribe el valor entre comillas.",
  },
  {
    re: /tag|!</,
    says: "un valor empieza con «!», que YAML lee como una etiqueta de tipo, no como texto",
    todo: "Si «!» es parte del texto, escribe el valor entre comillas: title: \"!Atención!\"; si es una etiqueta de YAML, quítala.",
  },
  {
    re: /unidentified alias "(.*)"/,
    says: (m) => `«*${m[1]}»: un valor que empieza con «*» es para YAML una referencia (alias) a otro valor, y no hay ninguno llamado «${m[1]}»`,
    todo: "Si «*» es parte del texto, escribe el valor entre comillas: title: \"*Nuevo* programa\".",
  },
  {
    re: /alias|anchor/,
    says: "un valor empieza con «&» o «*», que YAML lee como un ancla o una referencia (alias) a otro valor",
    todo: "Si «&» o «*» es parte del texto, escribe el valor entre comillas; los valores se escriben completos, sin anclas ni alias.",
  },
  { re: /cannot merge mappings/, says: "«<<:» quiere unir los campos de otro grupo, pero su valor no es un grupo de campos", todo: "Quita la línea «<<:»: escribe los campos directamente." },
];

/** A tag as written: `tag:yaml.org,2002:int` is `!!int`, `!foo` is itself, any other is `!<…>`. */
function writtenTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag.startsWith("!") ? tag : `!<${tag}>`;
}

/**
 * A field written without the space after its colon (`date:2024-04-09`), on the line at or above
 * `markLine` (js-yaml finds it a line later), with the line written with it.
 */
function missingSpace(lines: readonly string[], markLine: number): { index: number; column: number; fixed: string } | undefined {
  for (let i = Math.min(markLine, lines.length - 1); i >= 1; i--) {
    const m = /^([A-Za-z_][\w-]*):([^\s:/].*)$/.exec(lines[i]!);
    if (!m) continue;
    const fixed = `${m[1]}: ${m[2]}`;
    return loadYaml(fixed) ? { index: i, column: m[1]!.length + 2, fixed } : undefined;
  }
  return undefined;
}

/**
 * `bad indentation of a mapping entry` on an indented line: what its indentation means. A `key: value`
 * line indented under a field with a value is read as the rest of that value; a `- ` item out of line
 * with the ones above it, as a mistake of indentation.
 */
function indentationReason(lines: readonly string[], markLine: number): { says: string; todo: string } | undefined {
  const text = lines[markLine] ?? "";
  const inline = /^([A-Za-z_][\w-]*):[ \t]+-[ \t]+(\S.*?)\s*$/.exec(text);
  if (inline) {
    return { says: `«${inline[1]}:» y su primer elemento de lista («- ») están en la misma línea`, todo: `Escribe ${inline[1]}: solo en su línea y, debajo, cada elemento en la suya: «  - ${inline[2]}».` };
  }
  if (!/^[ \t]+\S/.test(text)) return undefined;
  if (/^[ \t]+-(?:[ \t]|$)/.test(text)) {
    return { says: `el elemento de lista de la línea ${markLine + 1} no tiene la sangría de los anteriores`, todo: "Escribe todos los elementos de la lista con la misma sangría (por ejemplo, dos espacios antes de «- »)." };
  }
  const key = KEY_AT_START.exec(text.trimStart());
  const above = lines[markLine - 1] ?? "";
  if (key && /^[^\s#-][^:]*:[ \t]+\S/.test(above)) {
    return {
      says: `la línea ${markLine + 1} empieza con espacios, así que YAML la lee como la continuación del valor de la línea anterior, y ese valor no puede contener «: »`,
      todo: `Si «${key[1] ?? key[2] ?? key[3]}:» es otro campo, quita los espacios del principio de la línea ${markLine + 1}; si es parte del valor anterior, escribe ese valor entre comillas.`,
    };
  }
  return undefined;
}

function yamlProblem(error: unknown, file: string, head: string): LoadResult {
  let message: string;
  let hint = "Revisa comillas, dos puntos y sangrías en esa línea; si un valor contiene «:» o «#», ponlo entre comillas.";
  let line: number | undefined;
  let column: number | undefined;
  let field: string | undefined;
  let open: UnclosedQuote | undefined;
  if (error instanceof AliasBombError) {
    message = "El encabezado usa demasiados alias YAML (*): se rechaza para no agotar la memoria.";
    hint = "Escribe los valores directamente, sin anclas ni alias.";
  } else if (error instanceof RangeError) {
    // The parser recursed until the stack ran out: thousands of nested [ or { (a hostile or broken file).
    message = "El encabezado YAML está anidado demasiado profundo ([ [ [ … o { { { …) y no se puede leer.";
    hint = "Escribe los valores como texto o como una lista simple, sin listas dentro de listas.";
  } else if (error instanceof jsYaml().YAMLException) {
    // Marks are 0-based lines of the block, whose line 0 is the opening --- (file line 1).
    // Some errors carry no mark (a second document after a `...` line).
    const mark = error.mark as { line: number; column: number } | undefined;
    if (mark) {
      line = mark.line + 1;
      column = mark.column + 1;
    }
    if (/single document/.test(error.reason)) {
      message = "El encabezado contiene más de un documento YAML (una línea «...» o «---» en medio de los campos).";
      hint = "Deja solo los campos entre la primera y la segunda línea ---.";
    } else if (/duplicated mapping key/.test(error.reason)) {
      const duplicate = mark ? duplicatedKey(head.split("\n"), mark.line, mark.column) : undefined;
      if (duplicate?.firstLine) {
        message = `El campo «${duplicate.key}» aparece dos veces en el encabezado (líneas ${duplicate.firstLine} y ${line}).`;
        hint = `Deja una sola línea ${duplicate.key}: (la que tiene el valor correcto) y borra la otra.`;
      } else if (duplicate) {
        message = `El campo «${duplicate.key}» aparece dos veces${duplicate.parent ? ` dentro de «${duplicate.parent}»` : ""} en el encabezado.`;
        hint = `Deja un solo «${duplicate.key}:» y borra el otro.`;
      } else {
        message = "Un campo aparece dos veces en el encabezado.";
        hint = "Deja una sola línea para ese campo.";
      }
      if (duplicate && !duplicate.parent) field = duplicate.key;
    } else if (/within a (double|single) quoted scalar/.test(error.reason) && (open = unclosedQuote(head.split("\n")))) {
      // js-yaml reads an unclosed quote to the end of the front matter and says so there: the line
      // to fix is the one where the quote opens.
      line = open.line;
      column = open.column;
      field = open.field ?? open.parent;
      const opens = open.quote === '"' ? `abre comillas («"») en la línea ${open.line} y no las cierra` : `abre una comilla simple («'») en la línea ${open.line} y no la cierra`;
      message = `El encabezado YAML no se puede leer: ${open.field ? `el valor de «${open.field}»` : open.parent ? `un elemento de «${open.parent}»` : "un valor"} ${opens}: todo lo que sigue hasta el final del encabezado quedaría dentro.`;
      const close = open.quote === '"' ? "Cierra las comillas" : "Cierra la comilla simple";
      hint = open.fixed
        ? `${close} al final del valor: ${open.fixed}`
        : `${close} al final del valor, o quítala${open.quote === '"' ? "s" : ""}; si el texto lleva ${open.quote} dentro, escríbelo entre ${open.quote === '"' ? "comillas simples" : "comillas dobles"}.`;
    } else {
      const lines = head.split("\n");
      const reason = error.reason;
      const indented = mark && /bad indentation of a mapping entry/.test(reason) ? indentationReason(lines, mark.line) : undefined;
      let says: string | undefined = indented?.says;
      let todo: string | undefined = indented?.todo;
      if (!indented) {
        for (const known of YAML_REASONS) {
          const m = known.re.exec(reason);
          if (!m) continue;
          says = typeof known.says === "string" ? known.says : known.says(m);
          todo = known.todo;
          break;
        }
      }
      const space = mark && /after the key-value separator|multiline key|colon is missed/.test(reason) ? missingSpace(lines, mark.line) : undefined;
      // A list left open is found where the next line starts: said where it opens.
      const list = /within a flow collection|missed comma between flow collection entries/.test(reason) ? scanValues(lines).flow : undefined;
      if (list && (!mark || list.index <= mark.line)) {
        line = list.index + 1;
        column = list.column + 1;
        const top = KEY_AT_START.exec(lines[list.index]!);
        if (top) field = top[1] ?? top[2] ?? top[3];
        const bracket = lines[list.index]![list.column] === "{" ? "«{…}» que abre aquí no se cierra con «}»" : "«[…]» que abre aquí no se cierra con «]»";
        if (mark && list.index < mark.line) {
          says = `la lista ${bracket} en la misma línea`;
          todo = YAML_REASONS.find((known) => known.re.test("within a flow collection"))!.todo;
        }
      }
      message = `El encabezado YAML no se puede leer: ${says ?? `la línea no es YAML válido (detalle técnico: ${reason})`}.`;
      const quoting = !indented && YAML_REASONS.find((known) => known.re.test(reason))?.quoting !== false;
      const fix = mark && quoting ? quotedLine(lines[mark.line] ?? "") : undefined;
      if (space) {
        line = space.index + 1;
        column = space.column;
        message = "El encabezado YAML no se puede leer: falta el espacio después de «:».";
        hint = `Escribe un espacio después de los dos puntos: ${space.fixed}`;
      } else if (fix) hint = `${/escape|hexadecimal/.test(reason) ? "Escribe la línea así" : "Pon el valor entre comillas"}: ${fix}`;
      else if (todo) hint = todo;
    }
  } else {
    message = `El encabezado YAML no se puede leer (detalle técnico: ${(error as Error)?.message ?? String(error)}).`;
  }
  return { ok: false, problems: [{ severity: "error", code: "yaml-syntax", file, ...(field ? { field } : {}), message, hint, ...(line ? { line, column: column ?? 1 } : {}) }] };
}

interface UnclosedQuote {
  /** File line and column (1-based) of the quote. */
  line: number;
  column: number;
  quote: '"' | "'";
  /** The top-level field whose value it opens, when it is a field's line. */
  field?: string;
  /** Otherwise, the field it is inside of (an item of `tags:`). */
  parent?: string;
  /** The line with the quote closed at its end, when that line then reads as the text the editor wrote. */
  fixed?: string;
}

/**
 * The quote that opens a value and is never closed (`title: "Hola`), found by following the front
 * matter's values as YAML reads them: a quote opens a quoted value only where a value starts (after
 * `key: `, `- `, `[`, `{` or `,`); inside a plain value (`title: Dijo "hola`) it is a character. A
 * quoted value may go on over several lines; `\"` and `''` do not close it. `lines` are the front
 * matter's lines as in the file (index 0 is the opening ---).
 */
function unclosedQuote(lines: string[]): UnclosedQuote | undefined {
  const { quote, flow } = scanValues(lines);
  if (!quote) return undefined;
  const open = quote;
  const text = lines[open.index]!;
  const top = KEY_AT_START.exec(text);
  const field = top ? (top[1] ?? top[2] ?? top[3]) : undefined;
  const parent = field ? undefined : fieldAbove(lines, open.index);
  const fixed = `${text.trimEnd()}${open.quote}`;
  // Closed at the end of its line, the value must read whole: a line that then parses alone (a field,
  // or a list item whose indentation is its own).
  const reads = !flow && loadYaml(fixed.trimStart()) !== undefined && !/\s#/.test(text.slice(open.column));
  return { line: open.index + 1, column: open.column + 1, quote: open.quote, ...(field ? { field } : {}), ...(parent ? { parent } : {}), ...(reads ? { fixed: fixed.trim() } : {}) };
}

/**
 * Follows the front matter's values as YAML reads them (see `unclosedQuote`): the quote left open at
 * the end, if any, and the outermost list or group («[», «{») left open, if any (0-based line index
 * into `lines`, and column).
 */
function scanValues(lines: readonly string[]): { quote?: { index: number; column: number; quote: '"' | "'" }; flow?: { index: number; column: number } } {
  let open: { index: number; column: number; quote: '"' | "'" } | undefined;
  let flowOpen: { index: number; column: number } | undefined;
  let flow = 0;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    let j = 0;
    let valueStarts = true;
    if (open) {
      const close = closingQuote(text, 0, open.quote);
      if (close === -1) continue;
      open = undefined;
      j = close + 1;
      valueStarts = false;
    } else if (flow === 0) {
      if (/^\s*(#|$)/.test(text)) continue;
      j = BLOCK_LINE_START.exec(text)![0].length;
    }
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (c === " " || c === "\t") continue;
      if (c === "#" && (j === 0 || /\s/.test(text[j - 1]!))) break;
      if (valueStarts && (c === '"' || c === "'")) {
        const close = closingQuote(text, j + 1, c);
        if (close === -1) {
          open = { index: i, column: j, quote: c };
          break;
        }
        j = close;
        valueStarts = false;
      } else if ((c === "[" || c === "{") && (valueStarts || flow > 0)) {
        if (flow === 0) flowOpen = { index: i, column: j };
        flow++;
        valueStarts = true;
      } else if (flow > 0 && (c === "]" || c === "}")) {
        flow--;
        valueStarts = false;
      } else if (flow > 0 && c === ",") valueStarts = true;
      else if (c === ":" && (j + 1 === text.length || /[\s,\]}]/.test(text[j + 1]!))) valueStarts = true;
      else valueStarts = false;
    }
  }
  return { ...(open ? { quote: open } : {}), ...(flow > 0 && flowOpen ? { flow: flowOpen } : {}) };
}

/** The top-level field an indented line of the front matter belongs to (the nearest one above it). */
function fieldAbove(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= 1; i--) {
    const top = /^[^\s#-]/.test(lines[i]!) ? KEY_AT_START.exec(lines[i]!) : null;
    if (top) return top[1] ?? top[2] ?? top[3]!;
  }
  return undefined;
}

/** The start of a block line up to where its value starts: indentation, `- ` items, a `key:`. */
const BLOCK_LINE_START = /^[ \t]*(?:-[ \t]+)*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'?:,[\]{}-][^#]*?)[ \t]*:(?=[ \t]|$))?/;

/** Where a quoted value that started before `from` closes on this line, or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let k = from; k < text.length; k++) {
    if (quote === '"' && text[k] === "\\") k++;
    else if (text[k] === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

/**
 * The key js-yaml found twice: the one at its mark (the second occurrence). For a top-level field, also
 * the file line of its first occurrence; for a key inside a field (a list of maps), that field.
 * `lines` are the front matter's lines as in the file (index 0 is the opening ---).
 */
function duplicatedKey(lines: string[], markLine: number, markColumn: number): { key: string; firstLine?: number; parent?: string } | undefined {
  const text = lines[markLine] ?? "";
  const m = KEY_AT_START.exec(text.slice(markColumn));
  const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (key === undefined) return undefined;
  if (markColumn === 0) {
    for (let i = 1; i < markLine; i++) {
      const earlier = KEY_AT_START.exec(lines[i]!);
      if (earlier && (earlier[1] ?? earlier[2] ?? earlier[3]) === key) return { key, firstLine: i + 1 };
    }
    return { key };
  }
  const parent = fieldAbove(lines, markLine);
  return parent ? { key, parent } : { key };
}

/**
 * A field line that does not parse because its value needed quotes (`title: [Video] IMSS…`,
 * `title: IMSS: inaugura…`, `title: "IMSS "inaugura" clínica"`), written so that it parses as the
 * text the editor meant; undefined when quoting would not give that text back.
 */
function quotedLine(line: string): string | undefined {
  const m = /^([A-Za-z_][\w-]*):[ \t]+(\S.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const [, key, raw] = m as unknown as [string, string, string];
  // A line that parses alone is not the one to fix (the error began on an earlier line).
  if (loadYaml(line)) return undefined;
  // Already between quotes that it also contains: the editor meant what is inside them.
  const inner = raw.length > 1 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) ? raw.slice(1, -1) : raw;
  const fixed = `${key}: ${quotedYaml(inner)}`;
  return (loadYaml(fixed)?.value as Record<string, unknown> | undefined)?.[key] === inner ? fixed : undefined;
}

/** A text as a quoted YAML scalar: double quotes, or single ones when it holds double quotes. */
function quotedYaml(text: string): string {
  return text.includes('"') ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
}

/** A YAML text read with the front matter's schema; undefined when it does not parse. */
function loadYaml(text: string): { value: unknown } | undefined {
  try {
    return { value: jsYaml().load(text, { schema: frontMatterSchema() }) };
  } catch {
    return undefined;
  }
}
