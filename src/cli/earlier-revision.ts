import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import type { EarlierBulletin } from "../model/kept-addresses.ts";
import { makeImageExists } from "../model/corpus.ts";
import { displayPath, isContentName, parseSource } from "../model/load.ts";
import { normalizeBulletin } from "../model/normalize.ts";
import type { SiteConfig } from "../site.ts";
import type { PrepareOptions } from "../build/prepare.ts";
import { UsageError } from "./args.ts";

/** The content of an earlier git revision, as far as `findLostAddresses` needs it. */
export interface EarlierRevision {
  /** The revision as the editor named it, and its commit. */
  ref: string;
  commit: string;
  /** Content files changed, renamed or deleted since then (new ones lose nothing). */
  changed: number;
  /** Every content file the change touches, as problems name files: added, changed or renamed (their path now), deleted (their path then). */
  touched: string[];
  bulletins: EarlierBulletin[];
}

export class RevisionUnavailable extends Error {}

const GIT_TIMEOUT_MS = 60_000;
/** Enough for the names of every file of a large archive and the text of every one of them. */
const GIT_MAX_BUFFER = 1024 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): Buffer {
  // Output read by this code: the same whatever the editor's settings (colours) or language (messages).
  const result = spawnSync("git", ["-c", "core.quotepath=off", "-c", "color.ui=never", ...args], {
    cwd,
    input,
    maxBuffer: GIT_MAX_BUFFER,
    timeout: GIT_TIMEOUT_MS,
    env: { ...process.env, LC_ALL: "C", LANGUAGE: "" },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new RevisionUnavailable(code === "ENOENT" ? "git no está instalado" : result.error.message);
  }
  if (result.status !== 0) throw new RevisionUnavailable(result.stderr.toString("utf8").trim().split("\n")[0] || `git ${args[0]} falló`);
  return result.stdout;
}

/**
 * The bulletins that `ref` (a branch, tag or commit of the repository holding `contentDir`) had in the
 * files changed, renamed or deleted since, read from git and normalized by the same loader as the
 * content on disk; paired with the file that holds each now. Files that did not change are left out:
 * their addresses are the same. Throws `RevisionUnavailable` (saying why in Spanish) when the content
 * folder is not in a git repository, git is missing, or `ref` names no commit.
 */
export function readEarlierRevision(contentDir: string, publicDir: string, ref: string, site: SiteConfig): EarlierRevision {
  const content = path.resolve(contentDir);
  // (git would be run in it: a missing folder would read as a missing git.)
  if (!existsSync(content)) throw new RevisionUnavailable(`${displayPath(content)} no existe`);
  let top: string;
  try {
    top = git(content, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
  } catch (error) {
    if (error instanceof RevisionUnavailable && /not a git repository/i.test(error.message)) throw new RevisionUnavailable(`${displayPath(content)} no está en un repositorio de git`);
    throw error;
  }
  let commit: string;
  try {
    commit = git(top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).toString("utf8").trim();
  } catch {
    throw new RevisionUnavailable(`«${ref}» no es una revisión de este repositorio (una rama, etiqueta o commit; en una copia superficial, trae la historia con git fetch)`);
  }
  // Paths git prints are relative to the repository's top; the content folder's place in it, resolved
  // through links as git resolves it.
  const inRepo = path.relative(realpathSync(top), realpathSync(content)).split(path.sep).join("/");
  const prefix = inRepo ? `${inRepo}/` : "";
  const fields = git(top, ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--name-status", "-z", "-M", commit, "--", inRepo || "."]).toString("utf8").split("\0");
  const pairs: Array<{ before: string; after?: string }> = [];
  // Added files and copies lose nothing (nothing was published there), but they are part of the change.
  const added: string[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    if (status.startsWith("R")) pairs.push({ before: fields[i++]!, after: fields[i++]! });
    else if (status.startsWith("C")) added.push(fields[(i += 2) - 1]!);
    else if (status === "D") pairs.push({ before: fields[i++]! });
    else if (status === "M" || status === "T") {
      const file = fields[i++]!;
      pairs.push({ before: file, after: file });
    } else added.push(fields[i++]!);
  }
  const within = (gitPath: string) => (gitPath.startsWith(prefix) ? gitPath.slice(prefix.length) : undefined);
  const isBulletin = (rel: string | undefined): rel is string => rel !== undefined && isContentName(rel) && !rel.split("/").some((part) => part.startsWith(".") || part.startsWith("_"));
  const shown = (rel: string) => displayPath(path.join(content, rel));
  const touched = [...pairs.map((p) => p.after ?? p.before), ...added].map(within).filter(isBulletin).map(shown);
  const read = pairs.filter((p) => isBulletin(within(p.before)));
  const texts = catFiles(top, read.map((p) => `${commit}:${p.before}`));
  const ctx = { site, imageExists: makeImageExists(publicDir) };
  const bulletins: EarlierBulletin[] = [];
  read.forEach((pair, i) => {
    const rel = within(pair.before)!;
    const text = texts[i];
    if (text === undefined) return;
    const loaded = parseSource(text, shown(rel), rel);
    // A version that did not load had no page: nothing of it was published.
    const bulletin = loaded.ok ? normalizeBulletin(loaded.doc, ctx).bulletin : undefined;
    if (!bulletin) return;
    const after = pair.after !== undefined ? within(pair.after) : undefined;
    bulletins.push({ bulletin, ...(isBulletin(after) ? { nowIn: shown(after) } : {}) });
  });
  return { ref, commit, changed: read.length, touched, bulletins };
}

/**
 * What `check` and `serve` compare with: `since` (`check --since REV`), or by default what this
 * branch last shared: where it parted from the branch it pushes to and pulls from (`git merge-base
 * HEAD @{upstream}`), so that edits not yet pushed, committed or not, are said before anyone else
 * sees them (and others' changes fetched since are not taken for this branch's); with no such branch,
 * the last commit (HEAD). Without `since`, a folder outside git (or a repository with no commit yet)
 * is simply not compared; with it, that is a usage error.
 */
export function earlierRevision(since: string | undefined, options: Pick<PrepareOptions, "contentDir" | "publicDir" | "site">): EarlierRevision | undefined {
  try {
    return readEarlierRevision(options.contentDir, options.publicDir, since ?? lastShared(options.contentDir), options.site);
  } catch (error) {
    if (!(error instanceof RevisionUnavailable)) throw error;
    if (since !== undefined) throw new UsageError(`--since: ${error.message}.`);
    return undefined;
  }
}

/** Where HEAD parted from its upstream branch, or HEAD when it has none. */
function lastShared(contentDir: string): string {
  try {
    return git(path.resolve(contentDir), ["merge-base", "HEAD", "@{upstream}"]).toString("utf8").trim();
  } catch {
    return "HEAD";
  }
}

/** Texts of `commit:path` objects, in one `git cat-file --batch` (one process for any number of files). */
function catFiles(top: string, objects: readonly string[]): Array<string | undefined> {
  if (!objects.length) return [];
  const out = git(top, ["cat-file", "--batch"], objects.map((o) => `${o}\n`).join(""));
  const texts: Array<string | undefined> = [];
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString("utf8");
    at = headerEnd + 1;
    const match = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined); // `… missing`
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === "blob" ? out.subarray(at, at + size).toString("utf8") : undefined);
    at += size + 1;
  }
  return texts;
}
