import path from "node:path";
import { resolveNow } from "../policy/clock.ts";
import { resolveSiteConfig } from "../site.ts";
import type { PrepareOptions } from "../build/prepare.ts";
import { formatProblem, formatProblemGithub, summarizeProblems, type Problem } from "../model/problems.ts";

/** Parsed and rendered bulletins kept between builds (and checks); deleting it only makes the next one slower. */
export const DEFAULT_CACHE_DIR = ".cache/boletines";

export interface CommonFlags {
  content?: string | undefined;
  public?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
}

export const CONTENT_OPTIONS = {
  content: { type: "string" },
  public: { type: "string" },
  drafts: { type: "boolean" },
  future: { type: "boolean" },
} as const;

export function prepareOptionsFrom(flags: CommonFlags): PrepareOptions {
  return {
    contentDir: path.resolve(flags.content ?? "content"),
    publicDir: path.resolve(flags.public ?? "public"),
    drafts: flags.drafts ?? false,
    future: flags.future ?? false,
    now: resolveNow(),
    site: resolveSiteConfig(),
  };
}

export function printProblems(problems: readonly Problem[], format: "text" | "github" = "text", stream: NodeJS.WritableStream = process.stderr): void {
  for (const p of problems) stream.write(`${format === "github" ? formatProblemGithub(p) : formatProblem(p)}\n`);
  if (format === "text" && problems.length) stream.write(`${summarizeProblems(problems)}\n`);
}
