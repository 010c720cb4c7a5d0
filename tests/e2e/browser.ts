import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./tools.ts";

/** One Debian Chromium per test file (installed with apt when missing), headless, offline-friendly. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Ceiling for one navigation or wait (Playwright's default is 30 s). Not a delay: waits end as soon
 * as their condition holds; a shared, loaded CI machine just needs more headroom before failing.
 */
export const E2E_TIMEOUT_MS = 90_000;

/** What goes wrong in a page from now on: its uncaught errors and the errors its console prints. */
export function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => void problems.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
  return problems;
}
