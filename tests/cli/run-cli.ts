import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs the real `boletines` command in `cwd`, as an editor would. */
export const BIN = fileURLToPath(new URL("../../bin/boletines.js", import.meta.url));

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
