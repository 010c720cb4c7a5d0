import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { listContentFiles, parseSource } from "../model/load.ts";
import { normalizeBulletinNumber } from "../model/normalize.ts";

/**
 * The bulletins already in the content folder, by release number, so that importing a release again
 * (with another `--date`, or after a correction) finds the file it wrote the first time instead of
 * writing a second one next to it (the build would then fail on the duplicated number).
 *
 * The folder is listed with the build's rules (hidden and `_` files skipped). Numbers are read from each
 * file's `number:` line, and a file that seems to match is then read with the build's loader, so a number
 * in the text or in a comment is never taken for the bulletin's.
 */
export class ExistingReleases {
  /** Normalized number → absolute paths of the files on disk whose `number:` line has it (candidates). */
  private readonly byNumber = new Map<string, Set<string>>();
  /** Files this run wrote (or, with --dry-run, would write), with their numbers. */
  private readonly planned = new Map<string, string | undefined>();

  private constructor(private readonly contentDir: string) {}

  /** Nothing known (`--json` writes nothing). */
  static none(contentDir: string): ExistingReleases {
    return new ExistingReleases(contentDir);
  }

  static async scan(contentDir: string): Promise<ExistingReleases> {
    const found = new ExistingReleases(contentDir);
    if (!existsSync(contentDir)) return found;
    const { files } = await listContentFiles(contentDir);
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file.absPath, "utf8");
      } catch {
        continue; // `check` names unreadable files; here they simply hold no number
      }
      for (const number of quickNumbers(text)) {
        let paths = found.byNumber.get(number);
        if (!paths) found.byNumber.set(number, (paths = new Set()));
        paths.add(file.absPath);
      }
    }
    return found;
  }

  /** A file this run wrote (or, with --dry-run, would write). */
  add(absPath: string, number: string | undefined): void {
    this.planned.set(absPath, number ? normalizeBulletinNumber(number) : undefined);
  }

  /** Whether this run wrote (or would write) the file. */
  isPlanned(absPath: string): boolean {
    return this.planned.has(absPath);
  }

  /** A file this run replaced (removed). */
  remove(absPath: string): void {
    this.planned.delete(absPath);
    for (const paths of this.byNumber.values()) paths.delete(absPath);
  }

  /**
   * Other files that are the same release: those with its number and, for a dated import, the undated
   * draft an earlier import of the same title wrote (`borradores/<título>.md`) unless it has another number.
   */
  sameRelease(target: { absPath: string; number?: string | undefined; undatedPath?: string | undefined }): string[] {
    const found = new Set<string>();
    const number = target.number ? normalizeBulletinNumber(target.number) : undefined;
    const numberOfFile = (file: string) => (this.planned.has(file) ? this.planned.get(file) : numberOf(file, this.contentDir));
    if (number) {
      for (const file of this.byNumber.get(number) ?? []) if (file !== target.absPath && !this.planned.has(file) && numberOf(file, this.contentDir) === number) found.add(file);
      for (const [file, plannedNumber] of this.planned) if (file !== target.absPath && plannedNumber === number) found.add(file);
    }
    const draft = target.undatedPath;
    if (draft && draft !== target.absPath && (this.planned.has(draft) || existsSync(draft))) {
      const other = numberOfFile(draft);
      if (other === undefined || other === null || other === number) found.add(draft);
    }
    return [...found].sort();
  }
}

/** Numbers on a `number:` line of the front matter, read without YAML (a candidate, checked by `numberOf`). */
function quickNumbers(text: string): string[] {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return [];
  const numbers: string[] = [];
  for (const line of m[1]!.split(/\r?\n/)) {
    const field = /^["']?number["']?[ \t]*:(.*)$/.exec(line);
    if (!field) continue;
    const value = field[1]!.replace(/\s#.*$/, "").trim().replace(/^(["'])(.*)\1$/, "$2");
    const number = normalizeBulletinNumber(value);
    if (number) numbers.push(number);
  }
  return numbers;
}

/**
 * The number of a bulletin file as the build reads it: undefined without one, null when the file cannot
 * be read or its front matter does not parse (then it is not taken for the release by its number).
 */
function numberOf(absPath: string, contentDir: string): string | undefined | null {
  let text: string;
  try {
    text = readFileSync(absPath, "utf8");
  } catch {
    return null;
  }
  const loaded = parseSource(text, absPath, path.relative(contentDir, absPath).split(path.sep).join("/"));
  if (!loaded.ok) return null;
  const value = loaded.doc.data["number"];
  if (value === undefined || value === null || value === "") return undefined;
  return normalizeBulletinNumber(String(value)) ?? null;
}
