import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const CLI = path.join(ROOT, "bin/boletines.js");
/** The fixed "now" every test build uses (deterministic embargoes). */
export const NOW = "2026-01-01T00:00:00-06:00";

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Run as another user (the tests run as root in the dev container; root ignores permissions). */
  uid?: number;
  gid?: number;
}

/** `boletines <args>` in a child process, as a user runs it. Bounded: killed after `timeoutMs`. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

export function startCli(args: string[], options: CliOptions = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, BOLETINES_NOW: NOW, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: options.timeoutMs ?? 60_000,
    killSignal: "SIGKILL",
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  const done = new Promise<CliRun>((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `boletines-${label}-`));
}

/** A content folder holding the seed bulletins of the repository, plus whatever a test adds. */
export async function seedContent(dir: string): Promise<string> {
  const content = path.join(dir, "content");
  await cp(path.join(ROOT, "content"), content, { recursive: true });
  return content;
}

export async function writeText(file: string, text: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** A bulletin file from front-matter lines (already YAML) and a body. */
export function bulletinText(frontMatter: string, body = "Texto del boletín."): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
}

/** Every file under `dir` with the SHA-256 of its bytes, sorted: two sites are equal when these are. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  for (const f of files) out.set(f, createHash("sha256").update(await readFile(path.join(dir, f))).digest("hex"));
  return out;
}

/** A stack trace in output means a crash reached the user. */
export const STACK_TRACE_RE = /^\s+at .+\(?.*:\d+:\d+\)?$|node:internal|Error: .*\n\s+at /m;
