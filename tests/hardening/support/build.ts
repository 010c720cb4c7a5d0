import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
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

/** `boletines <args>` in a child process, as a user runs it. Bounded: killed after `timeoutMs`. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, BOLETINES_NOW: NOW, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
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

/** A stack trace in output means a crash reached the user. */
export const STACK_TRACE_RE = /^\s+at .+\(?.*:\d+:\d+\)?$|node:internal|Error: .*\n\s+at /m;
