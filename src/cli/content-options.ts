import type { PrepareOptions } from "../build/prepare.ts";
import { resolveSiteConfig } from "../site.ts";
import { folderOption } from "./args.ts";

/**
 * The options every command that reads content/ takes, and what they resolve to before "now" is read.
 * Apart from common.ts, which loads luxon for the clock: `build` resolves these first and starts its
 * prefetch thread before it loads the rest of its modules (cli/build.ts).
 */

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

/** `notes`, when given, receives what the environment's settings were read as, when not as written (site.ts `resolveSiteConfig`). */
export function contentOptionsFrom(flags: CommonFlags, notes?: string[]): Omit<PrepareOptions, "now"> {
  return {
    contentDir: folderOption(flags.content, "--content", "content"),
    publicDir: folderOption(flags.public, "--public", "public"),
    drafts: flags.drafts ?? false,
    future: flags.future ?? false,
    site: resolveSiteConfig(process.env, undefined, notes),
  };
}
